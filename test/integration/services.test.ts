import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPair, importJWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { HmsopsApiError, HmsopsClient } from '../../src/sdk/index.js';
import { execa } from 'execa';
import { storeFleet } from '../helpers/suite-fleet.js';
import { cliPath, until, type TestFleet } from '../helpers/fleet.js';

/**
 * The bundled services as the daemon runs them: processes behind the gateway, reached with the
 * SDK and the CLI. Their routes, on both stores, are services-in-process.test.ts; here what needs
 * processes: the gateway's checks at the edge, a port called directly, a rolling restart, the
 * CLI's session and mail commands, the logs the daemon keeps.
 */
describe('the bundled services as a fleet', () => {
  const fleetUp = storeFleet('sqlite', 'version: 1\ngateway: { port: 0 }\nservices:\n  auth: {}\n  ach: {}\n  analytics: {}\n  messaging: {}\n  mail-sink: {}\n');
  let fleet: TestFleet;
  let client: HmsopsClient;
  let gw: string;
  let operatorPassword: string;

  beforeAll(async () => {
    fleet = fleetUp();
    client = await fleet.sdk();
    gw = client.gatewayUrl;
    operatorPassword = JSON.parse(fs.readFileSync(path.join(fleet.stateDir, 'credentials.json'), 'utf8')).password;
  });

  const _post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  async function signingKey() {
    const [row] = await fleet.store.query<{ kid: string; private_jwk: string }>('auth', "SELECT kid, private_jwk FROM signing_keys WHERE slot = 'current'");
    return { kid: row!.kid, key: await importJWK({ ...JSON.parse(row!.private_jwk), alg: 'EdDSA' }, 'EdDSA') };
  }

  describe('every service', () => {
    it('starts without a deprecation or other warning in its log', () => {
      const logs = fs.readdirSync(path.join(fleet.stateDir, 'logs')).filter((f) => /^(auth|ach|analytics|messaging|mail-sink)-\d+\.log$/.test(f));
      expect(logs).toHaveLength(5);
      for (const f of logs) expect(fs.readFileSync(path.join(fleet.stateDir, 'logs', f), 'utf8'), f).not.toMatch(/Deprecation|Warning:/);
    });
  });

  describe('auth', () => {
    it('seeds an operator whose password sits in a 0600 credentials file, and logs in', async () => {
      expect(fs.statSync(path.join(fleet.stateDir, 'credentials.json')).mode & 0o777).toBe(0o600);
      const r = await client.auth.login('operator', operatorPassword);
      expect(r.user).toMatchObject({ username: 'operator', roles: ['admin', 'operator'] });
      const claims = JSON.parse(Buffer.from(r.token.split('.')[1]!, 'base64url').toString());
      expect(claims).toMatchObject({ iss: 'hmsops-auth', aud: 'hmsops', username: 'operator' });
      expect(claims.exp - claims.iat).toBe(900);
      expect(JSON.parse(Buffer.from(r.token.split('.')[0]!, 'base64url').toString())).toMatchObject({ alg: 'EdDSA', kid: expect.any(String) });
      expect((await client.auth.me()).username).toBe('operator');
    });

    it('logs in another user with hmsops login and uses that session for later commands', async () => {
      await client.call('POST', '/auth/v1/users', { username: 'olga', password: 'olga has a long password', email: 'o@x.example', roles: ['operator'] });
      const bad = await fleet.hmsops(['login', '--user', 'olga'], { env: { HMSOPS_PASSWORD: 'wrong' } });
      expect(bad.exitCode).toBe(1);
      expect(bad.stderr).toContain('invalid username or password');
      const r = await fleet.hmsops(['login', '--user', 'olga', '--json'], { env: { HMSOPS_PASSWORD: 'olga has a long password' } });
      expect(r.exitCode, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ username: 'olga', roles: ['operator'] });
      const session = path.join(fleet.stateDir, 'run', 'session.json');
      expect(fs.statSync(session).mode & 0o777).toBe(0o600);
      // Later commands run as olga: the gateway's access log names her.
      const report = await fleet.hmsops(['analytics', 'report', '--json']);
      expect(report.exitCode, report.stderr).toBe(0);
      const olga = /"url":"\/analytics\/v1\/reports\/summary","requestId":[^\n]*"user":"olga"/;
      await until('olga in the access log', () => olga.test(fleet.accessLog()));
      expect((await fleet.hmsops(['logs', 'gateway'])).stdout).toMatch(olga);
      fs.rmSync(session);
    });

    // A login is a password hash on the auth service: seconds each under load. The session a login
    // gives is kept (0600, until its token expires), and calls made at once share one login.
    it('makes one login for a command whose calls go at once, keeps it, and makes none for the next command', async () => {
      const session = path.join(fleet.stateDir, 'run', 'session.json');
      fs.rmSync(session, { force: true });
      const logins = async () => ((await fleet.hmsops(['logs', 'gateway'])).stdout.match(/"method":"POST","url":"\/auth\/v1\/login"/g) ?? []).length;
      const before = await logins();

      // reconcile asks ach, analytics and messaging at once: one login between them.
      expect((await fleet.hmsops(['reconcile', 'NOPE-1'])).exitCode).toBe(1);
      await until('the login in the access log', async () => (await logins()) > before);
      expect((await logins()) - before).toBe(1);
      expect(fs.statSync(session).mode & 0o777).toBe(0o600);

      // The next command uses the session kept: no login.
      expect((await fleet.hmsops(['disbursements', 'ls'])).exitCode).toBe(0);
      expect((await fleet.hmsops(['reconcile', 'NOPE-1'])).exitCode).toBe(1);
      await new Promise((r) => setTimeout(r, 300)); // the access log is written every 100 ms
      expect((await logins()) - before).toBe(1);

      // A session the fleet no longer takes is renewed with the local credentials, once.
      const s = JSON.parse(fs.readFileSync(session, 'utf8'));
      fs.writeFileSync(session, JSON.stringify({ ...s, token: `${s.token.slice(0, -4)}AAAA` }), { mode: 0o600 });
      expect((await fleet.hmsops(['disbursements', 'ls'])).exitCode).toBe(0);
      await until('the second login in the access log', async () => (await logins()) - before === 2);
      expect(JSON.parse(fs.readFileSync(session, 'utf8')).token).not.toBe(`${s.token.slice(0, -4)}AAAA`);
    });

    it('works against a fleet it does not run, through its gateway (--gateway): login, reads and disbursements; ps, scale and the like point to the orchestrator', async () => {
      // Another directory, with no fleet of its own: as an operator's laptop next to a Kubernetes fleet.
      const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-elsewhere-'));
      onTestFinished(() => fs.rmSync(elsewhere, { recursive: true, force: true }));
      const cli = (args: string[], env: Record<string, string> = {}) =>
        execa(process.execPath, [cliPath, ...args], { cwd: elsewhere, reject: false, env: { NO_COLOR: '1', ...env } });
      const none = await cli(['--gateway', gw, 'analytics', 'report']);
      expect(none.exitCode).toBe(2);
      expect(none.stderr).toContain(`no session for ${gw}: log in first (hmsops login --gateway ${gw} --user NAME`);
      const login = await cli(['login', '--gateway', gw, '--user', 'operator', '--json'], { HMSOPS_PASSWORD: operatorPassword });
      expect(login.exitCode, login.stderr).toBe(0);
      expect(JSON.parse(login.stdout)).toMatchObject({ username: 'operator' });
      const report = await cli(['analytics', 'report', '--json'], { HMSOPS_GATEWAY: gw });
      expect(report.exitCode, report.stderr).toBe(0);
      expect(JSON.parse(report.stdout)).toHaveProperty('byType');
      // The kept session is that gateway's: without --gateway this directory has no fleet (exit 4).
      expect((await cli(['analytics', 'report'])).exitCode).toBe(4);
      for (const [args, hint] of [
        [['ps'], 'kubectl get pods'],
        [['scale', 'ach=3'], 'kubectl scale deployment/SERVICE --replicas=N'],
        [['restart', 'ach'], 'kubectl rollout restart deployment/SERVICE'],
        [['up'], 'kubectl apply -f DIR'],
      ] as const) {
        const r = await cli(['--gateway', gw, ...args]);
        expect(r.exitCode, `${args.join(' ')}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toContain(`the fleet at ${gw} is run by an orchestrator, not by hmsops; use ${hint}`);
      }
      expect(fs.existsSync(path.join(elsewhere, '.hmsops', 'run', 'hmsopsd.lock'))).toBe(false); // no daemon started here
      expect((await cli(['--gateway', 'not-a-url', 'analytics', 'report'])).stderr).toContain('--gateway: expected the gateway');
    });

    it('refuses tampered tokens at the edge: alg none, another key, expired, wrong audience', async () => {
      const { kid, key } = await signingKey();
      const sub = crypto.randomUUID();
      const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      const claims = { sub, username: 'operator', roles: ['admin'], iss: 'hmsops-auth', aud: 'hmsops', iat: now, exp: now + 600 };
      const algNone = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
      const other = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
      const wrongKey = await new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', kid }).sign(other.privateKey);
      const expired = await new SignJWT({ ...claims, iat: now - 1200, exp: now - 600 }).setProtectedHeader({ alg: 'EdDSA', kid }).sign(key);
      const wrongAud = await new SignJWT({ ...claims, aud: 'someone-else' }).setProtectedHeader({ alg: 'EdDSA', kid }).sign(key);
      const good = await new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', kid }).sign(key);
      for (const token of [algNone, wrongKey, expired, wrongAud, 'garbage']) {
        const r = await fetch(`${gw}/analytics/v1/reports/summary`, { headers: { authorization: `Bearer ${token}` } });
        expect(r.status).toBe(401);
        expect(((await r.json()) as any).error.code).toBe('UNAUTHENTICATED');
      }
      expect((await fetch(`${gw}/analytics/v1/reports/summary`, { headers: { authorization: `Bearer ${good}` } })).status).toBe(200);
    });

    it('refuses a direct call to a service port without the gateway identity, forged or absent', async () => {
      const addr = (await fleet.hmsops(['registry', 'get', 'analytics'])).stdout.trim();
      const none = await fetch(`http://${addr}/v1/reports/summary`);
      expect(none.status).toBe(401);
      const forged = await fetch(`http://${addr}/v1/reports/summary`, {
        headers: { 'x-hmsops-identity': `${Buffer.from('{"sub":"x","username":"x","roles":["admin"],"exp":9999999999}').toString('base64url')}.AAAA` },
      });
      expect(forged.status).toBe(401);
      // Probes, metrics and the API document stay open.
      expect((await fetch(`http://${addr}/readyz`)).status).toBe(200);
      expect((await fetch(`http://${addr}/metrics`)).status).toBe(200);
      const openapi = (await (await fetch(`http://${addr}/v1/openapi.json`)).json()) as any;
      expect(Object.keys(openapi.paths)).toContain('/v1/events:batch');
    });
  });

  describe('analytics', () => {
    it('counts a repeated event once, and keeps its data across a rolling restart', async () => {
      const at = new Date().toISOString();
      const events = [1, 2, 3].map((i) => ({ id: `g9-e${i}`, type: 'transfer.queued', at, grantId: 'G-9', amountCents: 100 * i, status: 'queued' }));
      expect(await client.analytics.trackEvents(events)).toEqual({ accepted: 3, duplicates: 0 });
      expect(await client.analytics.trackEvents(events)).toEqual({ accepted: 0, duplicates: 3 });
      expect(await client.analytics.trackEvent(events[0]!)).toEqual({ accepted: 0, duplicates: 1 });
      const bad = await client.analytics.trackEvent({ id: 'x', type: 'Bad Type', at: 'yesterday' } as any).catch((e) => e);
      expect(bad).toMatchObject({ status: 400, code: 'VALIDATION' });
      expect(((bad as HmsopsApiError).body as any).error.fields.map((f: any) => f.field).sort()).toEqual(['at', 'type']);
      expect((await fleet.hmsops(['restart', 'analytics'])).exitCode).toBe(0);
      const report = await client.analytics.grantReport('G-9');
      expect(report.total).toEqual({ count: 3, amountCents: 600 });
      const cli = JSON.parse((await fleet.hmsops(['analytics', 'report', '--grant', 'G-9', '--json'])).stdout);
      expect(cli.total).toEqual({ count: 3, amountCents: 600 });
    });
  });

  describe('messaging and the mail sink', () => {
    it('sends one email per key, however often the key is repeated', async () => {
      const msg = { to: 'once@grantee.example', subject: 'Payment sent', text: 'Your grant payment was sent.' };
      const first = await client.messaging.sendEmail(msg, { idempotencyKey: 'once-1' });
      for (let i = 0; i < 3; i++) expect((await client.messaging.sendEmail(msg, { idempotencyKey: 'once-1' })).id).toBe(first.id);
      const reused = await client.messaging.sendEmail({ ...msg, subject: 'Other' }, { idempotencyKey: 'once-1' }).catch((e) => e);
      expect(reused).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
      await until('sent', async () => (await client.messaging.get(first.id)).status === 'sent');
      const ls = JSON.parse((await fleet.hmsops(['mail', 'ls', '--to', 'once@grantee.example', '--json'])).stdout);
      expect(ls.messages).toHaveLength(1);
      expect(ls.messages[0]).toMatchObject({ subject: 'Payment sent', messageId: `<${first.id}@hmsops.local>` });
      const raw = JSON.parse((await fleet.hmsops(['mail', 'show', ls.messages[0].id, '--json'])).stdout).raw;
      expect(raw).toContain('Your grant payment was sent.');
    });
  });

  describe('log hygiene', () => {
    it('never writes a password or a password hash to any log', async () => {
      const logsDir = path.join(fleet.stateDir, 'logs');
      const all = fs
        .readdirSync(logsDir)
        .map((f) => fs.readFileSync(path.join(logsDir, f), 'utf8'))
        .join('\n');
      expect(all.length).toBeGreaterThan(1000);
      for (const secret of [operatorPassword, 'olga has a long password', 'scrypt$']) expect(all).not.toContain(secret);
    });
  });
});

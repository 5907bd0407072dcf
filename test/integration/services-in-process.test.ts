/**
 * auth, analytics, messaging and the mail sink built in-process (test/helpers/in-process.ts) on
 * each store: a temp SQLite file and a database of their own on the test PostgreSQL. Two
 * instances of a service share one store as two processes would; the mail sink's SMTP side listens
 * for real and messaging delivers to it over SMTP. What needs a fleet (the gateway's checks at the
 * edge, restarts, the CLI) is in services.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analytics } from '../../services/analytics/app.js';
import { auth } from '../../services/auth/app.js';
import { mailSink } from '../../services/mail-sink/app.js';
import { messaging } from '../../services/messaging/app.js';
import { sleep, until } from '../helpers/fleet.js';
import { buildInProcess, type InProcessService, tempState } from '../helpers/in-process.js';
import { describeStores, type FleetStore, storesFor } from '../helpers/stores.js';

describeStores('the bundled services in-process (%s store)', (backend) => {
  const stores = storesFor(backend);
  let state: ReturnType<typeof tempState>;
  let store: FleetStore;
  const built: InProcessService[] = [];
  const build = async (...args: Parameters<typeof buildInProcess>) => {
    const s = await buildInProcess(...args);
    built.push(s);
    return s;
  };
  const json = (r: { body: string }) => JSON.parse(r.body);

  beforeAll(async () => {
    state = tempState();
    store = await stores.store();
  });
  afterAll(async () => {
    try {
      for (const s of built.reverse()) await s.close().catch(() => undefined);
      await store?.close();
      await stores.stop();
    } finally {
      state?.remove();
    }
  });

  describe('auth', () => {
    let a1: InProcessService;
    let a2: InProcessService;
    let operatorPassword: string;
    const login = (s: InProcessService, username: string, password: string) => s.call({ method: 'POST', url: '/v1/login', payload: { username, password }, as: null });
    beforeAll(async () => {
      a1 = await build(auth, store, state.dir, { instanceId: 'auth-1' });
      a2 = await build(auth, store, state.dir, { instanceId: 'auth-2' });
      operatorPassword = JSON.parse(fs.readFileSync(path.join(state.dir, 'credentials.json'), 'utf8')).password;
    });

    it('seeds one operator whose password sits in a 0600 credentials file, and logs in with a short-lived EdDSA token', async () => {
      expect(fs.statSync(path.join(state.dir, 'credentials.json')).mode & 0o777).toBe(0o600);
      expect(await store.query('auth', 'SELECT username FROM users')).toEqual([{ username: 'operator' }]);
      const r = await login(a2, 'operator', operatorPassword);
      expect(r.statusCode, r.body).toBe(200);
      const { token, user } = json(r);
      expect(user).toMatchObject({ username: 'operator', roles: ['admin', 'operator'] });
      const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
      expect(claims).toMatchObject({ iss: 'hmsops-auth', aud: 'hmsops', username: 'operator' });
      expect(claims.exp - claims.iat).toBe(900);
      expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())).toMatchObject({ alg: 'EdDSA', kid: expect.any(String) });
      const me = await a1.call({ method: 'GET', url: '/v1/me', as: { sub: user.id } });
      expect(json(me).username).toBe('operator');
    });

    it('keeps one signing key in the store: every instance serves the same JWKS, and no key file is written', async () => {
      const [j1, j2] = await Promise.all([a1, a2].map(async (s) => json(await s.call({ method: 'GET', url: '/v1/jwks.json', as: null }))));
      expect(j1).toEqual(j2);
      const rows = await store.query<{ kid: string }>('auth', "SELECT kid FROM signing_keys WHERE slot = 'current'");
      expect(j1.keys.map((k: { kid: string }) => k.kid)).toEqual(rows.map((r) => r.kid));
      expect(fs.existsSync(path.join(state.dir, 'keys', 'auth-signing.json'))).toBe(false);
    });

    it('counts failed logins at every instance toward one lockout: 401, then 429 with Retry-After', async () => {
      const created = await a1.call({
        method: 'POST',
        url: '/v1/users',
        payload: { username: 'mallory', password: 'correct horse battery', email: 'm@x.example', roles: ['viewer'] },
      });
      expect(created.statusCode, created.body).toBe(201);
      const bad = await login(a1, 'mallory', 'wrong');
      expect(bad.statusCode).toBe(401);
      expect(json(bad).error.code).toBe('INVALID_CREDENTIALS');
      for (let i = 0; i < 4; i++) await login(i % 2 ? a1 : a2, 'mallory', 'wrong');
      const locked = await login(a2, 'mallory', 'correct horse battery');
      expect(locked.statusCode).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect(json(locked).error.code).toBe('ACCOUNT_LOCKED');
    });

    it('lets only admins manage users, and a disabled user cannot log in', async () => {
      await a1.call({ method: 'POST', url: '/v1/users', payload: { username: 'victor', password: 'a long enough secret', email: 'v@x.example', roles: ['viewer'] } });
      const victor = json(await login(a1, 'victor', 'a long enough secret')).user;
      const denied = await a2.call({ method: 'GET', url: '/v1/users', as: { sub: victor.id, username: 'victor', roles: ['viewer'] } });
      expect(denied.statusCode).toBe(403);
      expect(json(denied).error.code).toBe('FORBIDDEN');
      expect((await a2.call({ method: 'POST', url: '/v1/users/victor/disable' })).statusCode).toBe(200);
      const disabled = await login(a1, 'victor', 'a long enough secret');
      expect(disabled.statusCode).toBe(403);
      expect(json(disabled).error.code).toBe('ACCOUNT_DISABLED');
    });

    it('refuses a call without the gateway identity, forged or absent, and keeps probes, metrics and the API document open', async () => {
      expect((await a1.call({ method: 'GET', url: '/v1/users', as: null })).statusCode).toBe(401);
      const forged = await a1.call({
        method: 'GET',
        url: '/v1/users',
        as: null,
        headers: { 'x-hmsops-identity': `${Buffer.from('{"sub":"x","username":"x","roles":["admin"],"exp":9999999999}').toString('base64url')}.AAAA` },
      });
      expect(forged.statusCode).toBe(401);
      expect(json(forged).error.code).toBe('UNAUTHENTICATED');
      for (const url of ['/healthz', '/readyz', '/metrics']) expect((await a1.call({ method: 'GET', url, as: null })).statusCode, url).toBe(200);
      const openapi = json(await a1.call({ method: 'GET', url: '/v1/openapi.json', as: null }));
      expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/v1/login', '/v1/users']));
    });

    it('never writes a password or a password hash to its log', () => {
      const log = [...a1.log, ...a2.log].join('');
      expect(log).toContain('"msg":"request"');
      for (const secret of [operatorPassword, 'correct horse battery', 'a long enough secret', 'scrypt$']) expect(log).not.toContain(secret);
    });
  });

  describe('analytics', () => {
    it('counts a repeated event once, says every bad field, and keeps its data when built again on the same store', async () => {
      let a = await build(analytics, store, state.dir);
      const at = new Date().toISOString();
      const events = [1, 2, 3].map((i) => ({ id: `g9-e${i}`, type: 'transfer.queued', at, grantId: 'G-9', amountCents: 100 * i, status: 'queued' }));
      const batch = () => a.call({ method: 'POST', url: '/v1/events:batch', payload: { events } });
      expect(json(await batch())).toEqual({ accepted: 3, duplicates: 0 });
      expect(json(await batch())).toEqual({ accepted: 0, duplicates: 3 });
      expect(json(await a.call({ method: 'POST', url: '/v1/events', payload: events[0] }))).toEqual({ accepted: 0, duplicates: 1 });
      const bad = await a.call({ method: 'POST', url: '/v1/events', payload: { id: 'x', type: 'Bad Type', at: 'yesterday' } });
      expect(bad.statusCode).toBe(400);
      expect(json(bad).error.code).toBe('VALIDATION');
      expect(
        json(bad)
          .error.fields.map((f: { field: string }) => f.field)
          .sort(),
      ).toEqual(['at', 'type']);
      await a.close();
      a = await build(analytics, store, state.dir);
      const report = json(await a.call({ method: 'GET', url: '/v1/reports/grants/G-9' }));
      expect(report.total).toEqual({ count: 3, amountCents: 600 });
      expect((await a.call({ method: 'GET', url: '/v1/reports/grants/NOPE' })).statusCode).toBe(404);
    });
  });

  describe('messaging and the mail sink', () => {
    let sink: InProcessService;
    let m1: InProcessService;
    let m2: InProcessService;
    let smtpPort: number;
    beforeAll(async () => {
      sink = await build(mailSink, store, state.dir);
      smtpPort = Number(sink.service.metadata().smtpPort);
      const smtpUrl = `smtp://127.0.0.1:${smtpPort}`;
      m1 = await build(messaging, store, state.dir, { instanceId: 'messaging-1', smtpUrl });
      m2 = await build(messaging, store, state.dir, { instanceId: 'messaging-2', smtpUrl });
    });
    const send = (s: InProcessService, key: string, email: Record<string, unknown>) =>
      s.call({ method: 'POST', url: '/v1/emails', payload: email, headers: { 'idempotency-key': key } });
    const sendBatch = (s: InProcessService, emails: Record<string, unknown>[]) => s.call({ method: 'POST', url: '/v1/emails:batch', payload: { emails } });
    const counts = async (prefix: string) => json(await m1.call({ method: 'GET', url: `/v1/emails?keyPrefix=${prefix}&countsOnly=true` })).counts as Record<string, number>;
    const received = async (domain: string) => json(await sink.call({ method: 'GET', url: `/v1/messages:count?domain=${domain}` })).count as number;

    it('sends one email per key, however often and at whichever instance the key is repeated', async () => {
      const msg = { to: 'once@grantee.example', subject: 'Payment sent', text: 'Your grant payment was sent.' };
      const first = json(await send(m1, 'once-1', msg));
      for (const s of [m1, m2, m2]) {
        const again = await send(s, 'once-1', msg);
        expect(again.headers['idempotent-replayed']).toBe('true');
        expect(json(again).id).toBe(first.id);
      }
      const reused = await send(m2, 'once-1', { ...msg, subject: 'Other' });
      expect(reused.statusCode).toBe(422);
      expect(json(reused).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
      await until('sent', async () => json(await m1.call({ method: 'GET', url: `/v1/emails/${first.id}` })).status === 'sent');
      const ls = json(await sink.call({ method: 'GET', url: '/v1/messages?to=once@grantee.example' }));
      expect(ls.messages).toHaveLength(1);
      expect(ls.messages[0]).toMatchObject({ subject: 'Payment sent', messageId: `<${first.id}@hmsops.local>` });
      const raw = json(await sink.call({ method: 'GET', url: `/v1/messages/${ls.messages[0].id}` })).raw;
      expect(raw).toContain('Your grant payment was sent.');
    });

    it('delivers each of 300 queued emails exactly once while two instances drain one outbox', async () => {
      const emails = Array.from({ length: 300 }, (_, i) => ({ idempotencyKey: `pair-${i}`, to: `pair${i}@pair.example`, subject: 'Pair', text: `notice ${i}` }));
      expect(json(await sendBatch(m2, emails)).queued).toBe(300);
      await until('all sent', async () => (await counts('pair-')).sent === 300, 30_000, 100);
      await sleep(1000); // time for a second delivery to show up, if one were made
      expect(await received('pair.example')).toBe(300);
    });

    it('keeps delivering, a few at a time, while emails keep being queued, and sends the rest once queueing stops', async () => {
      // 40 requests of 25 over ~4 s: the outbox claims a few a tick meanwhile (never none), all after.
      let sentWhileQueueing = 0;
      for (let b = 0; b < 40; b++) {
        const emails = Array.from({ length: 25 }, (_, i) => ({ idempotencyKey: `steady-${b}-${i}`, to: `s${b}-${i}@steady.example`, subject: 'Steady', text: `notice ${b}/${i}` }));
        expect(json(await sendBatch(b % 2 ? m1 : m2, emails)).queued).toBe(25);
        if (b === 39) sentWhileQueueing = (await counts('steady-')).sent ?? 0;
        await sleep(100);
      }
      expect(sentWhileQueueing).toBeGreaterThan(0);
      await until('all sent', async () => (await counts('steady-')).sent === 1000, 60_000, 100);
      await sleep(1000);
      expect(await received('steady.example')).toBe(1000);
    });

    it('takes a batch over 1 MiB in one request, as its schema allows', async () => {
      const text = 'A long notice. '.repeat(40_000); // 600 KB each, 1.8 MB in all
      const r = await sendBatch(
        m1,
        [1, 2, 3].map((i) => ({ idempotencyKey: `bulk-${i}`, to: `bulk${i}@grantee.example`, subject: 'Bulk', text })),
      );
      expect(json(r).results.map((x: { status: number }) => x.status)).toEqual([202, 202, 202]);
    });

    it('delivers an email queued while the mail sink is down exactly once after it is back', async () => {
      await sink.close();
      const e = json(await send(m1, 'down-1', { to: 'later@grantee.example', subject: 'Queued while down', text: 'x' }));
      const retried = await until('a failed attempt', async () => {
        const s = json(await m2.call({ method: 'GET', url: `/v1/emails/${e.id}` }));
        return s.attempts >= 2 ? s : undefined;
      });
      expect(retried).toMatchObject({ status: 'queued', lastError: expect.any(String) });
      sink = await build(mailSink, store, state.dir, { smtpPort });
      await until('delivered', async () => json(await m1.call({ method: 'GET', url: `/v1/emails/${e.id}` })).status === 'sent', 20_000);
      await sleep(1000); // time for a duplicate to show up, if the outbox were to send one
      expect(json(await sink.call({ method: 'GET', url: '/v1/messages?to=later@grantee.example' })).messages).toHaveLength(1);
    });
  });
});

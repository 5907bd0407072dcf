// A command logs in once, and the next command none: the session a login gives is kept (0600, until
// its token expires), and calls made at once share one login. A login is a password hash on the
// auth service: seconds each under load.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { downAll, makeFleet, until } from '../helpers/fleet.js';

afterEach(downAll);

const FLEET = 'version: 1\ngateway: { port: 0 }\nservices:\n  auth: {}\n  ach: {}\n  analytics: {}\n  messaging: {}\n  mail-sink: {}\n';

describe('the CLI session', () => {
  it('makes one login for a command whose calls go at once, keeps it, and makes none for the next command', async () => {
    const fleet = makeFleet(FLEET);
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
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
});

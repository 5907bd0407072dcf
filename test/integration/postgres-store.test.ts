/**
 * What only the PostgreSQL store does: a database that cannot be reached at `up`, a role per
 * service that cannot read another's tables, and two fleets (two state dirs, standing in for two
 * hosts) sharing one ACH ledger. The database restarted under a disbursement is a drill
 * (test/drills/postgres-restart.test.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../services/kit/open-store.js';
import { readNachaFile } from '../../src/nacha/index.js';
import { connect } from '../../src/sdk/index.js';
import { downAll, makeFleet } from '../helpers/fleet.js';
import { transfer } from '../helpers/grants.js';
import { createServiceRoles, freePort, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { postgresStore, runPostgres } from '../helpers/stores.js';
import { makeCertificates } from '../../scripts/test-certificates.mjs';
import { skipWithout } from '../helpers/servers.js';

let server: TestPostgres;
let dir: string;
beforeAll(async () => {
  // The run's server (test/global-setup.ts); the TLS test starts one of its own.
  server = await runPostgres();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-pgtest-'));
});
afterAll(async () => {
  try {
    await downAll();
  } finally {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe.skipIf(skipWithout('the postgres store', ['postgres']))('the postgres store', () => {
  it('migrates once when five instances start at once, each waiting its turn on the advisory lock', async () => {
    const store = await postgresStore(server);
    const url = /url: "([^"]+)", passwordFile: "([^"]+)"/.exec(store.config)!;
    const migrations = { sqlite: [], postgres: ['CREATE TABLE a (x INTEGER)', 'CREATE TABLE b (y INTEGER); INSERT INTO a VALUES (1)'] };
    const opened = await Promise.all(
      Array.from({ length: 5 }, () => openStore({ backend: 'postgres', url: url[1]!, passwordFile: url[2]! }, { name: 'migrated', migrations, dataDir: dir })),
    );
    expect(await store.query('migrated', 'SELECT version FROM schema_migrations ORDER BY version')).toEqual([{ version: 1 }, { version: 2 }]);
    expect(await store.query('migrated', 'SELECT x FROM a')).toEqual([{ x: 1 }]);
    await Promise.all(opened.map((s) => s.close()));
    await store.close();
  });

  it('refuses a password in the config (exit 2), and fails up with exit 3 naming the service and the URL without its password when the database cannot be reached', async () => {
    const inText = makeFleet('version: 1\ngateway: { port: 0 }\nstore: { backend: postgres, url: "postgres://ach:hunter2hunter2@127.0.0.1:5432/x" }\nservices:\n  ach: {}\n');
    const refused = await inText.hmsops(['up']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('store.url');
    expect(refused.stderr).toContain('must not hold a password');
    expect(refused.stderr).not.toContain('hunter2hunter2');
    await inText.down();

    const port = await freePort(); // nothing listens there
    const passwordFile = path.join(dir, 'unreachable.password');
    fs.writeFileSync(passwordFile, 'correct-horse-battery-staple', { mode: 0o600 });
    const fleet = makeFleet(
      `version: 1\ngateway: { port: 0 }\nstore: { backend: postgres, url: "postgres://hmsops@127.0.0.1:${port}/hmsops", passwordFile: "${passwordFile}" }\nservices:\n  ach: { restart: { initialBackoff: 50ms, maxBackoff: 100ms, maxRestarts: 1 } }\n`,
    );
    const up = await fleet.hmsops(['up', '--timeout', '30s']);
    expect(up.exitCode, up.stderr).toBe(3);
    expect(up.stderr).toMatch(/ach-1/);
    expect(up.stderr).toContain(`cannot open the postgres store at postgres://hmsops@127.0.0.1:${port}/hmsops`);
    expect(up.stderr).toContain('ECONNREFUSED');
    expect(up.stderr).not.toContain('correct-horse-battery-staple');
    await fleet.down();
  });

  it('speaks TLS to a server that asks for it, checking its certificate; without tls, or against another CA, the store is not opened and says why', async () => {
    const tlsServer = await startPostgres({ tls: true });
    const store = await postgresStore(tlsServer);
    try {
      // The fleet's instances connect over TLS: what the server sees of their sessions.
      const good = makeFleet(`version: 1\ngateway: { port: 0 }\n${store.config.replace(/ \}\n$/, `, tls: { ca: "${tlsServer.tls!.ca}" } }\n`)}services:\n  ach: {}\n`);
      const up = await good.hmsops(['up']);
      expect(up.exitCode, up.stderr).toBe(0);
      const sessions = await tlsServer.sql(
        "SELECT a.application_name AS app, s.ssl, s.version FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.application_name LIKE 'hmsops-%'",
      );
      expect(sessions.rows.length).toBeGreaterThan(0);
      expect(sessions.rows.every((r) => r.app === 'hmsops-ach' && r.ssl === true && /^TLSv1\.[23]$/.test(r.version))).toBe(true);
      await good.down();

      // Refused where a service opens its store, before it serves: what `up` then shows, with exit 3
      // (as for the unreachable database above).
      const [, url, passwordFile] = /url: "([^"]+)", passwordFile: "([^"]+)"/.exec(store.config)!;
      const open = (tls?: { ca: string }) =>
        openStore(
          { backend: 'postgres', url: url!, passwordFile: passwordFile!, ...(tls ? { tls } : {}) },
          { name: 'tls-check', migrations: { sqlite: [], postgres: [] }, dataDir: dir },
        );
      await expect(open()).rejects.toThrow(/no encryption/);
      // A CA that did not sign the server's certificate: the connection is refused before any password goes out.
      const other = makeCertificates(fs.mkdtempSync(path.join(dir, 'other-ca-')), '127.0.0.1');
      await expect(open({ ca: other.ca })).rejects.toThrow(/certificate/);
    } finally {
      await store.close();
      await tlsServer.stop();
    }
  });

  it('runs each service as its own role in its own schema: the ACH role cannot read auth users', async () => {
    const setup = await createServiceRoles(server, dir, ['auth', 'ach', 'analytics', 'messaging', 'mail-sink']);
    try {
      const fleet = makeFleet(`version: 1\ngateway: { port: 0 }\n${setup.config}`);
      const up = await fleet.hmsops(['up']);
      expect(up.exitCode, up.stderr).toBe(0);
      const client = await connect({ stateDir: fleet.stateDir });
      const t = await client.payments.transfer(transfer('G-ROLES', 1), { idempotencyKey: 'G-ROLES:1' });
      expect(t.status).toBe('queued');
      await client.close();
      const pg = (await import('pg')).default;
      const ach = setup.roles.ach!;
      const c = new pg.Client({ host: '127.0.0.1', port: server.port, user: ach.role, password: ach.password, database: setup.database });
      await c.connect();
      try {
        expect((await c.query('SELECT COUNT(*)::int AS n FROM ach.transfers')).rows[0].n).toBe(1);
        await expect(c.query('SELECT * FROM auth.users')).rejects.toThrow(/permission denied for schema auth/);
        await expect(c.query('CREATE TABLE public.x (y int)')).rejects.toThrow(/permission denied for schema public/);
      } finally {
        await c.end();
      }
      await fleet.down();
    } finally {
      await setup.drop();
    }
  });

  it('lets two fleets (two state dirs, as two hosts) share one ACH ledger: files cut on both, each transfer in exactly one file, any instance serves any file', async () => {
    const shared = await postgresStore(server);
    const own = [await postgresStore(server), await postgresStore(server)];
    // Each fleet keeps its own users and events; the ACH service of both uses the shared database.
    const achStore = /url: "([^"]+)", passwordFile: "([^"]+)"/.exec(shared.config)!;
    const fleets = own.map((store) =>
      makeFleet(`version: 1\ngateway: { port: 0 }\nservices:\n  auth: {}\n  ach: { instances: 2, store: { url: "${achStore[1]}", passwordFile: "${achStore[2]}" } }\n`, { store }),
    );
    for (const f of fleets) expect((await f.hmsops(['up'])).exitCode).toBe(0);
    const clients = await Promise.all(fleets.map((f) => connect({ stateDir: f.stateDir })));
    // Twelve batches of 40 from each fleet, while both cut files (ten rounds at least, two cuts at a time on each).
    let n = 0;
    let submitting = true;
    const submitters = Promise.all(
      clients.map(async (client) => {
        for (let b = 0; b < 12; b++) {
          const batch = Array.from({ length: 40 }, () => {
            const i = n++;
            return { ...transfer('G-TWO-HOSTS', i), idempotencyKey: `G-TWO-HOSTS:${i}` };
          });
          await client.payments.transferBatch(batch);
        }
      }),
    ).finally(() => (submitting = false));
    const files: { fileId: string; fleet: number; path: string }[] = [];
    for (let round = 0; round < 10 || submitting; round++) {
      const cuts = await Promise.all(clients.flatMap((c) => [c.payments.cutFile({ grantId: 'G-TWO-HOSTS' }), c.payments.cutFile({ grantId: 'G-TWO-HOSTS' })]));
      cuts.forEach((f, i) => f.fileId && files.push({ fileId: f.fileId, fleet: i < 2 ? 0 : 1, path: (f as { path: string }).path }));
    }
    await submitters;
    for (let f = await clients[0]!.payments.cutFile({ grantId: 'G-TWO-HOSTS' }); f.fileId; f = await clients[0]!.payments.cutFile({ grantId: 'G-TWO-HOSTS' }))
      files.push({ fileId: f.fileId, fleet: 0, path: (f as { path: string }).path });
    expect(new Set(files.map((f) => f.fleet))).toEqual(new Set([0, 1]));
    const traces = new Map<string, string>();
    for (const f of files) {
      // Written where it was cut; served by the other fleet's instances from the store.
      expect(fs.existsSync(f.path)).toBe(true);
      const text = await clients[1 - f.fleet]!.payments.downloadFile(f.fileId);
      expect(text).toBe(fs.readFileSync(f.path, 'latin1'));
      const r = readNachaFile(text);
      expect(r.problems).toEqual([]);
      for (const b of r.file!.batches)
        for (const e of b.entries) {
          expect(traces.has(e.traceNumber), `${e.traceNumber} in ${f.fileId} and ${traces.get(e.traceNumber)}`).toBe(false);
          traces.set(e.traceNumber, f.fileId);
        }
    }
    const [stored] = await shared.query<{ n: number; filed: number }>(
      'ach',
      "SELECT COUNT(*) AS n, SUM(CASE WHEN status = 'filed' THEN 1 ELSE 0 END) AS filed FROM transfers WHERE grant_id = 'G-TWO-HOSTS'",
    );
    expect(stored).toEqual({ n, filed: n });
    expect(traces.size).toBe(n);
    for (const c of clients) await c.close();
    for (const f of fleets) await f.down();
    await shared.close();
  });
});

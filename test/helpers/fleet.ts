/** Test fleets: a temp dir with a config, the real CLI run as a child process, and teardown that leaves nothing running. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { stopFleet } from '../../src/cli/fleet-ops.js';
import { ControlClient } from '../../src/control/client.js';
import type { HmsopsClient } from '../../src/sdk/index.js';
import { readPersistedInstances } from '../../src/daemon/orphans.js';
import { groupAlive, pidAlive } from '../../src/daemon/process-group.js';
import { statePaths } from '../../src/state/paths.js';
import { findSecrets } from './secret-scan.js';
import { type FleetStore, sqliteStore } from './stores.js';
import { sleep } from '../../src/sleep.js';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const cliPath = path.join(repoRoot, 'bin', 'hmsops');
export const fixtureServer = path.join(repoRoot, 'test', 'fixtures', 'programs', 'fixture-server.mjs');

export interface TestFleet {
  dir: string;
  stateDir: string;
  /** Where its bundled services keep their data, to read what they stored. */
  store: FleetStore;
  client: ControlClient;
  /** `under`: a command the CLI runs under, such as faketime's (`['faketime', '-f', '@2026-12-07 15:00:00']`). */
  hmsops(args: string[], opts?: { env?: Record<string, string>; timeout?: number; under?: string[] }): Promise<{ exitCode: number; stdout: string; stderr: string }>;
  /**
   * The SDK logged in as the seeded operator (its credentials file), made once and closed with the
   * fleet: for what a test polls, where a CLI process per look would cost more than the wait.
   */
  sdk(): Promise<HmsopsClient>;
  /** The gateway's access-log files as they are now (what `hmsops logs gateway` reads), for a test to wait on. */
  accessLog(): string;
  instances(): Promise<any[]>;
  events(): Promise<any[]>;
  /** Every pid the daemon has ever been told about, and the daemon itself. */
  daemonPid(): number | undefined;
  down(): Promise<void>;
}

const live: TestFleet[] = [];

/**
 * A fleet in a temp dir; with `store`, its bundled services keep their data there (PostgreSQL)
 * instead of SQLite files. `netns`: the CLI (and so the daemon and the fleet) runs in that
 * network namespace, a test's "host". `sharedStore`: the store is other fleets' too, and the test
 * drops it itself.
 */
export function makeFleet(configYaml: string, opts: { store?: FleetStore; netns?: string; sharedStore?: boolean } = {}): TestFleet {
  const { netns, sharedStore } = opts;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-test-'));
  const store = opts.store ?? sqliteStore();
  fs.writeFileSync(path.join(dir, 'hmsops.config.yaml'), store.config + configYaml);
  const stateDir = path.join(dir, '.hmsops');
  store.bind(stateDir);
  const paths = statePaths(stateDir);
  const client = new ControlClient(paths.socket);
  /** Everything the CLI printed during the test, for the secret scan at teardown. */
  const outputs: string[] = [];
  let sdk: Promise<HmsopsClient> | undefined;
  const fleet: TestFleet = {
    dir,
    stateDir,
    store,
    client,
    async hmsops(args, opts = {}) {
      const under = [...(netns ? ['ip', 'netns', 'exec', netns] : []), ...(opts.under ?? [])];
      const argv = [...under.slice(1), ...(under.length ? [process.execPath] : []), cliPath, ...args];
      const r = await execa(under[0] ?? process.execPath, argv, {
        cwd: dir,
        reject: false,
        env: { NO_COLOR: '1', ...opts.env },
        timeout: opts.timeout ?? 120_000,
      });
      outputs.push(String(r.stdout), String(r.stderr));
      return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
    },
    sdk() {
      // Loaded when a test first asks: the SDK brings undici, which a suite that never calls it need not load.
      sdk ??= import('../../src/sdk/index.js').then(({ connect }) => connect({ stateDir }));
      return sdk;
    },
    accessLog() {
      if (!fs.existsSync(paths.logs)) return '';
      return fs
        .readdirSync(paths.logs)
        .filter((f) => f.includes('.access'))
        .map((f) => fs.readFileSync(path.join(paths.logs, f), 'utf8'))
        .join('');
    },
    async instances() {
      return (await client.call('GET /v1/instances')).instances;
    },
    async events() {
      return (await client.call('GET /v1/events')).events;
    },
    daemonPid() {
      try {
        return JSON.parse(fs.readFileSync(paths.lock, 'utf8')).pid;
      } catch {
        return undefined;
      }
    },
    async down() {
      // A daemon that hit an internal error says so in its log: show it, the test alone may not.
      const daemonLog = fs.existsSync(paths.daemonLog) ? fs.readFileSync(paths.daemonLog, 'utf8') : '';
      if (daemonLog.includes('internal error')) process.stderr.write(`hmsopsd log of ${dir}:\n${daemonLog}\n`);
      // So does a service: its internal errors (500s) are shown with their stack.
      for (const name of fs.existsSync(paths.logs) ? fs.readdirSync(paths.logs) : []) {
        if (name === path.basename(paths.daemonLog)) continue;
        const bugs = fs
          .readFileSync(path.join(paths.logs, name), 'utf8')
          .split('\n')
          .filter((l) => l.includes('"internal error"'));
        if (bugs.length) process.stderr.write(`internal errors in ${name} of ${dir}:\n${bugs.slice(0, 5).join('\n')}\n`);
      }
      const known = readPersistedInstances(paths);
      await sdk?.then((c) => c.close()).catch(() => undefined);
      // What `hmsops down --timeout 2s` does, run here (the command itself is tested in supervisor.test.ts): a CLI process per teardown cost more than the rest of many tests.
      await stopFleet({ paths, client }, 2000);
      // Read before the dir goes: logs and CLI output must never carry a secret of this fleet.
      const inStore =
        store.backend === 'sqlite'
          ? [] // read from the ledger file by findSecrets
          : (await store.query<{ a: string }>('ach', 'SELECT DISTINCT account AS a FROM transfers WHERE length(account) >= 8').catch(() => [])).map((r) => ({
              kind: 'a full account number',
              value: r.a,
            }));
      const leaks = findSecrets(paths, outputs, [...store.secrets, ...inStore]);
      if (!sharedStore) await store.close();
      // Belt and braces: a failed test must still leave nothing behind.
      for (const p of known) if (groupAlive(p.pgid)) process.kill(-p.pgid, 'SIGKILL');
      const d = fleet.daemonPid();
      if (d && pidAlive(d)) process.kill(d, 'SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
      live.splice(live.indexOf(fleet), 1);
      if (leaks.length) throw new Error(`secrets written where they must not be: ${leaks.join('; ')}`);
    },
  };
  live.push(fleet);
  return fleet;
}

/** The gateway's address from the daemon's registry (what `hmsops registry get gateway` prints). */
export async function gatewayUrl(fleet: TestFleet): Promise<string> {
  const { entries } = await fleet.client.call('GET /v1/registry', { query: { service: 'gateway' } });
  if (entries.length !== 1) throw new Error(`expected one gateway in the registry, found ${entries.length}`);
  return `http://${entries[0]!.address}:${entries[0]!.port}`;
}

export async function downAll() {
  await Promise.all([...live].map((f) => f.down()));
}

export { sleep };

export async function until<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v as T;
    } catch (err) {
      last = err;
    }
    await sleep(everyMs);
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}

/** A custom service block for the fixture program. */
export function fixtureService(name: string, opts: { instances?: number; env?: Record<string, string | number>; extra?: string } = {}): string {
  const env = Object.entries(opts.env ?? {})
    .map(([k, v]) => `      ${k}: "${v}"`)
    .join('\n');
  return `  ${name}:
    command: node ${fixtureServer}
    instances: ${opts.instances ?? 1}
    stopTimeout: 2s
    drainDelay: 0ms
    health: { liveness: { path: /healthz }, readiness: { path: /readyz, interval: 200ms } }
${env ? `    env:\n${env}\n` : ''}${opts.extra ?? ''}`;
}

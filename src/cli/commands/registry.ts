/** `hmsops registry ls|get`: the registry as the gateway sees it. */
import type { RegistryEntry } from '../../registry/types.js';
import type { RegistryAnswer } from '../../control/api.js';
import { HmsopsError, UsageError } from '../../errors/index.js';
import { type CliContext, loadContext, type GlobalOptions, ownFleet } from '../context.js';
import { exitWith, ok, type CommandResult } from '../end.js';
import { ExitCode } from '../../errors/index.js';
import type { RegistryHealth } from '../../registry/types.js';
import { age, color, colorFor, printJson, stateColor, table } from '../output.js';

export function renderRegistry(entries: RegistryEntry[], now = Date.now()): string {
  if (entries.length === 0) return color.dim('no registered instances');
  return table(
    ['SERVICE', 'INSTANCE', 'HOST', 'ADDRESS', 'STATUS', 'HEARTBEAT', 'VERSION', 'ROUTE'],
    entries.map((e) => [
      colorFor(e.service)(e.service),
      e.instanceId,
      e.host,
      `${e.address}:${e.port}`,
      stateColor(e.status),
      e.ttlMs === null ? 'probed' : `${age(now - e.lastHeartbeat)} ago`,
      e.version,
      e.metadata.route ?? '-',
    ]),
  );
}

/** Said above a table the registry's server did not confirm (etcd away): the last one known. */
export function staleNotice(h: RegistryHealth, now = Date.now()): string {
  return `registry unreachable${h.since ? ` for ${age(now - h.since)}` : ''}: ${h.error ?? 'no answer'}\nthe last table known (stale):`;
}

/**
 * The registry: the daemon's, or, for a fleet an orchestrator runs (--gateway), its etcd's read
 * directly (each of its processes registers itself there). An embedded registry has no such fleet.
 */
async function readRegistry(ctx: CliContext, service: string | undefined): Promise<RegistryAnswer> {
  if (ctx.gatewayUrl === null) return ctx.client.call('GET /v1/registry', { query: { service } });
  if (ctx.config.registry.backend !== 'etcd') ownFleet(ctx, 'registry');
  // etcd's client (undici) loaded only here: a fleet of our own is read from the daemon.
  const { readEtcdRegistry } = await import('../../registry/etcd-read.js');
  try {
    return await readEtcdRegistry(ctx.config.registry, service);
  } catch (err) {
    throw new HmsopsError('REGISTRY_UNREACHABLE', `the registry's etcd (${ctx.config.registry.endpoints.join(', ')}) did not answer: ${(err as Error).message}`);
  }
}

const render = (r: RegistryAnswer) => (r.registry.reachable ? renderRegistry(r.entries) : `${color.red(staleNotice(r.registry))}\n${renderRegistry(r.entries)}`);

export async function registryLsCommand(service: string | undefined, opts: GlobalOptions & { json?: boolean; watch?: boolean }): Promise<CommandResult> {
  const ctx = await loadContext(opts);
  let r: RegistryAnswer = await readRegistry(ctx, service);
  if (!opts.watch) {
    if (opts.json) printJson({ ...r, stale: !r.registry.reachable });
    else console.log(render(r));
    // The table may be out of date: a script must not take it for the truth.
    return r.registry.reachable ? ok : exitWith(ExitCode.failure);
  }
  if (ctx.gatewayUrl !== null) throw new UsageError("registry ls --watch follows the daemon's registry; for an orchestrated fleet use etcdctl watch --prefix on registry.prefix");
  // --watch: print the table (or one JSON line) again on every change, through the blocking watch.
  // Ctrl-C ends it at once, not when the watch in flight returns (up to 30 s later).
  const abort = new AbortController();
  const interrupted = new Promise<undefined>((resolve) =>
    process.once('SIGINT', () => {
      abort.abort();
      resolve(undefined);
    }),
  );
  for (;;) {
    if (opts.json) process.stdout.write(`${JSON.stringify({ ...r, stale: !r.registry.reachable })}\n`);
    else process.stdout.write(`${process.stdout.isTTY ? '\u001b[2J\u001b[H' : ''}${render(r)}\n\n`);
    const watch = ctx.client.call('GET /v1/registry/watch', { query: { index: r.index, waitMs: 30_000, service } }, { signal: abort.signal });
    const next = await Promise.race([watch, interrupted]);
    if (!next) {
      watch.catch(() => undefined); // aborted
      return ok;
    }
    r = next;
  }
}

/** The seed's ServiceRegistry.get(name): one healthy address, exit 1 when there is none. */
export async function registryGetCommand(service: string, opts: GlobalOptions & { json?: boolean }): Promise<CommandResult> {
  const ctx = await loadContext(opts);
  const r = await readRegistry(ctx, service);
  const passing = r.entries.filter((e) => e.status === 'passing');
  if (passing.length === 0) throw new HmsopsError('NO_HEALTHY_INSTANCE', `no healthy instance of ${service}`);
  const pick = passing[Math.floor(Math.random() * passing.length)]!;
  if (!r.registry.reachable) process.stderr.write(`${color.yellow(staleNotice(r.registry).replace('\n', '; '))} ${pick.address}:${pick.port} may be gone\n`);
  if (opts.json) printJson(pick);
  else console.log(`${pick.address}:${pick.port}`);
  return ok;
}

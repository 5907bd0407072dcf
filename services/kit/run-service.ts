/**
 * A bundled service as a process (what each services/<name>/main.ts runs): its settings read from
 * the environment once, its store opened, the app built (kit/service.ts) and listening, registered
 * (with the daemon, or in etcd under an orchestrator: src/registry/self-registration.ts), and drained on SIGTERM or SIGINT.
 */
import { type RegistrationTarget, registerSelf, registrationTarget } from '../../src/registry/self-registration.js';
import { statePaths } from '../../src/state/paths.js';
import { openStore } from './open-store.js';
import { buildService, type ServiceDefinition } from './service.js';
import { type ServiceEnv, serviceEnv } from './service-env.js';
import { redactUrl, type Store, type StoreUnavailable } from './store.js';
import { stdoutLines } from './stdout-lines.js';

export async function runService(def: ServiceDefinition): Promise<void> {
  let env: ServiceEnv;
  let target: RegistrationTarget;
  try {
    env = serviceEnv(def.name);
    target = registrationTarget();
  } catch (err) {
    // A setting it cannot read is a configuration error (exit 2: the daemon does not restart it).
    process.stderr.write(`${def.name}: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const logTo = stdoutLines();
  // Before the app (and its logger) exists: lines in the shape pino writes (level 40 warn, 50 error).
  const log = (level: 40 | 50, msg: string, extra: Record<string, unknown> = {}) =>
    logTo.write(`${JSON.stringify({ level, time: Date.now(), service: def.name, instance: env.instanceId, ...extra, msg })}\n`);
  let db: Store;
  try {
    db = await openStore(env.store, { name: def.name, migrations: def.migrations, dataDir: statePaths(env.stateDir).data, log: (m) => log(40, m) });
  } catch (err) {
    // The reason is the log's last line, which `up` shows with the instance that is not ready.
    const where = env.store.backend === 'postgres' ? ` at ${redactUrl(env.store.url ?? '(no url)')}` : '';
    log(50, `cannot open the ${env.store.backend} store${where}: ${(err as Error).message}`, { reason: (err as StoreUnavailable).reason });
    process.exit(1);
  }
  const service = await buildService(def, env, db, { logTo });
  const { app } = service;
  await app.listen({ host: env.host, port: env.port });
  const port = (app.server.address() as { port: number }).port;
  await service.start();
  app.log.info({ port }, `${def.name} listening on ${env.host}:${port}`);

  // With the daemon that started it, else in the fleet's etcd (an orchestrator runs it), else nowhere.
  const registration = await registerSelf(target, { service: def.name, instanceId: env.instanceId, port, version: def.version, metadata: service.metadata() }, (m) =>
    app.log.warn(m),
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'draining');
    setTimeout(() => process.exit(1), 15_000).unref();
    await registration?.deregister();
    await service.close();
    await db.close();
    app.log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

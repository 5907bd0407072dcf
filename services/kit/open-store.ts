/** Opens a service's store by its config: SQLite under the state dir, or PostgreSQL. */
import path from 'node:path';
import type { Migrations, Store, StoreConfig } from './store.js';

/** Opens (and migrates) a service's store; throws StoreUnavailable when it cannot be reached. */
export async function openStore(config: StoreConfig, service: { name: string; migrations: Migrations; dataDir: string; log?: (msg: string) => void }): Promise<Store> {
  if (config.backend === 'postgres') {
    const { openPostgresStore } = await import('./postgres-store.js'); // pg is loaded only by services that use it
    return openPostgresStore(config, service.name, service.migrations.postgres, service.log);
  }
  const { openSqliteStore } = await import('./sqlite-store.js');
  return openSqliteStore(path.join(service.dataDir, `${service.name}.sqlite`), service.migrations.sqlite);
}

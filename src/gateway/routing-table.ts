/** Pure routing: which service a path belongs to, and which of its instances may take traffic. */
import type { RegistryEntry } from '../registry/types.js';

export interface Upstream {
  instanceId: string;
  service: string;
  host: string;
  port: number;
  origin: string;
}

export interface Route {
  prefix: string;
  service: string;
  upstreams: Upstream[];
}

export interface RoutingTable {
  /** Longest prefix first. */
  routes: Route[];
}

/**
 * `configured`: prefix -> service from the config, so a service with no instance answers 503, not 404.
 * `localHost`: this host's name; an instance of another host is known as `<instance>@<host>`
 * (every host numbers its instances from 1).
 */
export function buildRoutingTable(entries: RegistryEntry[], configured: Record<string, string> = {}, localHost?: string): RoutingTable {
  const byPrefix = new Map<string, Route>(Object.entries(configured).map(([prefix, service]) => [prefix, { prefix, service, upstreams: [] }]));
  for (const e of entries) {
    const prefix = e.metadata.route;
    if (!prefix) continue;
    let r = byPrefix.get(prefix);
    if (!r) byPrefix.set(prefix, (r = { prefix, service: e.service, upstreams: [] }));
    const instanceId = localHost === undefined || e.host === localHost ? e.instanceId : `${e.instanceId}@${e.host}`;
    if (e.status === 'passing') r.upstreams.push({ instanceId, service: e.service, host: e.address, port: e.port, origin: `http://${e.address}:${e.port}` });
  }
  return { routes: [...byPrefix.values()].sort((a, b) => b.prefix.length - a.prefix.length) };
}

/** `/ach/v1/transfers?x=1` under prefix `/ach` -> service ach, upstream path `/v1/transfers?x=1`. */
export function matchRoute(table: RoutingTable, url: string): { route: Route; path: string } | undefined {
  for (const r of table.routes) {
    if (url === r.prefix || url.startsWith(`${r.prefix}/`) || url.startsWith(`${r.prefix}?`)) {
      const rest = url.slice(r.prefix.length);
      return { route: r, path: rest.startsWith('/') ? rest : `/${rest}` };
    }
  }
  return undefined;
}

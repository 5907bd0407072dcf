/** Pure planning: what to start, stop and restart to move from the running fleet to the configured one. */
import type { ServiceConfig } from '../config/types.js';
import type { FleetPlan } from '../control/api.js';

const definition = (s: ServiceConfig) => JSON.stringify({ ...s, instances: undefined });

export function planFleet(running: Record<string, { config: ServiceConfig; count: number }>, desired: Record<string, ServiceConfig>, only?: string[]): FleetPlan {
  const plan: FleetPlan = { add: [], remove: [], redefine: [], scale: [] };
  const inScope = (name: string) => !only || only.length === 0 || only.includes(name);
  for (const [name, cfg] of Object.entries(desired)) {
    if (!inScope(name)) continue;
    const cur = running[name];
    if (!cur) {
      plan.add.push(name);
      continue;
    }
    if (definition(cur.config) !== definition(cfg)) plan.redefine.push(name);
    if (cur.count !== cfg.instances) plan.scale.push({ service: name, from: cur.count, to: cfg.instances });
  }
  // `up svc...` only touches the named services; a plain `up` also removes what left the config.
  if (!only || only.length === 0) for (const name of Object.keys(running)) if (!(name in desired)) plan.remove.push(name);
  return plan;
}

/** Which instances a scale-down drains: the newest first. */
export function instancesToDrain<T extends { ordinal: number }>(instances: T[], target: number): T[] {
  return [...instances].sort((a, b) => b.ordinal - a.ordinal).slice(0, Math.max(0, instances.length - target));
}

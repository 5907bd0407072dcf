import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/schema.js';
import { instancesToDrain, planFleet } from '../../src/daemon/fleet-plan.js';

const cfg = (services: Record<string, unknown>) => resolveConfig({ services }, null, '/tmp').services;

describe('planFleet', () => {
  it('adds new services, removes dropped ones, rescales and redefines changed ones', () => {
    const running = cfg({ a: { command: 'x', instances: 1 }, b: { command: 'y' }, c: { command: 'z' } });
    const desired = cfg({ a: { command: 'x', instances: 3 }, b: { command: 'y2' }, d: { command: 'w' } });
    const plan = planFleet(Object.fromEntries(Object.entries(running).map(([k, v]) => [k, { config: v, count: v.instances }])), desired);
    expect(plan).toEqual({ add: ['d'], remove: ['c'], redefine: ['b'], scale: [{ service: 'a', from: 1, to: 3 }] });
  });

  it('touches only the named services and removes nothing when services are named', () => {
    const running = cfg({ a: { command: 'x' }, c: { command: 'z' } });
    const plan = planFleet({ c: { config: running.c!, count: 1 } }, cfg({ a: { command: 'x' } }), ['a']);
    expect(plan).toEqual({ add: ['a'], remove: [], redefine: [], scale: [] });
  });

  it('is empty when nothing changed', () => {
    const s = cfg({ a: { command: 'x', instances: 2 } });
    expect(planFleet({ a: { config: s.a!, count: 2 } }, s)).toEqual({ add: [], remove: [], redefine: [], scale: [] });
  });
});

describe('instancesToDrain', () => {
  it('drains the newest instances first', () => {
    const insts = [1, 2, 3, 4].map((ordinal) => ({ ordinal }));
    expect(instancesToDrain(insts, 1).map((i) => i.ordinal)).toEqual([4, 3, 2]);
    expect(instancesToDrain(insts, 4)).toEqual([]);
  });
});

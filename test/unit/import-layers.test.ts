/**
 * Which way imports go (docs/architecture.md, "Layers"): no import circles; commands never
 * import one another; the shared layers never import the programs built on them; no program
 * imports another's internals.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

/** file -> the files it imports (static and dynamic, relative specifiers only). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of [...sourceFiles('src'), ...sourceFiles('services')]) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const targets: string[] = [];
    for (const m of text.matchAll(/(?:\bfrom|\bimport\()\s*'(\.{1,2}\/[^']+)'/g)) {
      const base = path.normalize(path.join(path.dirname(file), m[1]!)).replace(/\.js$/, '');
      const found = [`${base}.ts`, `${base}.tsx`].find((c) => fs.existsSync(path.join(root, c)));
      if (found) targets.push(found);
    }
    graph.set(file, targets);
  }
  return graph;
}

const graph = importGraph();
const edges = [...graph].flatMap(([from, tos]) => tos.map((to) => ({ from, to })));

/** Folders (or files) that must not import from the listed ones. */
const forbidden: Record<string, string[]> = {
  // Shared layers: everything above may use them, they use nothing above.
  'src/errors': ['src/', 'services/'],
  'src/api': ['src/cli', 'src/daemon', 'src/gateway', 'src/disburse', 'src/sdk', 'src/control', 'src/registry', 'services/'],
  'src/domain': ['src/cli', 'src/daemon', 'src/gateway', 'src/disburse', 'src/sdk', 'src/control', 'src/registry', 'src/api', 'services/'],
  'src/control': ['src/cli', 'src/daemon', 'src/gateway', 'src/disburse', 'src/sdk', 'services/'],
  'src/registry': ['src/cli', 'src/daemon', 'src/gateway', 'src/disburse', 'src/sdk', 'services/'],
  'src/config': ['src/cli', 'src/daemon', 'src/gateway', 'src/disburse', 'src/sdk', 'src/control', 'src/registry', 'services/'],
  'src/state': ['src/cli', 'src/daemon', 'src/gateway', 'src/disburse', 'src/sdk', 'services/'],
  'src/nacha': ['src/cli', 'src/daemon', 'src/gateway', 'src/disburse', 'src/sdk', 'src/control', 'src/registry', 'services/'],
  'src/sdk': ['src/cli', 'src/daemon', 'src/gateway', 'src/disburse', 'services/'],
  // Where the programs' bundles are (the CLI starts the daemon, the daemon the gateway and services).
  'src/entry-points.ts': ['src/', 'services/'],
  // Programs: each talks to the others over HTTP or the control socket, never by import (the CLI's
  // one way into the daemon is below).
  'src/cli': ['src/gateway', 'services/', 'src/build'],
  'src/daemon': ['src/cli', 'src/gateway', 'src/disburse', 'src/sdk', 'services/'],
  'src/gateway': ['src/cli', 'src/daemon', 'src/disburse', 'src/sdk', 'services/'],
  'src/disburse': ['src/cli', 'src/daemon', 'src/gateway', 'services/'],
  services: ['src/cli', 'src/daemon', 'src/gateway', 'src/disburse', 'src/build'],
  // The fleet for an orchestrator (export kube|compose, image build): from the config, to files and podman.
  'src/export': ['src/cli', 'src/daemon', 'src/gateway', 'src/disburse', 'src/sdk', 'src/control', 'services/'],
  'src/image': ['src/cli', 'src/daemon', 'src/gateway', 'src/disburse', 'src/sdk', 'src/control', 'services/'],
};

/** src/build writes generated files (npm scripts, tests); no program loads it. */
const buildOnly = 'src/build/';

describe('imports', () => {
  it('form no circle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const circles: string[] = [];
    const visit = (n: string) => {
      state.set(n, 'open');
      stack.push(n);
      for (const m of graph.get(n) ?? []) {
        if (state.get(m) === 'open') circles.push([...stack.slice(stack.indexOf(m)), m].join(' -> '));
        else if (!state.has(m)) visit(m);
      }
      stack.pop();
      state.set(n, 'done');
    };
    for (const f of graph.keys()) if (!state.has(f)) visit(f);
    expect(circles).toEqual([]);
  });

  it('never go from one command to another', () => {
    const between = edges.filter((e) => e.from.startsWith('src/cli/commands/') && e.to.startsWith('src/cli/commands/'));
    expect(between).toEqual([]);
  });

  it('go only downward between layers', () => {
    const wrong = edges.filter(({ from, to }) =>
      Object.entries(forbidden).some(([layer, banned]) => (from === layer || from.startsWith(`${layer}/`)) && banned.some((b) => to.startsWith(b) && !to.startsWith(`${layer}/`))),
    );
    expect(wrong.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
    expect(edges.filter((e) => e.to.startsWith(buildOnly) && !e.from.startsWith(buildOnly))).toEqual([]);
  });

  it('reach the daemon from the CLI through src/daemon/left-behind.ts alone', () => {
    const intoDaemon = edges.filter((e) => e.from.startsWith('src/cli/') && e.to.startsWith('src/daemon/'));
    expect(intoDaemon.length).toBeGreaterThan(0);
    expect(intoDaemon.filter((e) => e.to !== 'src/daemon/left-behind.ts').map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('are read from every source file (the check above is not vacuous)', () => {
    expect(graph.size).toBeGreaterThan(80);
    expect(edges.length).toBeGreaterThan(200);
    expect(edges).toContainEqual({ from: 'src/cli/commands/up.ts', to: 'src/cli/fleet-ops.ts' });
  });
});

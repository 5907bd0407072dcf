// Fleet timings: up to all ready (6 instances), down to all exited, scale to 8, and `ps --json` next to `node -e 0`.
import { median, printTable, run, saveResults, tempFleet, verdict } from './lib.mjs';

/** The bundled services, six instances (bench/programs.mjs starts them too). */
export const SERVICES = `services:
  auth: { instances: 1 }
  ach: { instances: 2 }
  analytics: { instances: 1 }
  messaging: { instances: 1 }
  mail-sink: { instances: 1 }
`;
const config = `version: 1
gateway: { enabled: false }
${SERVICES}`;

export async function benchFleet({ rounds = 3 } = {}) {
  const ups = [];
  const downs = [];
  const scales = [];
  const fleet = tempFleet(config);
  try {
    for (let i = 0; i < rounds; i++) {
      const up = await fleet.hmsops(['up', '--json']);
      if (up.code !== 0) throw new Error(`up failed: ${up.stderr}`);
      const ready = JSON.parse(up.stdout).instances.filter((x) => x.state === 'ready').length;
      if (ready !== 6) throw new Error(`expected 6 ready instances, got ${ready}`);
      ups.push(up.ms);
      const scale = await fleet.hmsops(['scale', 'ach=8', '--json']);
      if (scale.code !== 0) throw new Error(`scale failed: ${scale.stderr}`);
      scales.push(scale.ms);
      const down = await fleet.hmsops(['down', '--json']);
      if (down.code !== 0) throw new Error(`down failed: ${down.stderr}`);
      downs.push(down.ms);
    }
    await fleet.hmsops(['up']);
    const ps = [];
    const nodeE = [];
    for (let i = 0; i < 15; i++) {
      nodeE.push((await run(process.execPath, ['-e', '0'])).ms);
      ps.push((await fleet.hmsops(['ps', '--json'])).ms);
    }
    const r = {
      upMs: median(ups),
      downMs: median(downs),
      scaleTo8Ms: median(scales),
      psJsonMs: median(ps),
      nodeEMs: median(nodeE),
    };
    r.psRatio = r.psJsonMs / r.nodeEMs;
    const rows = [
      { measure: 'up -> 6 instances ready', median: `${r.upMs.toFixed(0)} ms`, goal: '<= 2500 ms', result: verdict(r.upMs <= 2500) },
      { measure: 'down -> all exited', median: `${r.downMs.toFixed(0)} ms`, goal: '<= 1500 ms', result: verdict(r.downMs <= 1500) },
      { measure: 'scale ach=8 -> all ready', median: `${r.scaleTo8Ms.toFixed(0)} ms`, goal: '<= 2000 ms', result: verdict(r.scaleTo8Ms <= 2000) },
      { measure: 'ps --json', median: `${r.psJsonMs.toFixed(0)} ms`, goal: '', result: '' },
      { measure: 'node -e 0', median: `${r.nodeEMs.toFixed(0)} ms`, goal: '', result: '' },
      { measure: 'ps --json / node -e 0', median: `${r.psRatio.toFixed(2)}x`, goal: '<= 4x', result: verdict(r.psRatio <= 4) },
    ];
    printTable(`fleet (median of ${rounds} rounds; ps of 15 runs)`, rows);
    saveResults('fleet', { results: r, samples: { ups, downs, scales, ps, nodeE } });
    return r;
  } finally {
    await fleet.cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchFleet();

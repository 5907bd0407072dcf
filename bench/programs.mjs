// What starting a program costs, bundled (dist/bundle/, what hmsops runs) and as the modules tsc
// wrote (dist/src, dist/services), side by side in one run: a copy of the package whose
// dist/bundle/<name>.js only imports the tsc module starts the same programs unbundled.
// Measured: a CLI command's wall time (one thread: about its CPU), and the CPU the daemon and a
// fleet's instances have used when `up` returns with all of them ready.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROGRAMS } from '../scripts/programs.mjs';
import { SERVICES } from './fleet.mjs';
import { cli, median, printTable, procStat, root, saveResults, TICK_US, tempFleet } from './lib.mjs';

const config = `version: 1
gateway: { port: 0 }
${SERVICES}`;

/** The package again, its programs started from the modules tsc wrote. */
function unbundledCopy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-unbundled-'));
  for (const part of ['bin', 'package.json', 'dist/src', 'dist/services']) fs.cpSync(path.join(root, part), path.join(dir, part), { recursive: true });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  fs.mkdirSync(path.join(dir, 'dist', 'bundle'));
  for (const [name, file] of Object.entries(PROGRAMS)) fs.writeFileSync(path.join(dir, 'dist', 'bundle', `${name}.js`), `import '../${file}';\n`);
  return dir;
}

async function fleetStartCpu(fleet) {
  const up = await fleet.hmsops(['up', '--json']);
  if (up.code !== 0) throw new Error(`up failed: ${up.stderr}`);
  const { instances } = JSON.parse(up.stdout);
  if (instances.filter((i) => i.state === 'ready').length !== 7) throw new Error(`expected 7 ready instances: ${up.stdout}`);
  const daemon = JSON.parse(fs.readFileSync(path.join(fleet.stateDir, 'run', 'hmsopsd.json'), 'utf8')).pid;
  const cpu = [daemon, ...instances.map((i) => i.pid)].reduce((sum, pid) => sum + (procStat(pid).cpuTicks * TICK_US) / 1e6, 0);
  const down = await fleet.hmsops(['down', '--json']);
  if (down.code !== 0) throw new Error(`down failed: ${down.stderr}`);
  return { cpuMs: cpu * 1000, upMs: up.ms };
}

export async function benchPrograms({ rounds = 5, commandRuns = 15 } = {}) {
  const copy = unbundledCopy();
  const variants = { bundled: tempFleet(config, cli), unbundled: tempFleet(config, path.join(copy, 'bin', 'hmsops')) };
  const commands = [['--version'], ['config', 'print', '--json'], ['ps', '--json'], ['registry', 'ls', '--json']];
  const samples = Object.fromEntries(Object.keys(variants).map((v) => [v, { fleetCpu: [], up: [], ...Object.fromEntries(commands.map((c) => [c.join(' '), []])) }]));
  try {
    // One after the other, round by round, so that the machine's drift falls on both alike.
    for (let i = 0; i < rounds; i++) {
      for (const [name, fleet] of Object.entries(variants)) {
        const r = await fleetStartCpu(fleet);
        samples[name].fleetCpu.push(r.cpuMs);
        samples[name].up.push(r.upMs);
      }
    }
    for (const fleet of Object.values(variants)) await fleet.hmsops(['up']);
    for (let i = 0; i < commandRuns; i++) {
      for (const [name, fleet] of Object.entries(variants)) {
        for (const c of commands) {
          const r = await fleet.hmsops(c);
          if (r.code !== 0) throw new Error(`${c.join(' ')} failed (${name}): ${r.stderr}`);
          samples[name][c.join(' ')].push(r.ms);
        }
      }
    }
    const rows = [];
    const results = {};
    const row = (measure, key) => {
      const b = median(samples.bundled[key]);
      const u = median(samples.unbundled[key]);
      results[key] = { bundledMs: b, unbundledMs: u, ratio: b / u };
      rows.push({ measure, bundled: `${b.toFixed(0)} ms`, unbundled: `${u.toFixed(0)} ms`, 'bundled / unbundled': `${(b / u).toFixed(2)}x` });
    };
    row('CPU of daemon + 7 instances when up returns', 'fleetCpu');
    row('up -> 7 instances ready (wall)', 'up');
    for (const c of commands) row(`hmsops ${c.join(' ')} (wall)`, c.join(' '));
    printTable(`programs, bundled and unbundled (median of ${rounds} fleets, ${commandRuns} runs of each command)`, rows);
    saveResults('programs', { results, samples });
    return results;
  } finally {
    for (const fleet of Object.values(variants)) await fleet.cleanup();
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPrograms();

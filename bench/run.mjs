// `npm run bench [-- name...]`: runs the benchmarks one after another (they would disturb each
// other on a 2-core machine), prints each table and writes bench/results/<name>.json.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { benchAch } from './ach.mjs';
import { benchDisburse } from './disburse.mjs';
import { benchDisburse1m } from './disburse-1m.mjs';
import { benchFleet } from './fleet.mjs';
import { benchGateway } from './gateway.mjs';
import { benchHosts } from './hosts.mjs';
import { benchPrograms } from './programs.mjs';
import { benchReturns } from './returns.mjs';
import { benchStores } from './stores.mjs';

const all = {
  fleet: benchFleet,
  programs: benchPrograms,
  ach: benchAch,
  gateway: benchGateway,
  disburse: benchDisburse,
  stores: benchStores,
  hosts: benchHosts,
  returns: benchReturns,
};
// Run only when named: minutes of machine time.
const named = { 'disburse-1m': benchDisburse1m };
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !(w in all) && !(w in named));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')} (have: ${[...Object.keys(all), ...Object.keys(named)].join(', ')})`);
  process.exit(2);
}
// The servers some benchmarks start (PostgreSQL, etcd), installed once before any, when missing.
try {
  execFileSync('bash', [path.join(import.meta.dirname, '..', 'scripts', 'install-servers.sh')], { stdio: 'inherit' });
} catch {
  console.error('bench: scripts/install-servers.sh could not install every server (see above); the benchmarks that need one will fail');
}
let failed = false;
for (const [name, fn] of Object.entries({ ...all, ...named })) {
  if (wanted.length ? !wanted.includes(name) : name in named) continue;
  console.log(`\n=== ${name}`);
  try {
    await fn();
  } catch (err) {
    failed = true;
    console.error(`${name} failed: ${err.stack ?? err}`);
  }
}
process.exit(failed ? 1 : 0);

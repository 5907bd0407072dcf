// Drill: slow clients against a daemon-run gateway. 1,000 connections held open (half idle, half
// with a request head started and never finished) and a chunked body trickled byte by byte past
// the body limit: the gateway keeps serving everyone else, refuses the trickled body with 413
// once it passes the limit, and its memory stays bounded. The peak RSS is printed.
import fs from 'node:fs';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { downAll, fixtureService, makeFleet } from '../helpers/fleet.js';

const held: net.Socket[] = [];
afterEach(async () => {
  held.splice(0).forEach((s) => s.destroy());
  await downAll();
});

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const connect = (port: number) =>
  new Promise<net.Socket>((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
  });

describe('drill: slow clients', () => {
  it('keeps serving with 1,000 connections held open and a body trickled past the limit, memory bounded', async () => {
    const fleet = makeFleet(`version: 1\ngateway: { port: 0, auth: false, bodyLimit: 512b }\nservices:\n${fixtureService('web')}`);
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    const port = Number((await fleet.hmsops(['registry', 'get', 'gateway'])).stdout.trim().split(':')[1]);
    const gatewayPid = (await fleet.instances()).find((i: any) => i.service === 'gateway').pid;
    const before = rssMb(gatewayPid);

    for (let i = 0; i < 1000; i++) {
      const s = await connect(port);
      s.on('error', () => undefined);
      if (i % 2) s.write(`GET /web/held-${i} HTTP/1.1\r\nHost: x\r\nX-Slow: `); // a head never finished
      held.push(s);
    }

    // A chunked upload trickled a byte at a time (each byte its own chunk), past the 512-byte limit.
    const trickle = await connect(port);
    let answer = '';
    trickle.on('data', (d) => (answer += d.toString('latin1')));
    trickle.on('error', () => undefined);
    trickle.write('POST /web/upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n');
    let peak = rssMb(gatewayPid);
    let served = 0;
    for (let i = 0; i < 700 && !trickle.destroyed && !answer; i++) {
      trickle.write('1\r\nx\r\n');
      await new Promise((r) => setTimeout(r, 3));
      if (i % 50 === 0) {
        // Everyone else is served meanwhile.
        expect((await fetch(`http://127.0.0.1:${port}/web/ok-${i}`)).status).toBe(200);
        served++;
        peak = Math.max(peak, rssMb(gatewayPid));
      }
    }
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('BODY_TOO_LARGE');
    expect(served).toBeGreaterThanOrEqual(10);
    for (let i = 0; i < 20; i++) expect((await fetch(`http://127.0.0.1:${port}/web/after-${i}`)).status).toBe(200);
    peak = Math.max(peak, rssMb(gatewayPid));
    console.log(`gateway RSS: ${before.toFixed(1)} MB before, peak ${peak.toFixed(1)} MB with 1,000 connections held open`);
    // Bounded: a few KiB per held connection, not the connections' worth of buffers.
    expect(peak - before).toBeLessThan(100);
    const ps = JSON.parse((await fleet.hmsops(['ps', '--json'])).stdout);
    expect(ps.instances.find((i: any) => i.service === 'gateway')).toMatchObject({ state: 'ready', restarts: 0 });
  });
});

// Regression for the issue "one malformed chunked request crashes the gateway, and its framing
// can be desynchronised": each class of request found then, sent without a token over raw sockets
// to a gateway the daemon runs. None may reach the service, and the gateway must still answer,
// never restarted.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { downAll, fixtureService, makeFleet, sleep } from '../helpers/fleet.js';

afterEach(downAll);

/** Sends `parts` on one connection (a pause between them) and collects what comes back until the gateway closes or goes quiet. */
function exchange(port: number, parts: string[]): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    let text = '';
    let quiet: NodeJS.Timeout | undefined;
    const finish = (closed: boolean) => {
      clearTimeout(quiet);
      s.destroy();
      resolve({ text, closed });
    };
    const wait = () => {
      clearTimeout(quiet);
      quiet = setTimeout(() => finish(false), 700);
    };
    s.on('connect', async () => {
      for (const [i, part] of parts.entries()) {
        if (i > 0) await sleep(150);
        if (!s.destroyed) s.write(part, 'latin1');
      }
      wait();
    });
    s.on('data', (d) => {
      text += d.toString('latin1');
      wait();
    });
    s.on('close', () => finish(true));
    s.on('error', () => undefined);
  });
}

const smuggled = 'GET /echo/smuggled HTTP/1.1\r\nHost: x\r\n\r\n';
const chunkedHead = 'POST /echo/upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n';

/** Each class from the issue: what is sent, as parts of one connection. */
const attacks: Record<string, string[]> = {
  // 1. chunk framing the decoder refused, which crashed the gateway
  'a 0x chunk size': [`${chunkedHead}0x5\r\nhello\r\n0\r\n\r\n`],
  'a + chunk size': [`${chunkedHead}+5\r\nhello\r\n0\r\n\r\n`],
  'an overlong chunk size': [`${chunkedHead}fffffffffffffffffffff\r\nhello\r\n0\r\n\r\n`],
  'a bare LF after the size': [`${chunkedHead}5\nhello\r\n0\r\n\r\n`],
  'a bare LF after the data': [`${chunkedHead}5\r\nhello\n0\r\n\r\n`],
  'too much data for the size': [`${chunkedHead}2\r\nhello\r\n0\r\n\r\n`],
  // 2. bytes after an answer the gateway gave itself
  'a body after /healthz, in the same read': [`GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: ${smuggled.length}\r\n\r\n${smuggled}`],
  'a body after /healthz, arriving later': [`GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: ${smuggled.length}\r\n\r\n`, smuggled],
  'a body after a 404 NO_ROUTE, arriving later': [`GET /nowhere HTTP/1.1\r\nHost: x\r\nContent-Length: ${smuggled.length + 10}\r\n\r\n`, smuggled],
  'bytes after a 413 BODY_TOO_LARGE': [`POST /echo/big HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n`, smuggled],
  // 3. two equal content-lengths
  'two equal Content-Length headers': [`POST /echo/x HTTP/1.1\r\nHost: x\r\nContent-Length: ${smuggled.length}\r\nContent-Length: ${smuggled.length}\r\n\r\n${smuggled}`],
  // 4. chunk syntax llhttp refuses
  'a space after the chunk size': [`${chunkedHead}5 \r\nhello\r\n0\r\n\r\n${smuggled}`],
  'a TAB before the chunk size': [`${chunkedHead}\t5\r\nhello\r\n0\r\n\r\n${smuggled}`],
  'a VT after the chunk size': [`${chunkedHead}5\x0b\r\nhello\r\n0\r\n\r\n${smuggled}`],
  'a 0xA0 after the chunk size': [`${chunkedHead}5\xa0\r\nhello\r\n0\r\n\r\n${smuggled}`],
  'a bare CR after the chunk size': [`${chunkedHead}5\rhello\r\n0\r\n\r\n${smuggled}`],
  'an empty chunk extension': [`${chunkedHead}5;\r\nhello\r\n0\r\n\r\n${smuggled}`],
  'a NUL in a chunk extension': [`${chunkedHead}5;a\x00b\r\nhello\r\n0\r\n\r\n${smuggled}`],
  'a control byte in a chunk extension': [`${chunkedHead}5;a=\x01\r\nhello\r\n0\r\n\r\n${smuggled}`],
  'a trailer without a colon': [`${chunkedHead}5\r\nhello\r\n0\r\nno colon here\r\n\r\n${smuggled}`],
  'a trailer with a NUL': [`${chunkedHead}5\r\nhello\r\n0\r\nX-T: a\x00b\r\n\r\n${smuggled}`],
  'a trailer with a bare CR': [`${chunkedHead}5\r\nhello\r\n0\r\nX-T: a\rb\r\n\r\n${smuggled}`],
  'a last chunk without its empty line': [`${chunkedHead}5\r\nhello\r\n0\r\n${smuggled}`],
  // 5. a method that is not one
  'an unknown method': ['FOO /echo/smuggled HTTP/1.1\r\nHost: x\r\n\r\n'],
};

describe('the gateway against malformed and smuggling requests', () => {
  it('forwards none of them, answers or closes each, and keeps serving without a restart', async () => {
    const fleet = makeFleet(`version: 1\ngateway: { port: 0, auth: false, bodyLimit: 1mb }\nservices:\n${fixtureService('echo', { env: { FIXTURE_REQUEST_LOG: 'REQUEST_LOG' } })}`);
    const requestLog = path.join(fleet.dir, 'requests.log');
    // The fixture resolves the log path relative to its working directory: give it the absolute one.
    fs.writeFileSync(path.join(fleet.dir, 'hmsops.config.yaml'), fs.readFileSync(path.join(fleet.dir, 'hmsops.config.yaml'), 'utf8').replace('REQUEST_LOG', requestLog));
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    const port = Number((await fleet.hmsops(['registry', 'get', 'gateway'])).stdout.trim().split(':')[1]);

    for (const [name, parts] of Object.entries(attacks)) {
      // Each twice: six crashes in a minute used to leave the gateway crash-looping.
      for (let round = 0; round < 2; round++) {
        const { text, closed } = await exchange(port, parts);
        const statuses = [...text.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));
        if (name.startsWith('a body after /healthz, in')) {
          // The body was read in full as a body (llhttp's framing): the connection may stay open.
          expect(statuses, name).toEqual([200]);
        } else {
          expect(closed, `${name}: the gateway closed the connection`).toBe(true);
          // A refusal (400, or 413/404 for those), or the answer it gave itself: nothing else.
          expect(
            statuses.every((s) => [200, 400, 404, 413].includes(s)),
            `${name}: ${text.slice(0, 120)}`,
          ).toBe(true);
        }
        if (statuses.length) expect(text, name).not.toContain('smuggled');
      }
    }

    const reached = fs.existsSync(requestLog) ? fs.readFileSync(requestLog, 'utf8') : '';
    expect(reached).not.toContain('smuggled');
    expect(reached).not.toContain('/upload'); // every upload above had broken framing
    expect(reached).not.toMatch(/^FOO /m);

    // Still serving, on the same process.
    const r = await fetch(`http://127.0.0.1:${port}/echo/after`);
    expect(r.status).toBe(200);
    const ps = JSON.parse((await fleet.hmsops(['ps', '--json'])).stdout);
    const gateway = ps.instances.find((i: any) => i.service === 'gateway');
    expect(gateway).toMatchObject({ state: 'ready', restarts: 0 });
  });
});

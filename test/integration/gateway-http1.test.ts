// The gateway's HTTP/1.1 on both sides, with real sockets: an EdgeServer and a Proxy in this
// process, in front of upstreams that answer with hand-written bytes.
import crypto from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { inProcessGateway, listen as listenOn, rawUpstream as makeRawUpstream, type GatewayOptions } from '../helpers/gateway.js';
import { until } from '../helpers/fleet.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const listen = (server: net.Server | http.Server) => listenOn(server, cleanups);
const rawUpstream = (answer: (head: string, socket: net.Socket) => string | undefined) => makeRawUpstream(cleanups, answer);
const gateway = (upstreamPort: number, opts: GatewayOptions = {}) => inProcessGateway(cleanups, upstreamPort, opts);

/** Sends raw bytes on one connection and collects everything until the server closes or `until` matches (or `limitMs` passed). */
function rawExchange(port: number, bytes: string, until?: (text: string) => boolean, limitMs = 3000): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => s.write(bytes, 'latin1'));
    let text = '';
    const t = setTimeout(() => {
      s.destroy();
      resolve(text);
    }, limitMs);
    s.on('data', (d) => {
      text += d.toString('latin1');
      if (until?.(text)) {
        clearTimeout(t);
        s.destroy();
        resolve(text);
      }
    });
    s.on('close', () => {
      clearTimeout(t);
      resolve(text);
    });
    s.on('error', () => resolve(text)); // a reset: what came before it is the answer
  });
}

describe('the gateway reads requests as node:http frames them', () => {
  it('carries uploads on several connections at once, and pipelined requests with a head split across reads', async () => {
    const upstream = http.createServer(async (req, res) => {
      const hash = crypto.createHash('sha256');
      for await (const c of req) hash.update(c as Buffer);
      res.end(`${req.url} ${hash.digest('hex')}`);
    });
    const gw = await gateway(await listen(upstream));
    const bodies = [1, 2, 3].map(() => crypto.randomBytes(1024 * 1024 + 5));
    const answers = await Promise.all(bodies.map(async (b, i) => (await fetch(`http://127.0.0.1:${gw.port}/svc/up${i}`, { method: 'POST', body: b })).text()));
    expect(answers).toEqual(bodies.map((b, i) => `/up${i} ${crypto.createHash('sha256').update(b).digest('hex')}`));
    const empty = crypto.createHash('sha256').digest('hex');
    const out = await rawExchange(gw.port, 'GET /svc/a HTTP/1.1\r\nHost: x\r\n\r\nGET /svc/b HTTP/1.1\r\nHo', (t) => t.includes(`/a ${empty}`));
    expect(out).toContain(`/a ${empty}`);
  });

  it('forwards a method this Node names (QUERY) as it came, never without one', async () => {
    let seen = '';
    const up = await rawUpstream((head) => {
      seen = head.split('\r\n')[0]!;
      return 'HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok';
    });
    const gw = await gateway(up.port);
    const out = await rawExchange(gw.port, 'QUERY /svc/q HTTP/1.1\r\nHost: x\r\ncontent-length: 2\r\n\r\n{}', (t) => t.endsWith('ok'));
    expect(out).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(seen).toBe('QUERY /q HTTP/1.1');
  });

  it('closes a connection that pipelines more requests than it may keep waiting', async () => {
    const up = await rawUpstream((_head, s) => void setTimeout(() => s.write('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok', 'latin1'), 300));
    const gw = await gateway(up.port);
    const flood = 'GET /svc/f HTTP/1.1\r\nHost: x\r\n\r\n'.repeat(5000);
    const started = Date.now();
    // Closed by the gateway (about a second here, longer when the machine is busy), not by the 20 s limit.
    const out = await rawExchange(gw.port, flood, undefined, 20_000);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect((out.match(/HTTP\/1\.1 200/g) ?? []).length).toBeLessThan(40);
    expect(up.connections()).toBeLessThanOrEqual(1);
  });
});

describe('the gateway forwards every kind of answer framing', () => {
  it('passes chunked, close-delimited, HEAD and 204 answers on, and skips interim 1xx answers', async () => {
    const up = await rawUpstream((head) => {
      const path = head.split(' ')[1];
      if (path === '/chunked') return 'HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n';
      if (path === '/early-hints') return 'HTTP/1.1 103 Early Hints\r\nlink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok';
      if (path === '/head') return 'HTTP/1.1 200 OK\r\ncontent-length: 1234\r\n\r\n';
      if (path === '/empty') return 'HTTP/1.1 204 No Content\r\nx-n: 1\r\n\r\n';
      return undefined;
    });
    const closeDelimited = await rawUpstream((_head, s) => void s.end('HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\n\r\nuntil the end', 'latin1'));
    const gw = await gateway(up.port);
    const base = `http://127.0.0.1:${gw.port}/svc`;
    const chunked = await fetch(`${base}/chunked`);
    expect(await chunked.text()).toBe('hello world');
    expect((await fetch(`${base}/early-hints`)).status).toBe(200);
    const head = await fetch(`${base}/head`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length'), await head.text()]).toEqual([200, '1234', '']);
    const empty = await fetch(`${base}/empty`);
    expect([empty.status, empty.headers.get('x-n')]).toEqual([204, '1']);
    // One kept-alive upstream connection before HEAD and one after: undici closes a connection after
    // an answer to HEAD (some servers send a body with it), and opens another for the 204.
    expect(up.connections()).toBe(2);

    const gw2 = await gateway(closeDelimited.port);
    expect(await (await fetch(`http://127.0.0.1:${gw2.port}/svc/x`)).text()).toBe('until the end');
  });

  it('refuses an answer with two framings (502 UPSTREAM_BAD_RESPONSE) and never reuses that connection', async () => {
    const up = await rawUpstream((head) =>
      head.startsWith('GET /smuggle ') ? 'HTTP/1.1 200 OK\r\ncontent-length: 5\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n' : 'HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok',
    );
    const gw = await gateway(up.port);
    const r = await fetch(`http://127.0.0.1:${gw.port}/svc/smuggle`);
    expect(r.status).toBe(502);
    expect(((await r.json()) as any).error.code).toBe('UPSTREAM_BAD_RESPONSE');
    expect(await (await fetch(`http://127.0.0.1:${gw.port}/svc/fine`)).text()).toBe('ok');
    expect(up.connections()).toBe(2);
  });

  it('still times out a request in flight to an instance that leaves the routing table meanwhile', async () => {
    let arrived = false;
    const up = await rawUpstream(() => {
      arrived = true; // never answers
      return undefined;
    });
    const gw = await gateway(up.port, { upstreamTimeoutMs: 300 });
    const pending = fetch(`http://127.0.0.1:${gw.port}/svc/slow`);
    // In flight: at the instance (on a busy machine 50 ms was not always enough to get there).
    await until('the request at the instance', () => arrived, 5000, 5);
    gw.proxy.setTable({ routes: [{ prefix: '/svc', service: 'svc', upstreams: [] }] }); // its pool is closed
    const t0 = Date.now();
    const r = await pending;
    expect(r.status).toBe(504);
    expect(((await r.json()) as any).error.code).toBe('UPSTREAM_TIMEOUT');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('opens a new connection when the instance said connection: close', async () => {
    const up = await rawUpstream((_h, s) => {
      s.end('HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok', 'latin1');
      return undefined;
    });
    const gw = await gateway(up.port);
    for (let i = 0; i < 3; i++) expect(await (await fetch(`http://127.0.0.1:${gw.port}/svc/`)).text()).toBe('ok');
    expect(up.connections()).toBe(3);
  });

  it('retries a GET once on a fresh connection when a kept-alive one turns out closed', async () => {
    let answered = 0;
    const up = await rawUpstream((_h, s) => {
      answered++;
      // The first answer keeps the connection "alive", then the instance closes it without saying so.
      s.write('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok', 'latin1');
      if (answered === 1) setTimeout(() => s.destroy(), 20);
      return undefined;
    });
    const gw = await gateway(up.port);
    expect((await fetch(`http://127.0.0.1:${gw.port}/svc/a`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect((await fetch(`http://127.0.0.1:${gw.port}/svc/b`)).status).toBe(200);
    expect(up.connections()).toBe(2);
  });
});

describe('the gateway passes headers on', () => {
  /** Sends `request` through a gateway to an instance answering `answer` (a body of "ok"): the head the instance saw, and what the client got. */
  async function throughGateway(request: string, answer: string) {
    let seen = '';
    const up = await rawUpstream((head) => {
      seen = head;
      return answer;
    });
    const gw = await gateway(up.port);
    const out = await rawExchange(gw.port, request, (t) => t.endsWith('ok'));
    return { seen, out, up };
  }

  it('drops hop-by-hop headers, also those a Connection header names, and sets its own', async () => {
    const { seen, out, up } = await throughGateway(
      'GET /svc/h?q=1 HTTP/1.1\r\nHost: outside\r\nConnection: keep-alive, X-Hop\r\nX-Hop: 1\r\nX-Keep: 2\r\nTE: trailers\r\nX-Forwarded-For: 10.0.0.1\r\nx-hmsops-identity: forged\r\n\r\n',
      'HTTP/1.1 200 OK\r\ncontent-length: 2\r\nkeep-alive: timeout=7\r\nx-answer: yes\r\nConnection: keep-alive\r\nx-last:\tz \r\n\r\nok',
    );
    const lines = seen.split('\r\n');
    expect(lines[0]).toBe('GET /h?q=1 HTTP/1.1');
    expect(lines).toContain(`host: 127.0.0.1:${up.port}`);
    expect(lines).toContain('X-Keep: 2');
    expect(lines).toContain('x-forwarded-for: 10.0.0.1, 127.0.0.1');
    expect(lines.some((l) => /^x-request-id: [0-9a-f-]{36}$/.test(l))).toBe(true);
    expect(seen).not.toMatch(/x-hop|^te:|identity|Host: outside/im);
    // The instance's connection is the gateway's own (kept alive), whatever the client's said.
    expect(lines.filter((l) => /^connection:/i.test(l))).toEqual(['connection: keep-alive']);
    // The answer's own headers go on as llhttp read them (values without surrounding whitespace).
    expect(out).toContain('\r\nx-answer: yes\r\n');
    expect(out).toContain('\r\nx-last: z\r\n');
    expect(out.match(/content-length: 2/gi)).toHaveLength(1);
    // The client's connection headers are the gateway's own (node:http's), not the instance's.
    expect(out).not.toContain('timeout=7');
    expect(out.match(/^connection:/gim)).toHaveLength(1);
  });

  it("passes the client's other headers on in their order, around those it drops or sets", async () => {
    const { seen } = await throughGateway(
      'GET /svc/p HTTP/1.1\r\nX-First: 0\r\nHost: outside\r\nTE: trailers\r\nX-Keep:  2\t\r\nAccept: */*\r\nx-hmsops-identity: forged\r\nX-Last: 3\r\n\r\n',
      'HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok',
    );
    const lines = seen.split('\r\n').filter((l) => !/^(host|connection):/i.test(l));
    expect(lines.slice(1, 5)).toEqual(['X-First: 0', 'X-Keep: 2', 'Accept: */*', 'X-Last: 3']);
    expect(seen).not.toMatch(/^te:|identity|Host: outside/im);
  });
});

describe('the gateway streams large bodies both ways', () => {
  it('carries 24 MiB up (chunked, without a length) and 24 MiB down, byte for byte', async () => {
    const size = 24 * 1024 * 1024;
    const upstream = http.createServer(async (req, res) => {
      if (req.method === 'POST') {
        const hash = crypto.createHash('sha256');
        let n = 0;
        for await (const c of req) {
          hash.update(c as Buffer);
          n += (c as Buffer).length;
        }
        res.end(JSON.stringify({ bytes: n, sha256: hash.digest('hex'), chunked: req.headers['transfer-encoding'] === 'chunked' }));
        return;
      }
      res.writeHead(200, { 'content-length': size });
      const block = Buffer.alloc(1024 * 1024, 7);
      for (let i = 0; i < 24; i++) if (!res.write(block)) await new Promise((r) => res.once('drain', r));
      res.end();
    });
    const gw = await gateway(await listen(upstream));
    const url = `http://127.0.0.1:${gw.port}/svc/blob`;

    const sent = crypto.createHash('sha256');
    const body = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 24; i++) {
          const part = crypto.randomBytes(1024 * 1024);
          sent.update(part);
          controller.enqueue(part);
        }
        controller.close();
      },
    });
    const up = (await (await fetch(url, { method: 'POST', body, duplex: 'half' } as RequestInit)).json()) as any;
    expect(up).toEqual({ bytes: size, sha256: sent.digest('hex'), chunked: true });

    const down = await fetch(url);
    let received = 0;
    for await (const c of down.body as any) {
      expect((c as Uint8Array).every((b) => b === 7)).toBe(true);
      received += (c as Uint8Array).length;
    }
    expect(received).toBe(size);
  });

  it('keeps a chunked upload whole when the instance reads slowly and the gateway must wait (backpressure)', async () => {
    const size = 8 * 1024 * 1024;
    const upstream = http.createServer(async (req, res) => {
      // Reads nothing for a while: the socket's buffers fill and the gateway's writes report it.
      req.pause();
      await sleep(400);
      const hash = crypto.createHash('sha256');
      let n = 0;
      for await (const c of req) {
        hash.update(c as Buffer);
        n += (c as Buffer).length;
      }
      res.end(JSON.stringify({ bytes: n, sha256: hash.digest('hex') }));
    });
    const gw = await gateway(await listen(upstream));
    const sent = crypto.createHash('sha256');
    const body = new ReadableStream({
      start(controller) {
        for (let i = 0; i < size / (64 * 1024); i++) {
          const part = crypto.randomBytes(64 * 1024);
          sent.update(part);
          controller.enqueue(part);
        }
        controller.close();
      },
    });
    const r = await fetch(`http://127.0.0.1:${gw.port}/svc/slow`, { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(await r.json()).toEqual({ bytes: size, sha256: sent.digest('hex') });
  });

  it('keeps uploads sent at once on several connections apart, byte for byte (their reads share one buffer)', async () => {
    const upstream = http.createServer(async (req, res) => {
      const hash = crypto.createHash('sha256');
      for await (const c of req) hash.update(c as Buffer);
      res.end(hash.digest('hex'));
    });
    const gw = await gateway(await listen(upstream));
    const bodies = [1, 2, 3, 4].map(() => crypto.randomBytes(3 * 1024 * 1024 + 17));
    const answers = await Promise.all(bodies.map(async (b) => (await fetch(`http://127.0.0.1:${gw.port}/svc/up`, { method: 'POST', body: b })).text()));
    expect(answers).toEqual(bodies.map((b) => crypto.createHash('sha256').update(b).digest('hex')));
  });

  it('keeps reading a kept-alive connection after an upload that arrived whole while its buffer was full', async () => {
    // A body over the 64 KiB buffer, sent at once, while the gateway is still connecting to the
    // instance: its last bytes are pushed into a full buffer. The connection must still be read after.
    const upstream = http.createServer(async (req, res) => {
      let n = 0;
      for await (const c of req) n += (c as Buffer).length;
      res.end(`got ${n}`);
    });
    const upstreamPort = await listen(upstream);
    const body = crypto.randomBytes(100 * 1024);
    for (let attempt = 0; attempt < 5; attempt++) {
      const gw = await gateway(upstreamPort); // a fresh pool: the upload waits for a new connection
      const s = net.connect(gw.port, '127.0.0.1');
      let text = '';
      s.on('data', (d) => (text += d.toString('latin1')));
      await new Promise((r) => s.once('connect', r));
      s.write(Buffer.concat([Buffer.from(`POST /svc/up HTTP/1.1\r\nHost: x\r\ncontent-length: ${body.length}\r\n\r\n`), body]));
      await until('the upload answered', () => text.endsWith(`got ${body.length}`), 5000);
      s.write('GET /svc/next HTTP/1.1\r\nHost: x\r\n\r\n'); // same connection
      await until('the next request answered', () => text.endsWith('got 0'), 3000);
      s.destroy();
    }
  });

  it('stops a streamed body at the limit with 413 BODY_TOO_LARGE', async () => {
    const upstream = http.createServer((req, res) => req.resume().on('end', () => res.end('read it all')));
    const gw = await gateway(await listen(upstream), { bodyLimitBytes: 1024 * 1024 });
    const body = new ReadableStream({
      start(c) {
        for (let i = 0; i < 4; i++) c.enqueue(new Uint8Array(512 * 1024));
        c.close();
      },
    });
    const r = await fetch(`http://127.0.0.1:${gw.port}/svc/up`, { method: 'POST', body, duplex: 'half' } as RequestInit).catch((e) => e);
    // The gateway answers 413 and closes; a client still sending may see the close first.
    if (r instanceof Response) expect(((await r.json()) as any).error.code).toBe('BODY_TOO_LARGE');
    else expect(String(r.cause ?? r)).toMatch(/other side closed|reset|EPIPE|terminated/i);
    expect(gw.lines.some((l) => l.error === 'BODY_TOO_LARGE')).toBe(true);
  });
});

describe('the gateway refuses requests whose end it cannot be sure of', () => {
  it('answers 400 and closes on two framings, a bare LF, a missing host or an absolute URL', async () => {
    const up = await rawUpstream(() => 'HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok');
    const gw = await gateway(up.port);
    const bad = [
      'POST /svc/ HTTP/1.1\r\nhost: x\r\ncontent-length: 4\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n',
      'GET /svc/ HTTP/1.1\r\nhost: x\nx-a: 1\r\n\r\n',
      'GET /svc/ HTTP/1.1\r\nx-a: 1\r\n\r\n',
      'GET http://evil/svc/ HTTP/1.1\r\nhost: x\r\n\r\n',
      'GET /svc/ HTTP/1.1\r\nhost: x\r\n folded: value\r\n\r\n',
      'POST /svc/ HTTP/1.1\r\nhost: x\r\ncontent-length: 1\r\ncontent-length: 2\r\n\r\nab',
    ];
    for (const req of bad) {
      const out = await rawExchange(gw.port, req);
      expect(out, JSON.stringify(req)).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(out).toContain('connection: close');
    }
    expect((await rawExchange(gw.port, 'POST /svc/ HTTP/1.1\r\nhost: x\r\ntransfer-encoding: gzip\r\n\r\n')).split('\r\n')[0]).toBe('HTTP/1.1 501 Not Implemented');
    expect(up.connections()).toBe(0); // none of them reached the instance
  });

  it('closes a kept-alive client connection left idle past the keep-alive timeout, not one waiting for its answer', async () => {
    const up = await rawUpstream((head, s) => {
      const delay = head.startsWith('GET /svc/slow') || head.startsWith('GET /slow') ? 400 : 0;
      setTimeout(() => s.write('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok', 'latin1'), delay);
      return undefined;
    });
    const gw = await gateway(up.port, { keepAliveTimeoutMs: 100 });
    const t0 = Date.now();
    // The slow answer takes longer than the keep-alive timeout: the connection stays for it, then closes when idle.
    const out = await rawExchange(gw.port, 'GET /svc/slow HTTP/1.1\r\nhost: x\r\n\r\n');
    expect(out).toMatch(/^HTTP\/1\.1 200 OK[\s\S]*ok$/);
    expect(Date.now() - t0).toBeLessThan(2500); // closed by the sweep, not by rawExchange's 3 s limit
  });

  it('answers 408 and closes when a request head trickles in slower than the headers timeout', async () => {
    const up = await rawUpstream(() => 'HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok');
    const gw = await gateway(up.port, { headersTimeoutMs: 200, keepAliveTimeoutMs: 60_000 });
    const out = await new Promise<string>((resolve) => {
      const s = net.connect(gw.port, '127.0.0.1');
      let text = '';
      s.on('data', (d) => (text += d.toString('latin1')));
      s.on('close', () => resolve(text));
      s.on('error', () => undefined);
      s.write('GET /svc/ HTTP/1.1\r\n');
      // One more header line now and then, never the end of the head.
      let n = 0;
      const drip = setInterval(() => (s.destroyed || n++ > 50 ? clearInterval(drip) : s.write(`x-drip-${n}: 1\r\n`)), 50);
    });
    expect(out).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(up.connections()).toBe(0);
  });

  it('takes a client that half-closes its side as gone, as node:http and nginx do, and serves the next one', async () => {
    const up = await rawUpstream((_h, s) => void setTimeout(() => s.write('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok', 'latin1'), 100));
    const gw = await gateway(up.port);
    const out = await new Promise<{ text: string; closed: boolean }>((resolve) => {
      const s = net.connect(gw.port, '127.0.0.1', () => s.end('GET /svc/ HTTP/1.1\r\nhost: x\r\n\r\n', 'latin1'));
      let text = '';
      const timer = setTimeout(() => resolve({ text, closed: false }), 2000);
      s.on('data', (d) => (text += d.toString('latin1')));
      s.on('close', () => {
        clearTimeout(timer);
        resolve({ text, closed: true });
      });
      s.on('error', () => undefined);
    });
    expect(out).toEqual({ text: '', closed: true });
    expect(await (await fetch(`http://127.0.0.1:${gw.port}/svc/next`)).text()).toBe('ok');
  });

  it('reads a request head that arrives in pieces, while other connections are read in between', async () => {
    const up = await rawUpstream((head) => {
      const path = head.split(' ')[1]!;
      return `HTTP/1.1 200 OK\r\ncontent-length: ${path.length}\r\n\r\n${path}`;
    });
    const gw = await gateway(up.port);
    const s = net.connect(gw.port, '127.0.0.1');
    let text = '';
    s.on('data', (d) => (text += d.toString('latin1')));
    s.write('GET /svc/in-pie');
    await sleep(30);
    expect(await (await fetch(`http://127.0.0.1:${gw.port}/svc/meanwhile`)).text()).toBe('/meanwhile');
    s.write('ces HTTP/1.1\r\nhost: x\r\n\r\n');
    await until('the answer to the head sent in pieces', () => text.endsWith('/in-pieces'), 3000);
    s.destroy();
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  });

  it('answers pipelined requests in order on one connection, and answers Expect: 100-continue', async () => {
    const up = await rawUpstream((head) => {
      const path = head.split(' ')[1]!;
      return `HTTP/1.1 200 OK\r\ncontent-length: ${path.length}\r\n\r\n${path}`;
    });
    const gw = await gateway(up.port);
    const three = 'GET /svc/one HTTP/1.1\r\nhost: x\r\n\r\nGET /svc/two HTTP/1.1\r\nhost: x\r\n\r\nGET /svc/three HTTP/1.1\r\nhost: x\r\n\r\n';
    const out = await rawExchange(gw.port, three, (t) => t.endsWith('/three'));
    expect(out.match(/\r\n\r\n\/(?:one|two|three)/g)).toEqual(['\r\n\r\n/one', '\r\n\r\n/two', '\r\n\r\n/three']);
    const cont = await rawExchange(gw.port, 'PUT /svc/c HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\nexpect: 100-continue\r\n\r\nhi', (t) => t.endsWith('/c'));
    expect(cont).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK\r\n/);
  });
});

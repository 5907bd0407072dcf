// A differential test of the gateway's HTTP/1.1 framing against node:http, as a regression guard.
// Seeded generators write request streams (Content-Length and Transfer-Encoding in every
// combination and mutation, chunk syntax, trailers, bare CR and LF, control bytes, pipelined
// requests, bodies that hold requests) and instance answers; the bytes are split at random points.
// For each case the reference is node:http itself (llhttp with Node's own glue code): its server,
// fed the bytes through a stream of the test's own, says which requests a byte stream holds, its
// client what an answer is. The gateway reads with node:http too, but decides what to forward,
// in which order, and sends it on through undici (llhttp again, its own build).
// The gateway may be stricter (docs/gateway.md, "HTTP framing") but never forwards anything else:
// - requests: the instance receives a prefix of the messages llhttp framed and the gateway's
//   rules accept, all of them when nothing depends on timing, and the client gets their answers in
//   order, never an answer to something llhttp did not frame;
// - answers: the client gets exactly the answer llhttp framed, or a gateway error, or an answer
//   cut off; never other bytes, and the next exchange is not disturbed.
// The seed is printed on failure; HMSOPS_FUZZ_SEED=N replays a run, HMSOPS_FUZZ_CASES=N sets its size.
import crypto from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Duplex } from 'node:stream';
import { matchRoute, type RoutingTable } from '../../src/gateway/routing-table.js';
import { inProcessGateway, listen } from '../helpers/gateway.js';
import { readAnswers } from '../helpers/http-answers.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const SEED = Number(process.env.HMSOPS_FUZZ_SEED ?? Date.now() % 1_000_000);
// 1,000 in `npm test`; the drills run 5,000 (test/drills/fuzz-deep.test.ts).
const CASES = Number(process.env.HMSOPS_FUZZ_CASES ?? 1000);

/** mulberry32: small, seeded, good enough to pick mutations. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}
type Random = ReturnType<typeof random>;

/** The same choices without mutations (every likely branch taken), for well-formed streams. */
const calm = (r: Random): Random => ({ ...r, chance: (p: number) => p >= 0.5 });

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex').slice(0, 16);

// ---- requests -------------------------------------------------------------------------------

function eol(r: Random) {
  return r.chance(0.97) ? '\r\n' : r.pick(['\n', '\r', '\r\r\n', '\n\r']);
}

function bodyText(r: Random, id: number): string {
  if (r.chance(0.25)) return `GET /svc/c${id}/smuggled HTTP/1.1\r\nHost: x\r\n\r\n`;
  // Now and then over 64 KiB: more than one read on each side, and node:http's and undici's buffers.
  const n = r.chance(0.04) ? r.pick([70_000, 200_000]) : r.pick([0, 1, 2, 5, 16, 100, 3000]);
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(r.chance(0.95) ? 97 + r.int(26) : r.int(256));
  return s;
}

function contentLengthLines(r: Random, n: number): string[] {
  const value = r.chance(0.8)
    ? String(n)
    : r.pick([` ${n}`, `${n} `, `+${n}`, `0${n}`, `${n}, ${n}`, `${n}\x00`, '-1', '', `${n}${n}`, `\t${n}`, `${n}\x0b`, `0x${n}`, '99999999999999999999']);
  const name = r.chance(0.9) ? 'Content-Length' : r.pick(['content-LENGTH', 'Content-Length ', 'Content Length', ' Content-Length']);
  const lines = [`${name}: ${value}`];
  if (r.chance(0.08)) lines.push(`Content-Length: ${r.chance(0.5) ? value : n + 1}`);
  return lines;
}

function chunkSize(r: Random, n: number): string {
  const hex = n.toString(16);
  if (r.chance(0.85)) return r.chance(0.2) ? hex.toUpperCase() : hex;
  return r.pick([
    `0x${hex}`,
    `+${hex}`,
    `-${hex}`,
    ` ${hex}`,
    `${hex} `,
    `\t${hex}`,
    `${hex}\t`,
    `${hex}\x0b`,
    `${hex}\xa0`,
    `${hex}\r`,
    `000000000000000000${hex}`,
    'fffffffffffffffffff',
    `${hex}g`,
    '',
  ]);
}

function chunkExtension(r: Random): string {
  if (r.chance(0.85)) return '';
  return r.pick([';a=b', ';a', ';', ';a="q"', ';a=\x00', ';\r', ';a=\x01', '; a=b', ';a=b;c', ';a="\\"x"']);
}

function chunkedBody(r: Random, id: number): string {
  let out = '';
  const chunks = r.int(4);
  for (let i = 0; i < chunks; i++) {
    const data = bodyText(r, id) || 'x';
    const declared = r.chance(0.92) ? data.length : Math.max(0, data.length + r.pick([-1, 1, 5]));
    out += chunkSize(r, declared) + chunkExtension(r) + (r.chance(0.96) ? '\r\n' : r.pick(['\n', '\r', ''])) + data;
    out += r.chance(0.95) ? '\r\n' : r.pick(['\n', '\r', '', '\r\n\r\n']);
  }
  out += `${(r.chance(0.95) ? '0' : r.pick(['00', '0x0', ' 0', '0 '])) + chunkExtension(r)}\r\n`;
  // Trailers, well-formed half the time (what follows them must not see any of them).
  if (r.chance(0.25)) out += r.chance(0.5) ? 'X-Trailer: 1\r\n' : r.pick(['no colon\r\n', 'X-T: a\x00b\r\n', 'X-T: a\rb\r\n', 'X T: 1\r\n', ' folded\r\n']);
  if (r.chance(0.96)) out += '\r\n';
  return out;
}

function transferEncodingLines(r: Random): string[] {
  const value = r.chance(0.8)
    ? 'chunked'
    : r.pick([
        'CHUNKED',
        'Chunked',
        ' chunked',
        'chunked ',
        'gzip, chunked',
        'chunked, gzip',
        'identity',
        'chunked\x00',
        'chunked, chunked',
        '\tchunked',
        'chunked;q=1',
        'xchunked',
      ]);
  const name = r.chance(0.92) ? 'Transfer-Encoding' : r.pick(['transfer-ENCODING', 'Transfer-Encoding ', 'Transfer Encoding']);
  const lines = [`${name}: ${value}`];
  if (r.chance(0.06)) lines.push(`Transfer-Encoding: ${r.pick(['chunked', 'gzip'])}`);
  return lines;
}

function request(r: Random, id: number, k: number): string {
  // Beyond the usual ones: methods llhttp knows that few clients send (QUERY, of the IETF draft,
  // was once forwarded without its name), and tokens that are not methods.
  const method = r.chance(0.9)
    ? r.pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])
    : r.pick(['QUERY', 'SEARCH', 'M-SEARCH', 'PURGE', 'SOURCE', 'LINK', 'FOO', 'get', 'G\x00T', '', 'POST\t', 'PRI']);
  const target = r.chance(0.82)
    ? `/svc/c${id}/m${k}?q=${k}`
    : r.pick(['/healthz', '/nowhere', `http://x/svc/c${id}/abs`, '*', `/svc/c${id}/sp ace`, `/svc/c${id}/\x7f`, `//svc/c${id}`, `/svc/c${id}`, '']);
  const version = r.chance(0.88) ? 'HTTP/1.1' : r.pick(['HTTP/1.0', 'HTTP/2.0', 'HTTP/1.2', 'http/1.1', 'HTTP/1.1 ', 'HTTP/11', 'HTTP/0.9']);
  const lines: string[] = [];
  if (r.chance(0.93)) lines.push(r.chance(0.95) ? 'Host: x' : r.pick(['host:x', 'Host : x', 'Host: x\x00', 'Host:']));
  if (r.chance(0.03)) lines.push('Host: y');
  for (let i = r.int(3); i > 0; i--) {
    lines.push(
      r.pick([
        'X-A: 1',
        'X-A:\t v \t',
        'Accept: */*',
        'X A: 1',
        'X-B: a\x00b',
        'X-C: \x01',
        'X-D: caf\xe9',
        'Connection: close',
        'Connection: keep-alive',
        'Expect: 100-continue',
        'Idempotency-Key: k',
        'Upgrade: websocket',
        'Connection: upgrade',
        'X-E: a',
        ' folded',
        'Connection: keep-alive, X-A',
        ': empty',
        'X-F:',
      ]),
    );
  }
  let body = '';
  const framing = r.pick(['none', 'none', 'length', 'length', 'chunked', 'chunked', 'both']);
  if (framing === 'length' || framing === 'both') {
    body = bodyText(r, id);
    lines.push(...contentLengthLines(r, body.length));
    if (r.chance(0.05)) body = body.slice(0, Math.max(0, body.length - 2)) + (r.chance(0.5) ? 'EXTRA' : '');
  }
  if (framing === 'chunked' || framing === 'both') {
    lines.push(...transferEncodingLines(r));
    body = chunkedBody(r, id);
  }
  // Shuffle a little, so framing headers are not always last.
  if (r.chance(0.3) && lines.length > 1) lines.push(lines.splice(r.int(lines.length), 1)[0]!);
  const nl = eol(r);
  return `${method} ${target} ${version}${nl}${lines.map((l) => l + eol(r)).join('')}${r.chance(0.98) ? '\r\n' : nl}${body}`;
}

const sentinel = (id: number) => `GET /svc/c${id}/sentinel HTTP/1.1\r\nHost: x\r\n\r\n`;

/** One request as node:http framed it, with what the gateway's own rules look at. */
interface Framed {
  /** llhttp said this request upgrades the protocol (or is CONNECT): nothing after it is HTTP. */
  upgrade?: boolean;
  /** Read to its end. */
  complete: boolean;
  method: string;
  url: string;
  versionMajor: number;
  versionMinor: number;
  rawHeaders: string[];
  body: Buffer;
}

/**
 * The reference for requests: node:http's server reading the bytes from a stream (its documented
 * way to take a connection that is not a socket), recording every request it framed, in order,
 * with its body when read to its end.
 */
function referenceServer() {
  const framed = new Map<Duplex, Framed[]>();
  const record = (req: http.IncomingMessage, extra: Partial<Framed> = {}): Framed => {
    const m: Framed = {
      method: req.method!,
      url: req.url!,
      versionMajor: req.httpVersionMajor,
      versionMinor: req.httpVersionMinor,
      rawHeaders: req.rawHeaders,
      body: Buffer.alloc(0),
      complete: false,
      ...extra,
    };
    framed.get(req.socket as unknown as Duplex)?.push(m);
    return m;
  };
  // Host is the gateway's rule to apply (the model below), not node:http's.
  const server = http.createServer({ requireHostHeader: false }, (req, res) => {
    const m = record(req); // in the order llhttp framed them
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      m.body = Buffer.concat(parts);
      m.complete = true;
      res.end();
    });
    req.on('error', () => undefined);
  });
  // Bytes llhttp refuses end what it frames; the connection is destroyed only once the bodies
  // framed before them have been read (below), so that none of them is cut short here.
  server.on('clientError', () => undefined);
  // Where llhttp says the protocol changes, node:http hands the socket over: recorded as such.
  const switched = (req: http.IncomingMessage) => void record(req, { upgrade: true, complete: true });
  server.on('upgrade', switched);
  server.on('connect', switched);
  return async (bytes: Buffer): Promise<Framed[]> => {
    const connection = new Duplex({ read() {}, write: (_c, _e, cb) => cb() });
    connection.on('error', () => undefined);
    const messages: Framed[] = [];
    framed.set(connection, messages);
    server.emit('connection', connection);
    connection.push(bytes);
    // Bodies end a few turns of the event loop after their bytes were parsed.
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    framed.delete(connection);
    connection.destroy();
    return messages;
  };
}

const headerValues = (raw: string[], name: string) => raw.filter((_, i) => i % 2 === 1 && raw[i - 1]!.toLowerCase() === name);

/** The gateway's rules beyond llhttp's (docs/gateway.md, "HTTP framing"), as a reader of docs/gateway.md would check them. */
function gatewayRefuses(m: Framed): boolean {
  if (m.upgrade || !m.method) return true;
  const te = headerValues(m.rawHeaders, 'transfer-encoding').join(', ');
  if (m.versionMajor !== 1 || m.versionMinor > 1) return true;
  if (!(m.url.startsWith('/') || (m.url === '*' && m.method === 'OPTIONS'))) return true;
  const hosts = headerValues(m.rawHeaders, 'host').length;
  if (hosts > 1 || (m.versionMinor === 1 && hosts === 0)) return true;
  return te !== '' && (m.versionMinor === 0 || te.toLowerCase() !== 'chunked');
}

const declaresBody = (m: Framed) => headerValues(m.rawHeaders, 'transfer-encoding').length > 0 || headerValues(m.rawHeaders, 'content-length').some((v) => v !== '0');

const ROUTES: RoutingTable = { routes: [{ prefix: '/svc', service: 'svc', upstreams: [] }] };

/** What should reach the instance, given what node:http framed: `exact` when nothing depends on timing (all of it must). */
function expectedForwarded(messages: Framed[]) {
  const forwarded: string[] = [];
  let exact = true;
  for (const m of messages) {
    if (gatewayRefuses(m)) break;
    // Its head may reach the instance before its body breaks off: the instance sees it cut, not whole.
    if (!m.complete) break;
    const match = matchRoute(ROUTES, m.url);
    if (match) forwarded.push(`${m.method} ${match.path} ${sha(m.body)}`);
    // The gateway answers this itself without reading a body it declares; if the body's end has
    // not been read by then (a matter of timing), the connection closes after the answer.
    else if (declaresBody(m)) exact = false;
    // The gateway keeps only HTTP/1.1 connections alive.
    if (m.versionMinor !== 1) break;
  }
  return { forwarded, exact };
}

/**
 * Sends `bytes` in `cuts` pieces on one connection and returns all that came back: once the
 * gateway closes, once `enough` says the answers are all there (the connection kept alive), or
 * after a few seconds. The client never half-closes (the gateway takes that as leaving).
 */
function send(port: number, bytes: Buffer, cuts: number[], enough: (got: Buffer) => boolean): Promise<Buffer> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    const got: Buffer[] = [];
    const timer = setTimeout(() => s.destroy(), 3000);
    s.on('connect', async () => {
      let from = 0;
      for (const cut of [...cuts, bytes.length]) {
        if (s.destroyed) break;
        s.write(bytes.subarray(from, cut));
        from = cut;
        await new Promise((r) => setImmediate(r));
      }
    });
    s.on('data', (d) => {
      got.push(d);
      if (enough(Buffer.concat(got))) s.destroy();
    });
    s.on('error', () => undefined);
    s.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(got));
    });
  });
}

async function pool<T>(items: T[], width: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

describe('the gateway frames requests as llhttp does', () => {
  it(`forwards only what llhttp framed, in order, over ${CASES} generated request streams (seed ${SEED})`, async () => {
    const received = new Map<string, string[]>();
    const upstream = http.createServer((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (c: Buffer) => parts.push(c));
      req.on('end', () => {
        const id = /^\/c(\d+)(?:[/?]|$)/.exec(req.url ?? '')?.[1] ?? 'other';
        const line = `${req.method} ${req.url} ${sha(Buffer.concat(parts))}`;
        received.set(id, [...(received.get(id) ?? []), line]);
        res.end(`echo ${line}`);
      });
    });
    const gw = await inProcessGateway(cleanups, await listen(upstream, cleanups));
    const frame = referenceServer();

    const r = random(SEED);
    const cases = Array.from({ length: CASES }, (_, id) => {
      let text = '';
      // A third of the streams are well-formed, so that the accepting path is tried as hard as the refusing one.
      const g = r.chance(1 / 3) ? calm(r) : r;
      for (let k = r.int(3) + 1; k > 0; k--) text += request(g, id, k);
      if (r.chance(0.8)) text += sentinel(id);
      const bytes = Buffer.from(text, 'latin1');
      const cuts = Array.from({ length: r.int(4) }, () => r.int(bytes.length)).sort((a, b) => a - b);
      return { id, bytes, cuts };
    });

    const failures: string[] = [];
    let forwardedTotal = 0;
    let exactCases = 0;
    await pool(cases, 8, async ({ id, bytes, cuts }) => {
      const framed = await frame(bytes);
      const { forwarded, exact } = expectedForwarded(framed);
      // Kept alive, the gateway has answered everything once it has answered every whole request.
      const whole = framed.filter((m) => m.complete).length;
      const answers = (got: Buffer) => readAnswers(got, [], false).answers.filter((a) => a.complete);
      const answered = answers(await send(gw.port, bytes, cuts, (got) => answers(got).length >= whole))
        .filter((a) => a.body.startsWith('echo '))
        .map((a) => a.body.slice(5));
      // An answer still on its way when the client's connection was cut is recorded a moment later.
      await new Promise((res) => setTimeout(res, 5));
      const got = received.get(String(id)) ?? [];
      const isPrefix = (xs: string[], of: string[]) => xs.length <= of.length && xs.every((x, i) => x === of[i]);
      const ok = isPrefix(got, forwarded) && isPrefix(answered, got) && (!exact || (got.length === forwarded.length && answered.length === got.length));
      if (exact) exactCases++;
      forwardedTotal += got.length;
      if (!ok && failures.length < 5)
        failures.push(
          `case ${id} (seed ${SEED}): ${JSON.stringify(bytes.toString('latin1'))}\n  cuts ${cuts}\n  node:http: ${JSON.stringify(forwarded)} (exact: ${exact})\n  instance got: ${JSON.stringify(got)}\n  client got: ${JSON.stringify(answered)}`,
        );
    });
    expect(failures, failures.join('\n')).toEqual([]);
    expect(received.get('other')).toBeUndefined();
    // The generator must exercise both sides: plenty forwarded, plenty refused.
    expect(forwardedTotal).toBeGreaterThan(CASES / 2);
    expect(exactCases).toBeGreaterThan(CASES / 4);
    // Still serving.
    expect((await fetch(`http://127.0.0.1:${gw.port}/svc/c999999/after`)).status).toBe(200);
  });
});

// ---- answers --------------------------------------------------------------------------------

function answer(r: Random, id: number): string {
  const body = r.chance(0.7) ? `answer ${id} ${'z'.repeat(r.pick([0, 1, 10, 2000]))}` : bodyText(r, id);
  const status = r.chance(0.85)
    ? r.pick(['HTTP/1.1 200 OK', 'HTTP/1.1 201 Created', 'HTTP/1.1 404 Not Found', 'HTTP/1.1 204 No Content', 'HTTP/1.0 200 OK'])
    : r.pick([
        'HTTP/1.1 304 Not Modified',
        'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK',
        'HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 200 OK',
        'HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\nConnection: upgrade',
        'HTTP/2.0 200 OK',
        'HTTP/1.1 99 X',
        'HTTP/1.1 2000 X',
        'ICE/1.0 200 OK',
        'HTTP/1.1 200',
        'HTTP/1.1  200 OK',
        'http/1.1 200 OK',
      ]);
  const lines = [
    r.chance(0.9) ? 'Content-Type: text/plain' : r.pick(['X A: 1', 'X-B: a\x00b', 'X-C:\t v ', ' folded', 'Connection: close', 'Keep-Alive: timeout=1', 'X-D: caf\xe9']),
  ];
  let out = '';
  const framing = r.pick(['length', 'length', 'chunked', 'close', 'both']);
  if (framing === 'length' || framing === 'both') {
    lines.push(...contentLengthLines(r, body.length));
    out = body;
  }
  if (framing === 'chunked' || framing === 'both') {
    lines.push(...transferEncodingLines(r));
    out = chunkedBody(r, id);
  }
  if (framing === 'close') out = body;
  let text = `${status}${eol(r)}${lines.map((l) => l + eol(r)).join('')}\r\n${out}`;
  if (r.chance(0.08)) text += r.pick(['junk', 'HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nbad', '\r\n']);
  return text;
}

/**
 * Whether the instance may keep its connection open after these bytes: only when a strict reader
 * finds whole answers and nothing else in them. Anything less well-formed closes the connection,
 * so that no case's leftovers reach the next one on a reused connection.
 */
const endsCleanly = (bytes: Buffer): boolean => readAnswers(bytes, [], false).clean;

interface ReferenceAnswer {
  status: number;
  versionMajor: number;
  rawHeaders: string[];
  body: string;
  complete: boolean;
  upgrade?: boolean;
}

/** The reference for answers: what node:http's client makes of the instance's bytes, asked directly. */
function nodeGet(port: number, path: string): Promise<ReferenceAnswer | undefined> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (a: ReferenceAnswer | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // The socket too: on Node 26 a request destroyed after its answer's end can leave it open.
      req.destroy();
      req.socket?.destroy();
      resolve(a);
    };
    let answer: (() => ReferenceAnswer) | undefined;
    const req = http.get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      const parts: Buffer[] = [];
      answer = () => ({
        status: res.statusCode!,
        versionMajor: res.httpVersionMajor,
        rawHeaders: res.rawHeaders,
        body: Buffer.concat(parts).toString('latin1'),
        complete: res.complete,
      });
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => done(answer!()));
      res.on('aborted', () => done({ ...answer!(), complete: false }));
      res.on('error', () => setImmediate(() => done(answer!())));
    });
    req.on('upgrade', (res) => done({ status: res.statusCode!, versionMajor: 1, rawHeaders: [], body: '', complete: true, upgrade: true }));
    // Bytes after a complete answer are an error to the client, reported before that answer's end.
    req.on('error', () => setImmediate(() => done(answer?.())));
    const timer = setTimeout(() => done(undefined), 5000);
  });
}

/**
 * Where the gateway refuses an answer node:http's client reads (docs/gateway.md, "HTTP framing"): its own
 * rules (upgrades, transfer codings other than chunked), and undici's (an interim `100 Continue`
 * nobody asked for; a 204 or 304 declaring a body length it does not carry). An answer whose
 * status line says HTTP/2.0 is framed as HTTP/1.1 by both llhttps, and passed on like one.
 */
function gatewayRefusesAnswer(a: ReferenceAnswer, bytes: Buffer): boolean {
  const lengths = headerValues(a.rawHeaders, 'content-length');
  return (
    a.upgrade === true ||
    a.status === 101 ||
    headerValues(a.rawHeaders, 'transfer-encoding').some((v) => v.toLowerCase() !== 'chunked') ||
    /^HTTP\/1\.1 100 /.test(bytes.toString('latin1')) ||
    ((a.status === 204 || a.status === 304) && lengths.some((v) => Number(v) !== 0))
  );
}

/** Headers a proxy passes on (not hop-by-hop, not framing), as `name: value` lines. */
const endToEnd = (raw: string[]) =>
  raw.flatMap((v, i) =>
    i % 2 === 1 &&
    !['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'proxy-connection', 'te', 'trailer', 'upgrade', 'expect', 'date'].includes(raw[i - 1]!.toLowerCase())
      ? [`${raw[i - 1]}: ${v}`]
      : [],
  );

describe('the gateway frames answers as llhttp does', () => {
  it(`passes on exactly the answer llhttp framed, or an error, over ${Math.round(CASES / 2)} generated answers (seed ${SEED})`, async () => {
    const r = random(SEED + 1);
    const answers = new Map<string, { bytes: Buffer; close: boolean; cuts: number[] }>();
    // Answers by the path asked for; the connection closes after each unless llhttp says the answer
    // ended cleanly (then it is kept, and the next case may reuse it).
    const up = net.createServer((s) => {
      let buf = '';
      s.on('data', async (d) => {
        buf += d.toString('latin1');
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const path = buf.slice(0, end).split(' ')[1]!;
        buf = buf.slice(end + 4);
        const a = answers.get(path);
        if (!a) return void s.destroy();
        let from = 0;
        for (const cut of [...a.cuts, a.bytes.length]) {
          if (s.destroyed) return;
          s.write(a.bytes.subarray(from, cut));
          from = cut;
          await new Promise((res) => setImmediate(res));
        }
        if (a.close) s.end();
      });
      s.on('error', () => undefined);
    });
    const upPort = await listen(up, cleanups);
    const sockets = new Set<net.Socket>();
    up.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    cleanups.push(() => sockets.forEach((s) => s.destroy()));
    const gw = await inProcessGateway(cleanups, upPort, { upstreamTimeoutMs: 3000, cooldownMs: 0 });

    const failures: string[] = [];
    let passedOn = 0;
    for (let id = 0; id < CASES / 2; id++) {
      const bytes = Buffer.from(answer(r, id), 'latin1');
      const close = !endsCleanly(bytes) || r.chance(0.3);
      const cuts = Array.from({ length: r.int(3) }, () => r.int(bytes.length)).sort((a, b) => a - b);
      answers.set(`/a${id}`, { bytes, close, cuts });
      answers.set(`/ref${id}`, { bytes, close: true, cuts: [] });
      const ref = await nodeGet(upPort, `/ref${id}`);
      const raw = await send(gw.port, Buffer.from(`GET /svc/a${id} HTTP/1.1\r\nHost: x\r\n\r\n`), [], (got) => readAnswers(got, [], false).answers[0]?.complete === true);
      const got = readAnswers(raw).answers[0];
      let ok: boolean;
      if (ref?.complete && !gatewayRefusesAnswer(ref, bytes)) {
        // Exactly what node:http read: status, end-to-end headers, body.
        ok = got?.complete === true && got.status === ref.status && got.body === ref.body && JSON.stringify(endToEnd(got.rawHeaders)) === JSON.stringify(endToEnd(ref.rawHeaders));
        if (ok) passedOn++;
      } else {
        // A gateway error, or the head passed on and the answer cut off: never a whole answer of other bytes.
        ok = got === undefined || (got.complete ? [502, 504].includes(got.status) && /UPSTREAM_/.test(got.body) : true);
      }
      if (!ok && failures.length < 5)
        failures.push(
          `answer ${id} (seed ${SEED}): ${JSON.stringify(bytes.toString('latin1').slice(0, 400))} close=${close}\n  node:http: ${JSON.stringify(ref && { ...ref, body: ref.body.slice(0, 80) })}\n  client got: ${JSON.stringify(got && { ...got, body: got.body.slice(0, 120) })}`,
        );
    }
    expect(failures, failures.join('\n')).toEqual([]);
    expect(passedOn).toBeGreaterThan(CASES / 8);
  });
});

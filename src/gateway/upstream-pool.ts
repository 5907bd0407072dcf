/**
 * The gateway's keep-alive connections to one instance, on plain sockets. A proxy needs a small
 * part of HTTP/1.1: write a request head and body, read the answer's head, forward its body, and
 * know whether the connection can be reused. Where an answer ends is llhttp's to say (as in
 * node:http and undici); whatever it refuses is 502 UPSTREAM_BAD_RESPONSE and the connection is
 * closed. A general client (undici) costs about a third of the gateway's throughput for things
 * a proxy does not use; see docs/benchmarks.md.
 */
import net from 'node:net';
import type { Readable } from 'node:stream';
import { HOP_BY_HOP, nameLengths } from './http1.js';
import { isParseError, Llhttp, type ParsedHead } from './llhttp.js';

const MAX_HEAD_BYTES = 64 * 1024;
/** Name lengths of the headers an answer's head is not passed on with as it is. */
const ACTED_ON = nameLengths([...HOP_BY_HOP, 'content-length']);

/** Where an answer goes: the client's response (EdgeResponse), or anything shaped like it. */
export interface ResponseSink {
  /** `block`: header lines, each ending in CRLF, without framing or connection headers. */
  writeHeadBlock(status: number, block: string, hasLength: boolean): unknown;
  /** `chunk` becomes the sink's (llhttp's body buffers are copies). */
  write(chunk: Buffer): boolean;
  end(): void;
  onDrain: (() => void) | undefined;
  onClientGone: (() => void) | undefined;
}

/**
 * - `connect`: the connection could not be opened (refused, or not open within the connect
 *   timeout: a host that is gone drops packets rather than refusing); nothing was sent (any
 *   request may be retried).
 * - `lost`: the connection closed before the answer's head; the request may have been processed.
 * - `timeout`: no answer (or no further body bytes) within the timeout.
 * - `bad-response`: the answer is not HTTP/1.1 we can forward safely.
 * - `aborted`: the connection broke after the answer's head was sent on.
 * - `body-too-large`: the client's streamed body passed the limit.
 * - `client-gone`: the client closed its connection first.
 */
export type UpstreamErrorCode = 'connect' | 'lost' | 'timeout' | 'bad-response' | 'aborted' | 'body-too-large' | 'client-gone';

export class UpstreamError extends Error {
  constructor(
    readonly code: UpstreamErrorCode,
    message: string,
    readonly reused = false,
  ) {
    super(message);
  }
}

export interface UpstreamRequest {
  method: string;
  /** Path and query as sent upstream. */
  path: string;
  /** Header lines, each ending in CRLF, without host and framing headers. */
  headerLines: string;
  /** A Buffer is sent with content-length; a stream with its client's content-length, or chunked. */
  body?: Buffer | Readable;
  bodyLength?: number;
  bodyLimit: number;
}

export interface UpstreamPoolOptions {
  maxConnections: number;
  /** For the answer's head, and between body chunks. */
  timeoutMs: number;
  /** For the connection to open (default: the lesser of timeoutMs and 2 s). */
  connectTimeoutMs?: number;
  /** How long an unused connection is kept; below the instance's own keep-alive timeout. */
  idleMs: number;
}

class Exchange {
  headSent = false;
  requestDone = false;
  reusable = true;
  paused = false;
  settled = false;

  constructor(
    readonly req: UpstreamRequest,
    readonly res: ResponseSink,
    /** Called once: without an error when the answer was forwarded to its end. */
    readonly done: (err?: UpstreamError) => void,
  ) {}
}

class Connection {
  exchange: Exchange | undefined;
  connected = false;
  uses = 0;
  idleMs: number;
  /** When the pool's sweep closes this connection: no answer in time, or unused too long. */
  deadline = 0;
  readonly #parser: Llhttp;
  /** What llhttp said during one `execute`: acted on once it returns, so no callback reuses the connection mid-parse. */
  #answered = false;
  #interim = false;
  #refused: string | undefined;
  #full = false;

  constructor(
    readonly socket: net.Socket,
    private readonly pool: UpstreamPool,
  ) {
    this.idleMs = pool.options.idleMs;
    socket.setNoDelay(true);
    this.#parser = new Llhttp('response', MAX_HEAD_BYTES, {
      headersComplete: (head) => this.#onHead(head),
      body: (data) => {
        const ex = this.exchange;
        if (!ex || ex.settled || this.#answered || this.#refused !== undefined) return;
        if (!ex.res.write(data)) this.#full = true;
      },
      messageComplete: () => {
        if (this.#interim) this.#interim = false;
        else this.#answered = true;
      },
    });
    socket.on('connect', () => {
      this.connected = true;
      if (this.exchange) this.deadline = Date.now() + this.pool.options.timeoutMs;
      const ex = this.exchange;
      if (ex?.req.body && !Buffer.isBuffer(ex.req.body)) this.pipeBody(ex, ex.req.body);
    });
    socket.on('drain', () => {
      const body = this.exchange?.req.body;
      if (body && !Buffer.isBuffer(body)) body.resume();
    });
    socket.on('end', () => {
      const ex = this.exchange;
      // An answer without a length ends with the connection: llhttp says whether it is complete.
      if (ex?.headSent && !ex.settled && !isParseError(this.#parser.finish()) && this.#answered) this.complete(ex, false);
      socket.destroy();
    });
    socket.on('error', () => undefined); // 'close' follows and says what it means for the exchange
    socket.on('close', () => {
      pool.forget(this);
      this.#parser.close();
      const ex = this.exchange;
      if (!ex) return;
      if (!this.connected) this.fail(new UpstreamError('connect', `cannot connect to ${pool.hostHeader}`));
      else if (!ex.headSent) this.fail(new UpstreamError('lost', `${pool.hostHeader} closed the connection before answering`, this.uses > 1));
      else this.fail(new UpstreamError('aborted', `${pool.hostHeader} closed the connection in the middle of the answer`));
    });
  }

  start(ex: Exchange) {
    this.exchange = ex;
    this.#full = false;
    this.uses++;
    const { req } = ex;
    const socket = this.socket;
    const { timeoutMs, connectTimeoutMs = Math.min(timeoutMs, 2000) } = this.pool.options;
    this.deadline = Date.now() + (this.connected ? timeoutMs : connectTimeoutMs);
    ex.res.onClientGone = () => {
      if (!ex.settled && this.exchange === ex) this.fail(new UpstreamError('client-gone', 'the client closed its connection'));
    };
    let head = `${req.method} ${req.path} HTTP/1.1\r\nhost: ${this.pool.hostHeader}\r\n${req.headerLines}`;
    const body = req.body;
    if (body === undefined) {
      socket.write(`${head}\r\n`, 'latin1');
      ex.requestDone = true;
    } else if (Buffer.isBuffer(body)) {
      socket.cork();
      socket.write(`${head}content-length: ${body.length}\r\n\r\n`, 'latin1');
      if (body.length) socket.write(body);
      socket.uncork();
      ex.requestDone = true;
    } else {
      head += req.bodyLength !== undefined ? `content-length: ${req.bodyLength}\r\n\r\n` : 'transfer-encoding: chunked\r\n\r\n';
      socket.write(head, 'latin1');
      // A stream is read only once connected, so a refused connection leaves it unread for a retry.
      if (this.connected) this.pipeBody(ex, body);
    }
  }

  private pipeBody(ex: Exchange, body: Readable) {
    const chunked = ex.req.bodyLength === undefined;
    let size = 0;
    body.on('data', (c: Buffer) => {
      if (this.exchange !== ex) return;
      this.deadline = Date.now() + this.pool.options.timeoutMs; // an upload in progress is not a silent instance
      size += c.length;
      if (size > ex.req.bodyLimit) return this.fail(new UpstreamError('body-too-large', `the body is over the ${ex.req.bodyLimit}-byte limit`));
      let ok: boolean;
      if (chunked) {
        // All three parts, whatever each write returns: a chunk cut short would corrupt the framing.
        this.socket.cork();
        this.socket.write(`${c.length.toString(16)}\r\n`, 'latin1');
        this.socket.write(c);
        ok = this.socket.write('\r\n', 'latin1');
        this.socket.uncork();
      } else ok = this.socket.write(c);
      if (!ok) body.pause();
    });
    body.on('end', () => {
      if (this.exchange !== ex) return;
      if (chunked) this.socket.write('0\r\n\r\n');
      ex.requestDone = true;
    });
    body.on('aborted', () => this.exchange === ex && this.fail(new UpstreamError('client-gone', 'the client closed its connection while sending')));
    body.on('error', () => this.exchange === ex && this.fail(new UpstreamError('client-gone', "the client's body broke off")));
    body.resume();
  }

  /** Called by the pool's sweep once the deadline has passed. */
  expire() {
    if (this.exchange && !this.connected) this.fail(new UpstreamError('connect', `cannot connect to ${this.pool.hostHeader}: no answer to the connection`));
    else if (this.exchange) this.fail(new UpstreamError('timeout', `no answer within ${this.pool.options.timeoutMs}ms`));
    this.socket.destroy();
  }

  onData(chunk: Buffer) {
    const ex = this.exchange;
    this.deadline = Date.now() + this.pool.options.timeoutMs;
    if (!ex) return void this.socket.destroy(); // bytes nobody asked for: the connection is not trustworthy
    const parsed = this.#parser.execute(chunk);
    if (this.#refused !== undefined) return this.fail(new UpstreamError('bad-response', this.#refused));
    // Bytes past the end of the answer: the connection's framing cannot be trusted, it is not reused.
    if (this.#answered) return this.complete(ex, parsed === chunk.length && !this.#parser.messageStarted());
    if (isParseError(parsed)) return this.fail(new UpstreamError('bad-response', `malformed answer: ${parsed.reason} (${parsed.code})`));
    if (this.#full && !ex.paused) {
      this.#full = false;
      ex.paused = true;
      this.socket.pause();
      ex.res.onDrain = () => {
        ex.paused = false;
        this.deadline = Date.now() + this.pool.options.timeoutMs; // a slow client is not a silent instance
        this.socket.resume();
      };
    }
  }

  /** The answer's head, as llhttp read it: passed on without framing and connection headers. True: no body follows (HEAD). */
  #onHead(h: ParsedHead): boolean {
    const ex = this.exchange;
    if (!ex || ex.settled || this.#answered || this.#refused !== undefined) return false;
    const status = h.statusCode;
    if (status === 101 || h.upgrade) {
      this.#refused = 'the instance switched protocols; the gateway does not forward upgrades';
      return false;
    }
    if (status < 200) {
      this.#interim = true; // 1xx interim answers are not forwarded; the final answer follows
      return false;
    }
    if (h.versionMajor !== 1) {
      this.#refused = `HTTP/${h.versionMajor}.${h.versionMinor} answer`;
      return false;
    }
    let block = '';
    let hasLength = false;
    const raw = h.headers;
    for (let i = 0; i < raw.length; i += 2) {
      const name = raw[i]!;
      const value = raw[i + 1]!;
      if (ACTED_ON[name.length] === 1) {
        const lower = name.toLowerCase();
        // One content-length at most: llhttp refuses a second one, or one beside transfer-encoding.
        if (lower === 'content-length') hasLength = true;
        else if (HOP_BY_HOP.has(lower)) {
          if (lower === 'transfer-encoding' && value.toLowerCase() !== 'chunked') {
            this.#refused = `unsupported transfer-encoding "${value.slice(0, 30)}"`;
            return false;
          }
          if (lower === 'keep-alive') {
            const t = /timeout=(\d+)/i.exec(value);
            if (t) this.idleMs = Math.min(this.pool.options.idleMs, Math.max(0, Number(t[1]) * 1000 - 1000));
          }
          continue;
        }
      }
      block += `${name}: ${value}\r\n`;
    }
    ex.reusable = h.keepAlive;
    ex.headSent = true;
    ex.res.writeHeadBlock(status, block, hasLength);
    return ex.req.method === 'HEAD';
  }

  private complete(ex: Exchange, framed: boolean) {
    if (ex.settled) return;
    ex.settled = true;
    this.#answered = false;
    ex.res.end();
    this.exchange = undefined;
    if (framed && ex.reusable && ex.requestDone && !ex.paused) this.pool.release(this);
    else this.socket.destroy();
    ex.done();
  }

  fail(err: UpstreamError) {
    const ex = this.exchange;
    if (!ex || ex.settled) return;
    ex.settled = true;
    this.exchange = undefined;
    this.socket.destroy();
    ex.done(err);
  }
}

export class UpstreamPool {
  readonly hostHeader: string;
  #idle: Connection[] = [];
  #all = new Set<Connection>();
  #waiting: Array<(c: Connection) => void> = [];
  #closed = false;
  #sweep: NodeJS.Timeout | undefined;
  #readBuffer = Buffer.allocUnsafe(64 * 1024);

  constructor(
    readonly host: string,
    readonly port: number,
    readonly options: UpstreamPoolOptions,
  ) {
    this.hostHeader = `${host}:${port}`;
  }

  /**
   * Streams the instance's answer into `res`, then calls `done`, with an UpstreamError when that
   * could not be done. A callback, not a promise: this runs for every request.
   */
  request(req: UpstreamRequest, res: ResponseSink, done: (err?: UpstreamError) => void): void {
    const ex = new Exchange(req, res, done);
    const conn = this.#acquire();
    if (conn) conn.start(ex);
    else this.#waiting.push((c) => c.start(ex));
  }

  #acquire(): Connection | undefined {
    while (this.#idle.length) {
      const c = this.#idle.pop()!;
      if (!c.socket.destroyed && c.socket.readable) return c;
      this.forget(c);
    }
    if (this.#all.size >= this.options.maxConnections) return undefined;
    // Reads land in one buffer shared by the pool's connections (onread): no stream machinery per
    // read. The parser copies what it keeps, and the response copies what it cannot write at once.
    const onread = {
      buffer: this.#readBuffer,
      callback: (n: number, buf: Uint8Array) => {
        c.onData((buf as Buffer).subarray(0, n));
        return true;
      },
    };
    const c: Connection = new Connection(net.connect({ port: this.port, host: this.host, onread }), this);
    this.#all.add(c);
    // One timer per pool rather than one per request: deadlines are checked a few times per timeout.
    const shortest = Math.min(this.options.timeoutMs, this.options.connectTimeoutMs ?? 2000, this.options.idleMs);
    this.#sweep ??= setInterval(() => this.#expire(), Math.min(1000, Math.max(10, shortest / 4))).unref();
    return c;
  }

  release(c: Connection) {
    if (this.#closed) return void c.socket.destroy();
    const next = this.#waiting.shift();
    if (next) return next(c);
    c.deadline = Date.now() + c.idleMs;
    this.#idle.push(c);
  }

  forget(c: Connection) {
    this.#all.delete(c);
    if (this.#closed && this.#all.size === 0) clearInterval(this.#sweep);
    const i = this.#idle.indexOf(c);
    if (i >= 0) this.#idle.splice(i, 1);
    // A waiting request gets a new connection in place of the one that closed.
    if (this.#waiting.length && !this.#closed) {
      const fresh = this.#acquire();
      if (fresh) this.#waiting.shift()!(fresh);
    }
  }

  #expire() {
    const now = Date.now();
    for (const c of this.#all) if (c.deadline && c.deadline <= now) c.expire();
  }

  /**
   * The instance left the routing table: idle connections close now; a request still in flight
   * finishes, or times out, on its own (the sweep runs until the last connection is gone).
   */
  close() {
    this.#closed = true;
    for (const c of this.#idle) c.socket.destroy();
    this.#idle = [];
    if (this.#all.size === 0) clearInterval(this.#sweep);
  }
}

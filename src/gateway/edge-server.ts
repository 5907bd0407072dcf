/**
 * The gateway's listening side: an HTTP/1.1 server on plain sockets whose framing (where a
 * request and its body end) is llhttp's, the parser node:http runs, and nothing of its own. On top
 * of it the gateway is stricter than llhttp, refusing before anything is forwarded: a missing or
 * repeated host, a target that is not a path, a version other than 1.0 and 1.1, transfer-encoding
 * in 1.0 or other than "chunked", upgrades. Once it has refused a request, or answered one whose
 * body it had not read in full, it reads nothing more from that connection: it answers and closes.
 * Each answer's head and first bytes go out in one write. node:http's server costs about as much
 * CPU per request as the rest of the gateway; see docs/benchmarks.md.
 */
import { EventEmitter } from 'node:events';
import net from 'node:net';
import { Readable } from 'node:stream';
import { HmsopsError } from '../errors/index.js';
import { nameLengths, reasonPhrase } from './http1.js';
import { isParseError, Llhttp, type ParsedHead, type ParseError } from './llhttp.js';
import { readIntoShared } from './shared-reads.js';

const MAX_HEAD_BYTES = 16 * 1024;
/** Pipelined requests parsed ahead of the one being answered before the connection stops reading for a while. */
const MAX_QUEUED = 16;

/** A request's body, readable like any stream; 'aborted' when the client leaves or breaks its framing before its end. */
export class RequestBody extends Readable {
  constructor(private readonly conn: EdgeConnection) {
    super({ highWaterMark: 64 * 1024 });
  }
  override _read() {
    this.conn.bodyWanted();
  }
  /** Ends the stream without its end: readers see 'aborted', then 'close' (never 'error'). */
  abort() {
    if (this.destroyed) return;
    this.emit('aborted');
    this.destroy();
  }
}

/** The headers the server and the gateway act on; one shape for every request, so reading them is cheap. EdgeConnection fills them (a case each). */
export class KnownHeaders {
  'content-length': string | undefined = undefined;
  'transfer-encoding': string | undefined = undefined;
  connection: string | undefined = undefined;
  expect: string | undefined = undefined;
  upgrade: string | undefined = undefined;
  host: string | undefined = undefined;
  'x-request-id': string | undefined = undefined;
  'x-forwarded-for': string | undefined = undefined;
  authorization: string | undefined = undefined;
  'idempotency-key': string | undefined = undefined;
}
/** A repeated header's values, joined as RFC 9110 section 5.3 allows. */
const joined = (prev: string | undefined, value: string) => (prev === undefined ? value : `${prev}, ${value}`);

export class EdgeRequest {
  body: RequestBody | undefined;
  /** llhttp has seen this request's end (its whole body, if any). */
  complete = false;
  constructor(
    readonly method: string,
    readonly url: string,
    readonly httpVersion: '1.0' | '1.1',
    /** Every header as llhttp read it: [name, value, ...], values without surrounding whitespace. */
    readonly rawHeaders: string[],
    /** Repeated headers joined with ", ". */
    readonly headers: KnownHeaders,
    /** Every header but those named in the server's `notPassed`, as `name: value` lines each ending in CRLF. */
    readonly passLines: string,
    readonly remoteAddress: string,
    /** llhttp's reading of Connection and the version. */
    readonly keepAlive: boolean,
  ) {}
}

export class EdgeResponse {
  statusCode = 200;
  /** Called once when the socket can take more after a write returned false. */
  onDrain: (() => void) | undefined;
  /** Called if the client's connection closes before this answer is finished. */
  onClientGone: (() => void) | undefined;
  headersSent = false;
  finished = false;
  #head: string | undefined;
  #mode: 'length' | 'chunked' | 'close' | 'none' = 'length';
  keepAlive: boolean;
  /** The connection answered for this response (the request's framing broke): what the handler writes goes nowhere. */
  #discarded = false;

  constructor(
    private readonly conn: EdgeConnection,
    private readonly req: EdgeRequest,
    keepAlive: boolean,
  ) {
    this.keepAlive = keepAlive;
  }

  /** Headers as a flat [name, value, ...] list or an object. Framing and connection headers are the server's. */
  writeHead(status: number, headers: string[] | Record<string, string | number>): this {
    let block = '';
    let hasLength = false;
    const list = Array.isArray(headers) ? headers : Object.entries(headers).flat().map(String);
    for (let i = 0; i < list.length; i += 2) {
      const name = list[i]!;
      const lower = name.toLowerCase();
      if (lower === 'connection' || lower === 'transfer-encoding') continue;
      if (lower === 'content-length') hasLength = true;
      block += `${name}: ${list[i + 1]}\r\n`;
    }
    return this.writeHeadBlock(status, block, hasLength);
  }

  /** For the proxy, which has the instance's headers as lines already, without framing or connection headers. */
  writeHeadBlock(status: number, block: string, hasLength: boolean): this {
    if (this.#discarded) return this;
    if (this.headersSent) throw new Error('headers already sent');
    this.statusCode = status;
    let head = `HTTP/1.1 ${status} ${reasonPhrase(status)}\r\n${block}`;
    const bodyless = this.req.method === 'HEAD' || status === 204 || status === 304;
    if (bodyless) this.#mode = 'none';
    else if (hasLength) this.#mode = 'length';
    else if (this.req.httpVersion === '1.1') {
      this.#mode = 'chunked';
      head += 'transfer-encoding: chunked\r\n';
    } else {
      this.#mode = 'close';
      this.keepAlive = false;
    }
    if (!this.keepAlive) head += 'connection: close\r\n';
    this.#head = `${head}\r\n`;
    this.headersSent = true;
    return this;
  }

  /** `chunk` becomes the socket's: the caller does not change it afterwards (llhttp's body buffers are copies). */
  write(chunk: Buffer): boolean {
    if (this.finished || this.conn.socket.destroyed) return false;
    if (!this.headersSent) this.writeHead(this.statusCode, []);
    const socket = this.conn.socket;
    const head = this.#head;
    if (head) this.#head = undefined;
    if (this.#mode === 'none' || chunk.length === 0) return head ? socket.write(head, 'latin1') : true;
    if (this.#mode === 'chunked') {
      socket.cork();
      socket.write(`${head ?? ''}${chunk.length.toString(16)}\r\n`, 'latin1');
      socket.write(chunk);
      const ok = socket.write('\r\n');
      socket.uncork();
      return ok;
    }
    // A small answer goes out as one string: one write call.
    if (head && chunk.length <= 16 * 1024) return socket.write(head + chunk.toString('latin1'), 'latin1');
    if (!head) return socket.write(chunk);
    socket.cork();
    socket.write(head, 'latin1');
    const ok = socket.write(chunk);
    socket.uncork();
    return ok;
  }

  end(chunk?: Buffer | string): void {
    if (this.finished) return;
    if (!this.headersSent) this.writeHead(this.statusCode, chunk === undefined ? ['content-length', '0'] : ['content-length', String(Buffer.byteLength(chunk))]);
    const socket = this.conn.socket;
    if (!socket.destroyed) {
      socket.cork();
      if (chunk?.length) this.write(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      else if (this.#head) socket.write(this.#head, 'latin1');
      this.#head = undefined;
      if (this.#mode === 'chunked') socket.write('0\r\n\r\n', 'latin1');
      socket.uncork();
    }
    this.finished = true;
    this.conn.responseDone(this);
  }

  /** The connection answers in the handler's place: from now on what the handler writes is dropped. */
  discard(status: number) {
    this.statusCode = status;
    this.#discarded = true;
    this.headersSent = true;
    this.finished = true;
  }

  /** Ends the connection at once (an answer cut short); a connection already answering for this response closes by itself. */
  destroy(): void {
    if (!this.#discarded) this.conn.socket.destroy();
  }
}

/** A request parsed and waiting for the ones before it to be answered, or the refusal that ends the connection. */
type Refusal = HmsopsError;
type Pending = EdgeRequest | { refusal: Refusal };

/** llhttp's errors as answers: a head over the limit is 431, anything else malformed 400. */
function refusalFor(err: ParseError): Refusal {
  if (err.code === 'HPE_HEADER_OVERFLOW') return new HmsopsError('HEADERS_TOO_LARGE', `the request head is over ${MAX_HEAD_BYTES} bytes`);
  return new HmsopsError('BAD_REQUEST', `malformed request: ${err.reason} (${err.code})`);
}

export class EdgeConnection {
  readonly #parser: Llhttp;
  /** The request whose head llhttp has read and whose end it has not. */
  #parsing: EdgeRequest | undefined;
  #queue: Pending[] = [];
  /** The request being answered. */
  #req: EdgeRequest | undefined;
  #res: EdgeResponse | undefined;
  /** Nothing more is parsed: a refusal is decided, or the connection is ending. */
  #stopped = false;
  /** The body being read asked llhttp's side to wait (its buffer is full). */
  #bodyFull = false;
  #clientEnded = false;

  constructor(
    readonly socket: net.Socket,
    private readonly server: EdgeServer,
  ) {
    socket.setNoDelay(true);
    this.#parser = new Llhttp('request', MAX_HEAD_BYTES, {
      headersComplete: (head) => {
        this.#onHead(head);
        return false; // a request's body is as its head declares
      },
      body: (data) => {
        const req = this.#parsing;
        if (this.#stopped || !req?.body) return;
        if (!req.body.push(data)) this.#bodyFull = true;
      },
      messageComplete: () => {
        const req = this.#parsing;
        if (this.#stopped || !req) return;
        this.#parsing = undefined;
        req.complete = true;
        req.body?.push(null);
        // Nothing more goes into that body: a full buffer there no longer holds the connection.
        this.#bodyFull = false;
      },
    });
    const shared = server.options.sharedReads !== false && readIntoShared(socket, server.readBuffer, (lent) => this.#onData(lent));
    if (!shared) socket.on('data', (d: Buffer) => this.#onData(d));
    socket.on('drain', () => {
      const res = this.#res;
      const cb = res?.onDrain;
      if (cb) {
        res.onDrain = undefined;
        cb();
      }
    });
    socket.on('error', () => undefined);
    // The client is done sending (half-close): what it sent in full is still answered, then the connection closes.
    socket.on('end', () => {
      this.#clientEnded = true;
      const cut = this.#parsing;
      this.#parsing = undefined;
      this.#stopped = true;
      if (cut) {
        // A request cut short can never be complete. Being answered: closing lets 'close' below
        // tell its reader. Still waiting: it is dropped, and the requests before it are answered.
        if (cut === this.#req) return void socket.destroy();
        this.#queue.splice(this.#queue.indexOf(cut), 1);
        cut.body?.abort();
      }
      if (!this.#res && this.#queue.length === 0) socket.end();
    });
    socket.on('close', () => {
      server.forget(this);
      this.#parser.close();
      this.#dropUnanswered();
      if (this.#res && !this.#res.finished) this.#res.onClientGone?.();
    });
  }

  /** Last time bytes came in or an answer ended; the server's sweep closes connections idle too long. */
  lastActive = Date.now();
  #receivedAny = false;

  /** A head trickled in for longer than `timeoutMs` (slowloris): the sweep refuses it. */
  headOverdue(timeoutMs: number): boolean {
    return this.#receivedAny && !this.#stopped && this.#parser.headInProgressMs() > timeoutMs;
  }

  /** Called by the sweep: the head took longer than the server's headersTimeoutMs. */
  headTimedOut() {
    this.#refuse(new HmsopsError('REQUEST_TIMEOUT', `the request head did not arrive within ${this.server.options.headersTimeoutMs}ms`));
    this.#flow();
  }

  get idle() {
    return this.#res === undefined && this.#queue.length === 0;
  }

  /** `lent`: valid during this call only (the shared read buffer); llhttp copies what it keeps. */
  #onData(lent: Buffer) {
    if (this.#stopped) return;
    this.lastActive = Date.now();
    this.#receivedAny = true;
    const parsed = this.#parser.execute(lent);
    // llhttp refused the bytes, in a head or in the body of a request already parsed.
    if (isParseError(parsed)) this.#refuse(refusalFor(parsed));
    // llhttp stops short without an error only after an upgrade, which #onHead has refused.
    else if (parsed < lent.length) this.#stopped = true;
    this.#flow();
  }

  /** A head is complete: the request, or a refusal when the gateway is stricter than llhttp. */
  #onHead(h: ParsedHead): void {
    if (this.#stopped) return;
    let req: EdgeRequest;
    try {
      req = this.#request(h);
    } catch (err) {
      this.#refuse(err instanceof HmsopsError ? err : new HmsopsError('BAD_REQUEST', (err as Error).message));
      return;
    }
    const length = req.headers['content-length'];
    if (req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')) req.body = new RequestBody(this);
    // A request without a body is complete now: its handler may answer before llhttp says so.
    else req.complete = true;
    this.#parsing = req;
    this.#queue.push(req);
    if (!this.#res) this.#next();
  }

  /** The checks the gateway makes beyond llhttp's, and the headers it acts on. */
  #request(h: ParsedHead): EdgeRequest {
    if (h.versionMajor !== 1 || h.versionMinor > 1) throw new HmsopsError('BAD_REQUEST', `HTTP/${h.versionMajor}.${h.versionMinor} is not served; use HTTP/1.1`);
    const target = h.url;
    if (!(target.startsWith('/') || (target === '*' && h.method === 'OPTIONS'))) throw new HmsopsError('BAD_REQUEST', 'the request target must be a path (origin-form)');
    const headers = new KnownHeaders();
    const { notPassed } = this.server.options;
    const acted = this.server.actedOnLengths;
    const raw = h.headers;
    let passLines = '';
    for (let i = 0; i < raw.length; i += 2) {
      const name = raw[i]!;
      const value = raw[i + 1]!;
      // A name is only lower-cased when its length is that of a header acted on or held back.
      if (acted[name.length] === 0) {
        passLines += `${name}: ${value}\r\n`;
        continue;
      }
      const lower = name.toLowerCase();
      if (!notPassed.has(lower)) passLines += `${name}: ${value}\r\n`;
      // A switch with constant property names, not headers[name]: a dynamic key is a megamorphic lookup.
      switch (lower) {
        case 'content-length':
          headers['content-length'] = value;
          break; // llhttp refuses a second one
        case 'host':
          if (headers.host !== undefined) throw new HmsopsError('BAD_REQUEST', 'more than one host header');
          headers.host = value;
          break;
        case 'transfer-encoding':
          headers['transfer-encoding'] = joined(headers['transfer-encoding'], value);
          break;
        case 'connection':
          headers.connection = joined(headers.connection, value);
          break;
        case 'expect':
          headers.expect = joined(headers.expect, value);
          break;
        case 'upgrade':
          headers.upgrade = joined(headers.upgrade, value);
          break;
        case 'x-request-id':
          headers['x-request-id'] = joined(headers['x-request-id'], value);
          break;
        case 'x-forwarded-for':
          headers['x-forwarded-for'] = joined(headers['x-forwarded-for'], value);
          break;
        case 'authorization':
          headers.authorization = joined(headers.authorization, value);
          break;
        case 'idempotency-key':
          headers['idempotency-key'] = joined(headers['idempotency-key'], value);
          break;
      }
    }
    const minor = h.versionMinor;
    if (minor === 1 && headers.host === undefined) throw new HmsopsError('BAD_REQUEST', 'an HTTP/1.1 request needs a host header');
    const te = headers['transfer-encoding'];
    if (te !== undefined) {
      if (minor === 0) throw new HmsopsError('BAD_REQUEST', 'transfer-encoding in an HTTP/1.0 request');
      if (te.toLowerCase() !== 'chunked') throw new HmsopsError('NOT_IMPLEMENTED', `transfer-encoding "${te.slice(0, 30)}" is not supported`);
    }
    if (h.upgrade) throw new HmsopsError('NOT_IMPLEMENTED', 'protocol upgrades are not forwarded');
    return new EdgeRequest(h.method, target, minor === 1 ? '1.1' : '1.0', raw, headers, passLines, this.socket.remoteAddress ?? '', h.keepAlive && minor === 1);
  }

  /**
   * Stops parsing for good. A request whose body was being read is cut off (its reader sees
   * 'aborted'; one not dispatched yet is dropped, never forwarded); the refusal is the answer after
   * those to the requests before it, or in place of the answer to the request cut off if that
   * answer has not started.
   */
  #refuse(refusal: Refusal) {
    if (this.#stopped) return;
    this.#stopped = true;
    const req = this.#parsing;
    this.#parsing = undefined;
    if (req && req === this.#req) {
      const res = this.#res!;
      if (res.headersSent) {
        req.body?.abort();
        return void this.socket.destroy();
      }
      // Discarded first: aborting the body makes the handler give up and answer, into the void.
      res.discard(refusal.status);
      this.#req = undefined;
      this.#res = undefined;
      req.body?.abort();
      this.#queue = [{ refusal }];
    } else {
      if (req) {
        this.#queue.splice(this.#queue.indexOf(req), 1);
        req.body?.abort();
      }
      this.#queue.push({ refusal });
    }
    if (!this.#res) this.#next();
  }

  #answerRefusal(refusal: Refusal) {
    const { status, code, message } = refusal;
    const body = JSON.stringify(refusal.body());
    this.socket.end(
      `HTTP/1.1 ${status} ${reasonPhrase(status)}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      'latin1',
    );
    this.server.emit('clientError', { status, code, message, remoteAddress: this.socket.remoteAddress });
  }

  /** Answers the next request waiting, if none is being answered. */
  #next() {
    const next = this.#queue.shift();
    if (next === undefined) return;
    if (!(next instanceof EdgeRequest)) {
      this.#queue = [];
      return this.#answerRefusal(next.refusal);
    }
    const res = new EdgeResponse(this, next, next.keepAlive && !this.server.closing);
    this.#req = next;
    this.#res = res;
    if (next.body && !next.complete && /^100-continue$/i.test(next.headers.expect ?? '')) this.socket.write('HTTP/1.1 100 Continue\r\n\r\n', 'latin1');
    try {
      this.server.handler(next, res);
    } catch {
      this.socket.destroy(); // a handler's bug ends this connection, never the process
    }
  }

  /** The body being read wants more: reading resumes unless something else holds it. */
  bodyWanted() {
    this.#bodyFull = false;
    this.#flow();
  }

  /** Reads while the body being read has room and few requests wait; pauses otherwise. */
  #flow() {
    if (this.socket.destroyed) return;
    const hold = this.#bodyFull || this.#queue.length >= MAX_QUEUED;
    if (hold && !this.socket.isPaused()) this.socket.pause();
    else if (!hold && this.socket.isPaused()) this.socket.resume();
  }

  /** Parsing stops for good: the request being read and those waiting are cut off, never forwarded. */
  #dropUnanswered() {
    this.#stopped = true;
    this.#parsing?.body?.abort();
    this.#parsing = undefined;
    for (const p of this.#queue) if (p instanceof EdgeRequest) p.body?.abort();
    this.#queue = [];
  }

  responseDone(res: EdgeResponse) {
    if (res !== this.#res) return;
    const req = this.#req!;
    this.lastActive = Date.now();
    this.#req = undefined;
    this.#res = undefined;
    // Answered before its body was read in full (the gateway's own answer, a refusal, an instance
    // that answered early): whatever follows on this connection is left unread.
    if (!res.keepAlive || !req.complete || this.server.closing) {
      this.#dropUnanswered();
      req.body?.abort();
      this.socket.end();
      return;
    }
    this.#next();
    this.#flow();
    // A half-closed client gets the answers to what it sent, then the connection ends.
    if (this.#clientEnded && !this.#res && this.#queue.length === 0) this.socket.end();
  }
}

export interface EdgeServerOptions {
  keepAliveTimeoutMs: number;
  /** How long a request head may take to arrive once it has started (node:http's headersTimeout; 60 s there too). */
  headersTimeoutMs: number;
  /** Lower-case names of headers left out of `passLines` (hop-by-hop ones, those the handler sets). */
  notPassed: ReadonlySet<string>;
  /** false: read through 'data' events, as on a Node without the fields readIntoShared sets (tests of that path). */
  sharedReads?: boolean;
}

export class EdgeServer extends EventEmitter {
  closing = false;
  /** Where every connection's reads land (readIntoShared); each read is parsed before the next. */
  readonly readBuffer = Buffer.allocUnsafe(64 * 1024);
  /** Name lengths of the headers acted on or held back: any other header is passed on unread. */
  readonly actedOnLengths: Uint8Array;
  readonly #server: net.Server;
  readonly #connections = new Set<EdgeConnection>();
  readonly #sweep: NodeJS.Timeout;

  constructor(
    readonly handler: (req: EdgeRequest, res: EdgeResponse) => void,
    readonly options: EdgeServerOptions,
  ) {
    super();
    this.actedOnLengths = nameLengths([...Object.keys(new KnownHeaders()), ...options.notPassed]);
    this.#server = net.createServer({ allowHalfOpen: true }, (socket) => this.#connections.add(new EdgeConnection(socket, this)));
    this.#server.on('error', (err) => this.emit('error', err));
    // One timer for all connections rather than one per socket refreshed on every read and write.
    // A request in flight is bounded by the upstream timeout instead.
    this.#sweep = setInterval(
      () => {
        const now = Date.now();
        for (const c of this.#connections) {
          if (c.headOverdue(options.headersTimeoutMs)) c.headTimedOut();
          else if (c.idle && c.lastActive < now - options.keepAliveTimeoutMs) c.socket.destroy();
        }
      },
      Math.min(1000, Math.max(10, Math.min(options.keepAliveTimeoutMs, options.headersTimeoutMs) / 4)),
    ).unref();
  }

  listen(port: number, host: string, cb: () => void) {
    this.#server.listen(port, host, cb);
  }

  address() {
    return this.#server.address() as net.AddressInfo;
  }

  forget(c: EdgeConnection) {
    this.#connections.delete(c);
  }

  /** Stops accepting; idle connections close now, busy ones after their answer. */
  close(cb: () => void) {
    this.closing = true;
    clearInterval(this.#sweep);
    this.#server.close(() => cb());
    for (const c of this.#connections) if (c.idle) c.socket.end();
  }
}

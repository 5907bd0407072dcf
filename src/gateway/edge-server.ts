/**
 * The gateway's listening side: node:http's server (llhttp, strict, Node's own glue) decides where
 * a request and its body end; nothing here frames bytes. On top of it the gateway is stricter,
 * refusing before anything is forwarded (docs/gateway.md, "HTTP framing"): a missing or repeated host, a
 * target that is not a path, a version other than 1.0 and 1.1, transfer-encoding in 1.0 or other
 * than "chunked", upgrades and CONNECT. Requests on one connection are handed to the handler one at
 * a time, in order (node:http would run pipelined ones side by side). Once a request is refused, or
 * answered before its body was read to its end, nothing more on that connection is handled: the
 * answer says `connection: close` and node:http closes it.
 */
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type net from 'node:net';
import type { Duplex } from 'node:stream';
import { HmsopsError } from '../errors/index.js';
import { nameLengths } from './http1.js';

const MAX_HEAD_BYTES = 16 * 1024;
/** Answers up to this size are written with their head in one call (EdgeResponse.end). */
const SMALL_ANSWER = 16 * 1024;
/**
 * Pipelined requests waiting behind the one being answered. node:http reads and parses a
 * connection's requests whatever its handler does, so a client that pipelines without end would
 * hold more and more of them in memory: past this many, its connection is closed.
 */
const MAX_QUEUED = 32;

/** The headers the server and the gateway act on; one shape for every request, so reading them is cheap. */
export class KnownHeaders {
  'content-length': string | undefined = undefined;
  'transfer-encoding': string | undefined = undefined;
  connection: string | undefined = undefined;
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
  /** The body, when the head declares one (node:http's request stream); 'aborted' and 'error' when it breaks off. */
  readonly body: http.IncomingMessage | undefined;
  /** Set when the gateway's rules refuse the request: it is answered with this, never handed on. */
  refusal: HmsopsError | undefined;

  constructor(
    readonly raw: http.IncomingMessage,
    readonly method: string,
    readonly url: string,
    readonly httpVersion: '1.0' | '1.1',
    /** Every header as llhttp read it: [name, value, ...]. */
    readonly rawHeaders: string[],
    /** Repeated headers joined with ", ". */
    readonly headers: KnownHeaders,
    /** Every header but those named in the server's `notPassed`: [name, value, ...]. */
    readonly passHeaders: string[],
    readonly remoteAddress: string,
    /** Whether the connection may stay open after the answer (HTTP/1.1 without `connection: close`). */
    readonly keepAlive: boolean,
  ) {
    const length = headers['content-length'];
    this.body = headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0') ? raw : undefined;
  }

  /** llhttp has seen this request's end (its whole body, if any). */
  get complete(): boolean {
    return this.body === undefined || this.raw.complete;
  }
}

export class EdgeResponse {
  /** Called once when the client can take more after a write returned false. */
  onDrain: (() => void) | undefined = undefined;
  /**
   * Told if the client's connection closes before this answer is finished. An object rather than
   * a closure: a closure per request, kept on this response, made V8 promote every request's
   * objects to the old generation (major collections, ~15 us a request; docs/benchmarks.md).
   */
  watcher: { clientGone(): void } | undefined = undefined;
  keepAlive: boolean;
  #status = 200;
  /** The connection answered in the handler's place (the request's framing broke): what the handler writes goes nowhere. */
  #discarded = false;

  constructor(
    readonly raw: http.ServerResponse,
    private readonly conn: EdgeConnection,
    private readonly req: EdgeRequest,
  ) {
    this.keepAlive = req.keepAlive;
  }

  get statusCode(): number {
    return this.#status;
  }
  set statusCode(status: number) {
    this.#status = status;
  }
  get headersSent(): boolean {
    return this.#discarded || this.raw.headersSent;
  }
  get finished(): boolean {
    return this.#discarded || this.raw.writableEnded;
  }

  /** Headers as an object; framing and connection headers are the server's. */
  writeHead(status: number, headers: Record<string, string | number>): this {
    const list: string[] = [];
    for (const [name, value] of Object.entries(headers)) {
      const lower = name.toLowerCase();
      if (lower === 'connection' || lower === 'transfer-encoding') continue;
      list.push(name, String(value));
    }
    return this.writeHeadList(status, list);
  }

  /**
   * For the proxy, which has the instance's headers as a flat [name, value, ...] list already,
   * without framing or connection headers (content-length may be in it).
   * node:http frames the answer: the length given, else chunked (HTTP/1.1) or the close (1.0).
   */
  writeHeadList(status: number, list: string[]): this {
    if (this.#discarded) return this;
    this.#status = status;
    // An answer that ends the connection: the client asked, the server is closing, or the
    // request's body has not been read to its end (what follows it is never read).
    if (!this.keepAlive || this.conn.server.closing || !this.req.complete) {
      this.keepAlive = false;
      list.push('connection', 'close');
      this.conn.lastAnswer();
    }
    this.raw.writeHead(status, list);
    return this;
  }

  write(chunk: Buffer): boolean {
    if (this.#discarded) return true;
    if (!this.raw.headersSent) this.writeHeadList(this.#status, []);
    const ok = this.raw.write(chunk);
    if (!ok) this.raw.once('drain', () => this.#drained());
    return ok;
  }

  #drained() {
    const cb = this.onDrain;
    this.onDrain = undefined;
    cb?.();
  }

  end(chunk?: Buffer | string): void {
    if (this.#discarded || this.raw.writableEnded) return;
    if (this.raw.destroyed) return void this.conn.answered(this);
    if (!this.raw.headersSent) this.writeHeadList(this.#status, chunk === undefined ? ['content-length', '0'] : ['content-length', String(Buffer.byteLength(chunk))]);
    if (chunk === undefined) this.raw.end();
    // A small answer goes out with its head as one string: node:http then makes one write call,
    // where a Buffer after the head takes a writev of two (latin1 keeps every byte as it is).
    else if (typeof chunk !== 'string' && chunk.length <= SMALL_ANSWER) this.raw.end(chunk.toString('latin1'), 'latin1');
    else this.raw.end(chunk);
    this.conn.answered(this);
  }

  /** The connection answers in the handler's place: from now on what the handler writes is dropped. */
  discard(status: number) {
    this.#status = status;
    this.#discarded = true;
  }

  /** Ends the connection at once (an answer cut short). */
  destroy(): void {
    if (!this.#discarded) this.raw.destroy();
  }
}

/** llhttp's errors and node:http's timeouts as answers: a head over the limit is 431, a head too slow 408, anything else malformed 400. */
function refusalFor(err: NodeJS.ErrnoException & { reason?: string }): HmsopsError | undefined {
  const code = err.code ?? '';
  if (code === 'HPE_HEADER_OVERFLOW') return new HmsopsError('HEADERS_TOO_LARGE', `the request head is over ${MAX_HEAD_BYTES} bytes`);
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return new HmsopsError('REQUEST_TIMEOUT', 'the request head did not arrive in time');
  if (code.startsWith('HPE_')) return new HmsopsError('BAD_REQUEST', `malformed request: ${err.reason ?? err.message} (${code})`);
  return undefined; // the connection broke (ECONNRESET...): nobody to answer
}

/** What to send for a refusal, on a connection that closes after it. */
function refusalBytes(refusal: HmsopsError): string {
  const { status } = refusal;
  const body = JSON.stringify(refusal.body());
  return `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? 'Unknown'}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`;
}

/** A client connection: its requests in order, one handed on at a time. */
export class EdgeConnection {
  #queue: Array<{ req: EdgeRequest; res: EdgeResponse }> = [];
  #current: { req: EdgeRequest; res: EdgeResponse } | undefined;
  /** No more requests are taken in: a refusal is decided (it waits its turn), or the connection is ending. */
  #stopped = false;
  /** The answer being written ends the connection: nothing after it is answered. */
  #lastAnswer = false;
  /** A refusal written as bytes once the answers before it are done (a parse error: node:http has no response for it). */
  #pendingRefusal: HmsopsError | undefined;

  constructor(
    readonly socket: net.Socket,
    readonly server: EdgeServer,
  ) {
    socket.on('close', () => {
      this.#stopped = true;
      const current = this.#current;
      if (current && !current.res.finished) current.res.watcher?.clientGone();
      this.#queue = [];
    });
  }

  /** The answer being written closes the connection. */
  lastAnswer() {
    this.#stopped = true;
    this.#lastAnswer = true;
  }

  get idle() {
    return this.#current === undefined && this.#queue.length === 0;
  }

  request(raw: http.IncomingMessage, res: http.ServerResponse) {
    if (this.#stopped) return; // parsed by node:http after the end was decided: never handed on
    if (this.#queue.length >= MAX_QUEUED) return void this.socket.destroy();
    let req: EdgeRequest;
    try {
      req = edgeRequest(raw, this.server);
    } catch (err) {
      req = new EdgeRequest(raw, raw.method ?? '', raw.url ?? '', '1.1', raw.rawHeaders, new KnownHeaders(), [], '', false);
      req.refusal = err instanceof HmsopsError ? err : new HmsopsError('BAD_REQUEST', (err as Error).message);
      // Nothing after a refusal is taken in; the refusal itself waits its turn.
      this.#stopped = true;
    }
    this.#queue.push({ req, res: new EdgeResponse(res, this, req) });
    if (!this.#current) this.#next();
  }

  /** llhttp refused the bytes (or a head was too slow): answered after the requests before it, then the connection closes. */
  clientError(err: NodeJS.ErrnoException) {
    const refusal = refusalFor(err);
    this.#stopped = true;
    const current = this.#current;
    // The request whose body broke off is cut (its stream aborted, and with it the connection):
    // the instance sees it cut off, never whole.
    if (!refusal || (current && !current.req.complete)) {
      current?.res.discard(refusal?.status ?? 400);
      current?.req.raw.destroy();
      return void this.socket.destroy();
    }
    // One still waiting its turn is dropped, never handed on.
    const broken = this.#queue.findIndex((q) => !q.req.complete);
    if (broken >= 0) this.#queue.splice(broken);
    this.#pendingRefusal = refusal;
    if (!current) this.#next();
  }

  #next() {
    const next = this.#queue.shift();
    if (next === undefined) {
      const refusal = this.#pendingRefusal;
      if (refusal) {
        this.#pendingRefusal = undefined;
        this.#writeRefusal(refusal);
      }
      return;
    }
    this.#current = next;
    const { req, res } = next;
    if (req.refusal) {
      const { status, code, message } = req.refusal;
      this.server.emit('clientError', { status, code, message, remoteAddress: this.socket.remoteAddress });
      const body = JSON.stringify(req.refusal.body());
      res.keepAlive = false;
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
      return;
    }
    try {
      this.server.handler(req, res);
    } catch {
      this.socket.destroy(); // a handler's bug ends this connection, never the process
    }
  }

  /** An answer has been written to its end: the next request's turn (node:http sends answers in order). */
  answered(res: EdgeResponse) {
    if (this.#current?.res !== res) return;
    this.#current = undefined;
    if (this.#lastAnswer) {
      this.#queue = [];
      this.#pendingRefusal = undefined;
      return;
    }
    this.#next();
  }

  #writeRefusal(refusal: HmsopsError) {
    const { status, code, message } = refusal;
    this.socket.end(refusalBytes(refusal), 'latin1', () => this.socket.destroy());
    this.server.emit('clientError', { status, code, message, remoteAddress: this.socket.remoteAddress });
  }
}

/** The checks the gateway makes beyond llhttp's, and the headers it acts on. */
function edgeRequest(raw: http.IncomingMessage, server: EdgeServer): EdgeRequest {
  const major = raw.httpVersionMajor;
  const minor = raw.httpVersionMinor;
  const method = raw.method;
  const target = raw.url ?? '';
  if (major !== 1 || minor > 1) throw new HmsopsError('BAD_REQUEST', `HTTP/${major}.${minor} is not served; use HTTP/1.1`);
  // A method llhttp accepts that this Node cannot name is refused, never forwarded without one.
  if (!method) throw new HmsopsError('NOT_IMPLEMENTED', 'this method is not served');
  if (!(target.startsWith('/') || (target === '*' && method === 'OPTIONS'))) throw new HmsopsError('BAD_REQUEST', 'the request target must be a path (origin-form)');
  const headers = new KnownHeaders();
  const { notPassed } = server.options;
  const acted = server.actedOnLengths;
  const rawHeaders = raw.rawHeaders;
  const pass: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    const value = rawHeaders[i + 1]!;
    // A name is only lower-cased when its length is that of a header acted on or held back.
    if (acted[name.length] === 0) {
      pass.push(name, value);
      continue;
    }
    const lower = name.toLowerCase();
    if (!notPassed.has(lower)) pass.push(name, value);
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
  if (minor === 1 && headers.host === undefined) throw new HmsopsError('BAD_REQUEST', 'an HTTP/1.1 request needs a host header');
  const te = headers['transfer-encoding'];
  if (te !== undefined) {
    if (minor === 0) throw new HmsopsError('BAD_REQUEST', 'transfer-encoding in an HTTP/1.0 request');
    if (te.toLowerCase() !== 'chunked') throw new HmsopsError('NOT_IMPLEMENTED', `transfer-encoding "${te.slice(0, 30)}" is not supported`);
  }
  if (headers.upgrade !== undefined && /(^|,)\s*upgrade\s*(,|$)/i.test(headers.connection ?? '')) throw new HmsopsError('NOT_IMPLEMENTED', 'protocol upgrades are not forwarded');
  const keepAlive = minor === 1 && !/(^|,)\s*close\s*(,|$)/i.test(headers.connection ?? '');
  return new EdgeRequest(raw, method, target, minor === 1 ? '1.1' : '1.0', rawHeaders, headers, pass, raw.socket.remoteAddress ?? '', keepAlive);
}

export interface EdgeServerOptions {
  keepAliveTimeoutMs: number;
  /** How long a request head may take to arrive once it has started (node:http's headersTimeout; 60 s there too). */
  headersTimeoutMs: number;
  /** Lower-case names of headers left out of `passHeaders` (hop-by-hop ones, those the handler sets). */
  notPassed: ReadonlySet<string>;
}

/** node:http's server with the gateway's rules; emits 'clientError' ({status, code, message, remoteAddress}) for each refusal, and 'error'. */
export class EdgeServer extends EventEmitter {
  closing = false;
  /** Name lengths of the headers acted on or held back: any other header is passed on unread. */
  readonly actedOnLengths: Uint8Array;
  readonly #server: http.Server;
  readonly #connections = new Map<net.Socket, EdgeConnection>();

  constructor(
    readonly handler: (req: EdgeRequest, res: EdgeResponse) => void,
    readonly options: EdgeServerOptions,
  ) {
    super();
    this.actedOnLengths = nameLengths([...Object.keys(new KnownHeaders()), ...options.notPassed]);
    this.#server = http.createServer({
      maxHeaderSize: MAX_HEAD_BYTES,
      keepAliveTimeout: options.keepAliveTimeoutMs,
      headersTimeout: options.headersTimeoutMs,
      // The whole request has no deadline of its own: a body in progress is bounded by the upstream timeout.
      requestTimeout: 0,
      // How often node:http looks for heads that are too slow.
      connectionsCheckingInterval: Math.min(1000, Math.max(10, Math.floor(options.headersTimeoutMs / 4))),
      // Host is the gateway's rule (a refusal of its own, with its JSON answer), not node:http's.
      requireHostHeader: false,
      noDelay: true,
    });
    const server = this.#server;
    server.on('connection', (socket: net.Socket) => {
      this.#connections.set(socket, new EdgeConnection(socket, this));
      socket.on('close', () => this.#connections.delete(socket));
    });
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      const conn = this.#connections.get(req.socket as net.Socket);
      if (conn) conn.request(req, res);
      else res.destroy();
    });
    server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
      const conn = this.#connections.get(socket as net.Socket);
      if (conn) conn.clientError(err);
      else socket.destroy();
    });
    // CONNECT: a tunnel is never opened.
    server.on('connect', (_req: http.IncomingMessage, socket: Duplex) => {
      const refusal = new HmsopsError('NOT_IMPLEMENTED', 'CONNECT is not served');
      socket.on('error', () => undefined);
      socket.end(refusalBytes(refusal), 'latin1');
      this.emit('clientError', { status: refusal.status, code: refusal.code, message: refusal.message, remoteAddress: (socket as net.Socket).remoteAddress });
    });
    server.on('error', (err) => this.emit('error', err));
  }

  listen(port: number, host: string, cb: () => void) {
    this.#server.listen(port, host, cb);
  }

  address() {
    return this.#server.address() as net.AddressInfo;
  }

  /** Stops accepting; idle connections close now, busy ones after their answer. */
  close(cb: () => void) {
    this.closing = true;
    this.#server.close(() => cb());
    this.#server.closeIdleConnections();
  }
}

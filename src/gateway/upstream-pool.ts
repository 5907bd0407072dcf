/**
 * The gateway's keep-alive connections to one instance: an undici Pool, driven through its
 * documented `dispatch` API. Where an answer ends is undici's (llhttp) to say; whatever it refuses
 * is 502 UPSTREAM_BAD_RESPONSE and the connection is closed. This module only turns undici's
 * callbacks and errors into what the proxy acts on.
 */
import { Readable } from 'node:stream';
import { type Dispatcher, Pool } from 'undici';
import { HOP_BY_HOP, nameLengths } from './http1.js';

const MAX_HEAD_BYTES = 64 * 1024;
/** Name lengths of the headers an answer's head is not passed on with as it is. */
const ACTED_ON = nameLengths([...HOP_BY_HOP, 'content-length']);

/** Where an answer goes: the client's response (EdgeResponse), or anything shaped like it. */
export interface ResponseSink {
  /** `list`: [name, value, ...] without framing or connection headers, but content-length. */
  writeHeadList(status: number, list: string[]): unknown;
  write(chunk: Buffer): boolean;
  /** With `chunk`: the whole rest of the answer, written with the head when it is still to be written. */
  end(chunk?: Buffer): void;
  readonly headersSent: boolean;
  onDrain: (() => void) | undefined;
  watcher: { clientGone(): void } | undefined;
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
    /** `lost` on a connection that had answered before (kept alive, then closed by the instance). */
    readonly reused = false,
  ) {
    super(message);
  }
}

export interface UpstreamRequest {
  method: string;
  /** Path and query as sent upstream. */
  path: string;
  /** [name, value, ...] without host and framing headers. */
  headers: string[];
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

/**
 * A client's body streamed on, counted on its way: past the limit it stops (the proxy answers 413
 * and the client's connection closes). It reads the client's stream only once undici reads it, so
 * a connection that never opened leaves the body unread for another try; undici destroys this
 * stream when it is done with it, never the client's.
 */
class BoundedBody extends Readable {
  #size = 0;
  #started = false;
  tooLarge = false;

  constructor(
    private readonly source: Readable,
    readonly limit: number,
  ) {
    super();
  }

  #data = (chunk: Buffer) => {
    this.#size += chunk.length;
    if (this.#size > this.limit) {
      this.tooLarge = true;
      return void this.destroy(new UpstreamError('body-too-large', `the body is over the ${this.limit}-byte limit`));
    }
    if (!this.push(chunk)) this.source.pause();
  };
  #end = () => this.push(null);
  #aborted = () => this.destroy(new UpstreamError('client-gone', 'the client closed its connection while sending'));

  override _read() {
    if (this.#started) return void this.source.resume();
    this.#started = true;
    this.source.on('data', this.#data).on('end', this.#end).on('aborted', this.#aborted).on('error', this.#aborted);
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void) {
    this.source.off('data', this.#data).off('end', this.#end).off('aborted', this.#aborted).off('error', this.#aborted);
    this.source.pause();
    cb(err);
  }
}

/** One request's way through undici: its answer streamed into the sink, its failure named. */
class Exchange implements Dispatcher.DispatchHandler {
  #controller: Dispatcher.DispatchController | undefined;
  #sent = false;
  #headSent = false;
  #head: { status: number; list: string[]; length: number } | undefined;
  #settled = false;
  #clientGone = false;
  body: BoundedBody | undefined;

  constructor(
    readonly pool: UpstreamPool,
    readonly res: ResponseSink,
    readonly done: (err?: UpstreamError) => void,
  ) {
    res.watcher = this;
  }

  /** The client's connection closed before the answer's end: the request to the instance is aborted. */
  clientGone(): void {
    this.#clientGone = true;
    this.#controller?.abort(new UpstreamError('client-gone', 'the client closed its connection'));
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    this.#sent = true;
    if (this.#clientGone) controller.abort(new UpstreamError('client-gone', 'the client closed its connection'));
  }

  onResponseStart(controller: Dispatcher.DispatchController, status: number): void {
    if (status < 200) return; // 1xx interim answers are not forwarded; the final answer follows
    const raw = controller.rawHeaders as Buffer[];
    const list: string[] = [];
    let length = -1;
    for (let i = 0; i < raw.length; i += 2) {
      const name = raw[i]!.toString('latin1');
      const value = raw[i + 1]!.toString('latin1').trim();
      if (ACTED_ON[name.length] === 1) {
        const lower = name.toLowerCase();
        // One content-length at most: llhttp refuses a second one, or one beside transfer-encoding.
        if (lower === 'content-length') {
          length = Number(value);
        } else if (HOP_BY_HOP.has(lower)) {
          if (lower === 'transfer-encoding' && value.toLowerCase() !== 'chunked') {
            return void controller.abort(new UpstreamError('bad-response', `unsupported transfer-encoding "${value.slice(0, 30)}"`));
          }
          continue;
        }
      }
      list.push(name, value);
    }
    // Written with the first bytes of the body, or at its end: until then undici may still refuse
    // the answer (a length that does not match), and the client gets a 502 instead of a cut answer.
    this.#head = { status, list, length };
  }

  /** The answer's head to the client; false when node:http refuses it (a status it cannot write). */
  #writeHead(controller: Dispatcher.DispatchController): boolean {
    const head = this.#head;
    if (!head) return true;
    this.#head = undefined;
    try {
      this.res.writeHeadList(head.status, head.list);
    } catch (err) {
      controller.abort(new UpstreamError('bad-response', `cannot pass the answer on: ${(err as Error).message}`));
      return false;
    }
    this.#headSent = true;
    return true;
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    // The whole body in one piece (the usual small JSON answer): head and body in one write.
    if (this.#head?.length === chunk.length) {
      if (!this.#writeHead(controller)) return;
      this.res.end(chunk);
      return;
    }
    if (!this.#writeHead(controller)) return;
    if (this.res.write(chunk)) return;
    controller.pause();
    this.res.onDrain = () => controller.resume();
  }

  onResponseEnd(controller: Dispatcher.DispatchController): void {
    if (this.#settled || !this.#writeHead(controller)) return;
    this.#settled = true;
    this.res.end();
    this.done();
  }

  onResponseError(_controller: Dispatcher.DispatchController, err: Error): void {
    if (this.#settled) return;
    this.#settled = true;
    this.done(this.#name(err));
  }

  /** undici's error, as the proxy acts on it. */
  #name(err: Error & { code?: string; socket?: { bytesRead?: number } | null }): UpstreamError {
    if (err instanceof UpstreamError) return err;
    const at = this.pool.hostHeader;
    if (this.body?.tooLarge) return new UpstreamError('body-too-large', `the body is over the ${this.body.limit}-byte limit`);
    if (this.#clientGone) return new UpstreamError('client-gone', 'the client closed its connection');
    const code = err.code ?? '';
    if (this.#headSent) return new UpstreamError('aborted', `${at} broke off the answer: ${err.message}`);
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return new UpstreamError('timeout', `no answer within ${this.pool.options.timeoutMs}ms`);
    if (code.startsWith('HPE_') || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' || code === 'UND_ERR_HEADERS_OVERFLOW' || /bad (response|upgrade)/.test(err.message))
      return new UpstreamError('bad-response', `malformed answer: ${err.message}${code ? ` (${code})` : ''}`);
    // Nothing was written on a connection that never opened: any request may go elsewhere.
    if (!this.#sent) {
      if (code === 'UND_ERR_CONNECT_TIMEOUT') return new UpstreamError('connect', `cannot connect to ${at}: no answer to the connection`);
      return new UpstreamError('connect', `cannot connect to ${at}: ${err.message}`);
    }
    // The client's body broke off on its way (it left, or its framing broke).
    if (code === 'ECONNRESET' && err.message === 'aborted') return new UpstreamError('client-gone', 'the client closed its connection while sending');
    if (code === 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH') return new UpstreamError('client-gone', "the client's body broke off");
    const reused = (err.socket?.bytesRead ?? 0) > 0;
    return new UpstreamError('lost', `${at} closed the connection before answering`, reused);
  }
}

export class UpstreamPool {
  readonly hostHeader: string;
  readonly #pool: Pool;

  constructor(
    readonly host: string,
    readonly port: number,
    readonly options: UpstreamPoolOptions,
  ) {
    this.hostHeader = `${host}:${port}`;
    this.#pool = new Pool(`http://${this.hostHeader}`, {
      connections: options.maxConnections,
      pipelining: 1,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      keepAliveTimeout: options.idleMs,
      keepAliveMaxTimeout: options.idleMs,
      // An instance's `keep-alive: timeout=N` shortens that, less a second for the way there.
      keepAliveTimeoutThreshold: 1000,
      maxHeaderSize: MAX_HEAD_BYTES,
      connect: { timeout: options.connectTimeoutMs ?? Math.min(options.timeoutMs, 2000) },
    });
    // A connection that fails is reported to the request on it; the pool's own event needs no one.
    this.#pool.on('connectionError', () => undefined);
  }

  /**
   * Streams the instance's answer into `res`, then calls `done`, with an UpstreamError when that
   * could not be done. A callback, not a promise: this runs for every request.
   */
  request(req: UpstreamRequest, res: ResponseSink, done: (err?: UpstreamError) => void): void {
    const exchange = new Exchange(this, res, done);
    let body: Buffer | Readable | undefined;
    let headers = req.headers;
    if (req.body === undefined || Buffer.isBuffer(req.body)) body = req.body;
    else {
      body = exchange.body = new BoundedBody(req.body, req.bodyLimit);
      if (req.bodyLength !== undefined) headers = [...headers, 'content-length', String(req.bodyLength)];
    }
    try {
      this.#pool.dispatch({ method: req.method, path: req.path, headers, body: body ?? null, blocking: false }, exchange);
    } catch (err) {
      exchange.onResponseError(undefined as never, err as Error);
    }
  }

  /**
   * The instance left the routing table: idle connections close now; a request still in flight
   * finishes, or times out, on its own.
   */
  close() {
    void this.#pool.close().catch(() => undefined);
  }
}

/**
 * The gateway's listening side: an HTTP/1.1 server on plain sockets that parses strictly and
 * writes each answer's head and first bytes in one write. node:http's server costs about as much
 * CPU per request as the rest of the gateway; see docs/benchmarks.md. Anything it is not sure
 * about (two lengths, an unknown transfer coding, a bare LF, an absolute URL, obs-fold) is
 * refused with 400, and the connection is closed: a gateway must not guess where a request ends.
 */
import { EventEmitter } from 'node:events';
import net from 'node:net';
import { Readable } from 'node:stream';
import { ChunkedDecoder, contentLength, CRLF2, FramingError, HeaderCursor, nameLengths, reasonPhrase } from './http1.js';

const MAX_HEAD_BYTES = 16 * 1024;
const REQUEST_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) ([\x21-\x7e]+) HTTP\/1\.([01])$/;

/** A request's body, readable like any stream; 'aborted' when the client leaves before its end. */
export class RequestBody extends Readable {
  constructor(private readonly conn: EdgeConnection) {
    super({ highWaterMark: 64 * 1024 });
  }
  override _read() {
    this.conn.socket.resume();
  }
}

/** The headers the server and the gateway act on; one shape for every request, so reading them is cheap. #parseHead fills them (a case each). */
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
  constructor(
    readonly method: string,
    readonly url: string,
    readonly httpVersion: '1.0' | '1.1',
    /** The head as received, from the request line to the last header line's CRLF. */
    readonly head: string,
    /** Where the header lines start in `head` (a HeaderCursor walks them). */
    readonly headersFrom: number,
    /** Repeated headers joined with ", ". */
    readonly headers: KnownHeaders,
    /** Every header line but those named in the server's `notPassed`, as received (each ending in CRLF). */
    readonly passLines: string,
    readonly remoteAddress: string,
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

  constructor(private readonly conn: EdgeConnection, private readonly req: EdgeRequest, keepAlive: boolean) {
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
    this.#head = head + '\r\n';
    this.headersSent = true;
    return this;
  }

  /** `chunk` is only lent (the upstream pool reuses its read buffer): what is not copied into a string is copied here. */
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
      socket.write(Buffer.from(chunk));
      const ok = socket.write('\r\n');
      socket.uncork();
      return ok;
    }
    // A small answer goes out as one string: one write call, and the string is the copy.
    if (head && chunk.length <= 16 * 1024) return socket.write(head + chunk.toString('latin1'), 'latin1');
    if (!head) return socket.write(Buffer.from(chunk));
    socket.cork();
    socket.write(head, 'latin1');
    const ok = socket.write(Buffer.from(chunk));
    socket.uncork();
    return ok;
  }

  end(chunk?: Buffer | string): void {
    if (this.finished) return;
    if (!this.headersSent) this.writeHead(this.statusCode, chunk === undefined ? ['content-length', '0'] : ['content-length', String(Buffer.byteLength(chunk))]);
    const socket = this.conn.socket;
    if (!socket.destroyed) {
      socket.cork();
      if (chunk !== undefined && chunk.length) this.write(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      else if (this.#head) socket.write(this.#head, 'latin1');
      this.#head = undefined;
      if (this.#mode === 'chunked') socket.write('0\r\n\r\n', 'latin1');
      socket.uncork();
    }
    this.finished = true;
    this.conn.responseDone(this);
  }

  destroy(): void {
    this.conn.socket.destroy();
  }
}

/**
 * Has an accepted socket read into `buffer` (shared by the server's connections) and hand each
 * read to `onRead`, as the documented `onread` option of `net.connect` and `new net.Socket` does
 * (the upstream pool uses it): no 64 KiB allocation and no stream machinery per read, ~1.5 us of
 * CPU per request (docs/benchmarks.md). Node 20 has no such option for the sockets a server
 * accepts, so this sets on the socket what that option sets (the `kBuffer` and `kBufferCb`
 * symbols, then the handle's `useUserBuffer`); pause, resume, 'end' and 'close' work as with
 * `onread`. False, changing nothing, where a Node does not have them: the caller then listens for
 * 'data'. A test checks that this Node has them.
 */
export function readIntoShared(socket: net.Socket, buffer: Buffer, onRead: (lent: Buffer) => void): boolean {
  const symbols = Object.getOwnPropertySymbols(socket);
  const kBuffer = symbols.find((s) => s.description === 'kBuffer');
  const kBufferCb = symbols.find((s) => s.description === 'kBufferCb');
  const handle = (socket as unknown as { _handle?: { useUserBuffer?: (b: Uint8Array) => void } })._handle;
  if (!kBuffer || !kBufferCb || typeof handle?.useUserBuffer !== 'function') return false;
  const slots = socket as unknown as Record<symbol, unknown>;
  if (slots[kBuffer] !== null || slots[kBufferCb] !== null) return false;
  slots[kBuffer] = buffer;
  slots[kBufferCb] = (n: number, buf: Buffer) => {
    onRead(buf.subarray(0, n));
    return true;
  };
  handle.useUserBuffer(buffer);
  return true;
}

export class EdgeConnection {
  #buf: Buffer | undefined;
  /** Whether #buf is (part of) the shared read buffer, which the next read overwrites. */
  #bufLent = false;
  #req: EdgeRequest | undefined;
  #res: EdgeResponse | undefined;
  /** Bytes of a content-length body still to come, or a decoder for a chunked one. */
  #bodyLeft = 0;
  #chunked: ChunkedDecoder | undefined;
  #clientEnded = false;

  constructor(readonly socket: net.Socket, private readonly server: EdgeServer) {
    socket.setNoDelay(true);
    if (!readIntoShared(socket, server.readBuffer, (lent) => this.#onData(lent))) socket.on('data', (d: Buffer) => this.#onData(d));
    socket.on('drain', () => {
      const res = this.#res;
      const cb = res?.onDrain;
      if (cb) {
        res.onDrain = undefined;
        cb();
      }
    });
    socket.on('error', () => undefined);
    // The client is done sending (half-close): what it sent is still answered, then the connection closes.
    socket.on('end', () => {
      this.#clientEnded = true;
      // A body cut short can never be complete: closing lets 'close' below tell its reader.
      if (this.#req && this.#bodyOpen) return void socket.destroy();
      if (!this.#res) socket.end();
    });
    socket.on('close', () => {
      server.forget(this);
      const body = this.#req?.body;
      if (body && this.#bodyOpen) {
        body.emit('aborted');
        body.destroy();
      }
      if (this.#res && !this.#res.finished) this.#res.onClientGone?.();
    });
  }

  /** Last time bytes came in or an answer ended; the server's sweep closes connections idle too long. */
  lastActive = Date.now();
  /** When the first bytes of a head still incomplete arrived (0: none pending): a head trickled in forever is refused. */
  headStartedAt = 0;

  /** Called by the sweep: the head took longer than the server's headersTimeoutMs. */
  headTimedOut() {
    this.#refuse(408, 'REQUEST_TIMEOUT', `the request head did not arrive within ${this.server.options.headersTimeoutMs}ms`);
  }

  get idle() {
    return this.#res === undefined;
  }

  get #bodyOpen() {
    return this.#bodyLeft > 0 || (this.#chunked !== undefined && !this.#chunked.done);
  }

  /** `lent`: valid during this call only (the shared read buffer); what is kept is copied. */
  #onData(lent: Buffer) {
    this.lastActive = Date.now();
    let d: Buffer | undefined = lent;
    if (this.#req && this.#bodyOpen) {
      d = this.#feedBody(d, 0);
      if (d === undefined) return;
    }
    if (this.#buf) this.#buf = Buffer.concat([this.#buf, d]);
    else {
      this.#buf = d;
      this.#bufLent = true;
    }
    if (!this.#req) this.#parseNext();
    // A client sending ahead of the answer (pipelining) is held at the head limit.
    else if (this.#buf.length > MAX_HEAD_BYTES) this.socket.pause();
    // An incomplete head or a pipelined request waits for the next read.
    if (this.#bufLent && this.#buf) this.#buf = Buffer.from(this.#buf);
    this.#bufLent = false;
  }

  #parseNext() {
    while (this.#buf && !this.#req && !this.socket.destroyed) {
      let buf = this.#buf;
      let start = 0;
      while (start + 1 < buf.length && buf[start] === 13 && buf[start + 1] === 10) start += 2; // empty lines before a request are ignored
      const end = buf.indexOf(CRLF2, start);
      if (end < 0) {
        if (buf.length - start > MAX_HEAD_BYTES) return this.#refuse(431, 'HEADERS_TOO_LARGE', `the request head is over ${MAX_HEAD_BYTES} bytes`);
        this.#buf = start ? buf.subarray(start) : buf;
        if (this.headStartedAt === 0) this.headStartedAt = Date.now();
        return;
      }
      this.headStartedAt = 0;
      let req: EdgeRequest;
      try {
        req = this.#parseHead(buf.toString('latin1', start, end + 2));
      } catch (err) {
        const status = (err as FramingError & { status?: number }).status ?? 400;
        return this.#refuse(status, status === 501 ? 'NOT_IMPLEMENTED' : 'BAD_REQUEST', (err as Error).message);
      }
      buf = buf.subarray(end + 4);
      this.#buf = undefined;
      const keepAlive = req.httpVersion === '1.1' && !/\bclose\b/i.test(req.headers.connection ?? '') && !this.server.closing;
      const res = new EdgeResponse(this, req, keepAlive);
      this.#req = req;
      this.#res = res;
      const te = req.headers['transfer-encoding'];
      const length = req.headers['content-length'];
      if (te !== undefined || (length !== undefined && length !== '0')) {
        req.body = new RequestBody(this);
        if (te !== undefined) this.#chunked = new ChunkedDecoder();
        else this.#bodyLeft = Number(length);
        if (/^100-continue$/i.test(req.headers.expect ?? '')) this.socket.write('HTTP/1.1 100 Continue\r\n\r\n', 'latin1');
      }
      this.server.handler(req, res);
      if (buf.length) {
        const rest = this.#bodyOpen ? this.#feedBody(buf, 0) : buf;
        if (rest?.length) this.#buf = this.#buf ? Buffer.concat([this.#buf, rest]) : rest;
      }
    }
  }

  /** `head`: the request line and the header lines, each ending in CRLF. */
  #parseHead(head: string): EdgeRequest {
    const lineEnd = head.indexOf('\r\n');
    const m = REQUEST_LINE.exec(head.slice(0, lineEnd));
    if (!m) throw new FramingError(`malformed request line "${head.slice(0, Math.min(lineEnd, 60))}"`);
    const [, method, target, minor] = m;
    if (!(target!.startsWith('/') || (target === '*' && method === 'OPTIONS'))) throw new FramingError('the request target must be a path (origin-form)');
    const headers = new KnownHeaders();
    const { notPassed } = this.server.options;
    const acted = this.server.actedOnLengths;
    const cursor = new HeaderCursor(head, lineEnd + 2);
    // What is passed on is copied as runs of whole lines; a name is only lower-cased when its
    // length is that of a header acted on or held back.
    let passLines = '';
    let run = -1;
    let length: number | undefined;
    while (cursor.next()) {
      if (acted[cursor.nameLength] === 0) {
        if (run < 0) run = cursor.lineStart;
        continue;
      }
      const name = cursor.name().toLowerCase();
      if (!notPassed.has(name)) {
        if (run < 0) run = cursor.lineStart;
      } else if (run >= 0) {
        passLines += head.slice(run, cursor.lineStart);
        run = -1;
      }
      // A switch with constant property names, not headers[name]: a dynamic key is a megamorphic lookup.
      switch (name) {
        case 'content-length': {
          const value = cursor.value();
          length = contentLength(value, length);
          headers['content-length'] = joined(headers['content-length'], value);
          break;
        }
        case 'host':
          if (headers.host !== undefined) throw new FramingError('more than one host header');
          headers.host = cursor.value();
          break;
        case 'transfer-encoding': headers['transfer-encoding'] = joined(headers['transfer-encoding'], cursor.value()); break;
        case 'connection': headers.connection = joined(headers.connection, cursor.value()); break;
        case 'expect': headers.expect = joined(headers.expect, cursor.value()); break;
        case 'upgrade': headers.upgrade = joined(headers.upgrade, cursor.value()); break;
        case 'x-request-id': headers['x-request-id'] = joined(headers['x-request-id'], cursor.value()); break;
        case 'x-forwarded-for': headers['x-forwarded-for'] = joined(headers['x-forwarded-for'], cursor.value()); break;
        case 'authorization': headers.authorization = joined(headers.authorization, cursor.value()); break;
        case 'idempotency-key': headers['idempotency-key'] = joined(headers['idempotency-key'], cursor.value()); break;
      }
    }
    if (run >= 0) passLines += head.slice(run);
    if (minor === '1' && headers.host === undefined) throw new FramingError('an HTTP/1.1 request needs a host header');
    const te = headers['transfer-encoding'];
    if (te !== undefined) {
      if (length !== undefined) throw new FramingError('a request with both content-length and transfer-encoding is refused');
      if (minor === '0') throw new FramingError('transfer-encoding in an HTTP/1.0 request');
      if (te.toLowerCase() !== 'chunked') throw Object.assign(new FramingError(`transfer-encoding "${te.slice(0, 30)}" is not supported`), { status: 501 });
    }
    if (headers.upgrade !== undefined && /\bupgrade\b/i.test(headers.connection ?? '')) throw Object.assign(new FramingError('protocol upgrades are not forwarded'), { status: 501 });
    return new EdgeRequest(method!, target!, minor === '1' ? '1.1' : '1.0', head, lineEnd + 2, headers, passLines, this.socket.remoteAddress ?? '');
  }

  /** Feeds body bytes to the current request; returns the bytes after its body (a pipelined request). */
  #feedBody(buf: Buffer, off: number): Buffer | undefined {
    const body = this.#req!.body!;
    let ok = true;
    try {
      if (this.#chunked) {
        const dec = this.#chunked;
        off = dec.decode(buf, off, (b) => body.push(Buffer.from(b)));
        ok = dec.flowing;
        dec.flowing = true;
      } else {
        const n = Math.min(this.#bodyLeft, buf.length - off);
        ok = body.push(Buffer.from(buf.subarray(off, off + n))); // a copy: `buf` may be the shared read buffer
        this.#bodyLeft -= n;
        off += n;
      }
    } catch (err) {
      body.destroy(err as Error);
      this.socket.destroy();
      return undefined;
    }
    if (!this.#bodyOpen) body.push(null);
    else if (!ok) this.socket.pause();
    return off < buf.length ? buf.subarray(off) : undefined;
  }

  #refuse(status: number, code: string, message: string) {
    const body = JSON.stringify({ error: { code, message } });
    this.socket.end(`HTTP/1.1 ${status} ${reasonPhrase(status)}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`, 'latin1');
    this.#buf = undefined;
    this.server.emit('clientError', { status, code, message, remoteAddress: this.socket.remoteAddress });
  }

  responseDone(res: EdgeResponse) {
    if (res !== this.#res) return;
    this.lastActive = Date.now();
    this.#req = undefined;
    this.#res = undefined;
    // A body the handler did not read to its end leaves the connection's framing unknown.
    if (!res.keepAlive || this.#bodyOpen || this.server.closing) {
      this.#bodyLeft = 0;
      this.#chunked = undefined;
      this.socket.end();
      return;
    }
    this.#chunked = undefined;
    if (this.socket.isPaused()) this.socket.resume();
    if (this.#buf) this.#parseNext();
    // A half-closed client gets the answers to what it sent, then the connection ends.
    if (this.#clientEnded && !this.#res) this.socket.end();
  }
}

export interface EdgeServerOptions {
  keepAliveTimeoutMs: number;
  /** How long a request head may take to arrive once it has started (node:http's headersTimeout; 60 s there too). */
  headersTimeoutMs: number;
  /** Lower-case names of headers left out of `passLines` (hop-by-hop ones, those the handler sets). */
  notPassed: ReadonlySet<string>;
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

  constructor(readonly handler: (req: EdgeRequest, res: EdgeResponse) => void, readonly options: EdgeServerOptions) {
    super();
    this.actedOnLengths = nameLengths([...Object.keys(new KnownHeaders()), ...options.notPassed]);
    this.#server = net.createServer({ allowHalfOpen: true }, (socket) => this.#connections.add(new EdgeConnection(socket, this)));
    this.#server.on('error', (err) => this.emit('error', err));
    // One timer for all connections rather than one per socket refreshed on every read and write.
    // A request in flight is bounded by the upstream timeout instead.
    this.#sweep = setInterval(() => {
      const now = Date.now();
      for (const c of this.#connections) {
        if (c.headStartedAt && now - c.headStartedAt > options.headersTimeoutMs) c.headTimedOut();
        else if (c.idle && c.lastActive < now - options.keepAliveTimeoutMs) c.socket.destroy();
      }
    }, Math.min(1000, Math.max(10, Math.min(options.keepAliveTimeoutMs, options.headersTimeoutMs) / 4))).unref();
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

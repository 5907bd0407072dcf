/**
 * llhttp, the HTTP/1.1 parser Node runs, as node:http drives it: Node's `HTTPParser` binding.
 * The gateway decides where a request or an answer ends with this and nothing of its own
 * (docs/architecture.md, "Gateway"). The binding is not a documented API, so this module alone
 * touches it, checks its shape when loaded and fails at start, not at the first request, on a
 * Node where it differs; test/unit/llhttp.test.ts pins what the gateway relies on.
 */
import { createRequire } from 'node:module';

interface NodeHttpParser {
  initialize(type: number, resource: object, maxHeaderSize: number, lenientFlags: number): void;
  execute(data: Buffer): number | ParseError;
  finish(): ParseError | undefined;
  close(): void;
  headersCompleted(): boolean;
  duration(): number;
  [callback: number]: unknown;
}

interface HttpCommon {
  HTTPParser: {
    new (): NodeHttpParser;
    REQUEST: number;
    RESPONSE: number;
    kOnHeaders: number;
    kOnHeadersComplete: number;
    kOnBody: number;
    kOnMessageComplete: number;
    kLenientNone: number;
  };
  methods: string[];
}

/** What `execute` and `finish` return when llhttp refuses the bytes: `code` is llhttp's (`HPE_INVALID_CHUNK_SIZE`). */
export interface ParseError extends Error {
  code: string;
  reason: string;
  bytesParsed: number;
}

function load(): HttpCommon {
  const common = createRequire(import.meta.url)('_http_common') as Partial<HttpCommon>;
  const P = common.HTTPParser;
  const names = ['REQUEST', 'RESPONSE', 'kOnHeaders', 'kOnHeadersComplete', 'kOnBody', 'kOnMessageComplete', 'kLenientNone'] as const;
  const methodNames = ['execute', 'finish', 'close', 'headersCompleted', 'duration'] as const;
  if (typeof P !== 'function' || names.some((n) => typeof P[n] !== 'number') || !Array.isArray(common.methods) || methodNames.some((m) => typeof P.prototype[m] !== 'function')) {
    throw new Error(`this Node (${process.version}) has no llhttp binding of the shape the gateway uses (_http_common.HTTPParser); see package.json engines`);
  }
  return common as HttpCommon;
}

const { HTTPParser, methods } = load();

/** What the parser found in one message's head. `headers`: [name, value, ...] as received, values without surrounding whitespace. */
export interface ParsedHead {
  versionMinor: number;
  versionMajor: number;
  headers: string[];
  /** Requests: the method and the target as received. */
  method: string;
  url: string;
  /** Answers. */
  statusCode: number;
  /** llhttp's reading of Connection and the version. */
  keepAlive: boolean;
  /** An Upgrade with Connection: upgrade, or CONNECT. */
  upgrade: boolean;
}

/**
 * What llhttp reports, as it parses. No callback marks a message's first byte: each call from the
 * binding into JS costs about a microsecond, so `headInProgressMs` and `messageStarted` read the
 * binding's own record of it instead (node:http's headersTimeout reads the same).
 */
export interface ParserEvents {
  /** The head is complete. Return true for an answer that has no body whatever it says (to HEAD). */
  headersComplete(head: ParsedHead): boolean;
  /** Body bytes, already decoded from chunked; the buffer is the callee's to keep. */
  body(data: Buffer): void;
  messageComplete(): void;
}

/**
 * One connection's parser, of requests or of answers. Strict (no lenient flags): whatever llhttp
 * refuses, `execute` returns as a ParseError, and the caller stops reading that connection.
 */
export class Llhttp {
  readonly #parser: NodeHttpParser;
  #headers: string[] = [];
  #url = '';
  #closed = false;

  constructor(kind: 'request' | 'response', maxHeaderSize: number, events: ParserEvents) {
    const p = new HTTPParser();
    p.initialize(kind === 'request' ? HTTPParser.REQUEST : HTTPParser.RESPONSE, {}, maxHeaderSize, HTTPParser.kLenientNone);
    // More than 32 header fields reach JS in parts, the last part with the head's end (as node:http gathers them).
    p[HTTPParser.kOnHeaders] = (headers: string[], url: string) => {
      this.#headers.push(...headers);
      this.#url += url;
    };
    p[HTTPParser.kOnHeadersComplete] = (
      versionMajor: number,
      versionMinor: number,
      headers: string[] | undefined,
      method: number | undefined,
      url: string | undefined,
      statusCode: number | undefined,
      _statusMessage: unknown,
      upgrade: boolean,
      keepAlive: boolean,
    ) => {
      const all = this.#headers.length ? (headers ? this.#headers.concat(headers) : this.#headers) : (headers ?? []);
      const target = this.#url + (url ?? '');
      this.#headers = [];
      this.#url = '';
      const skipBody = events.headersComplete({
        versionMajor,
        versionMinor,
        headers: all,
        method: method === undefined ? '' : (methods[method] ?? ''),
        url: target,
        statusCode: statusCode ?? 0,
        keepAlive,
        upgrade,
      });
      return skipBody ? 1 : 0;
    };
    p[HTTPParser.kOnBody] = (data: Buffer) => events.body(data);
    // A chunked message's trailer fields (and its url, again) reach JS through kOnHeaders before its
    // end: they are dropped here, so nothing of this message leaks into the next one's head.
    p[HTTPParser.kOnMessageComplete] = () => {
      this.#headers = [];
      this.#url = '';
      events.messageComplete();
    };
    this.#parser = p;
  }

  /** Parses what arrived; the callbacks run during the call. Bytes parsed, or why llhttp refused them. */
  execute(data: Buffer): number | ParseError {
    return this.#parser.execute(data);
  }

  /**
   * Milliseconds since the first byte of a head llhttp is still reading, or 0 when none is
   * (between messages, or in a body). For the headers timeout.
   */
  headInProgressMs(): number {
    return this.#parser.headersCompleted() ? 0 : this.#parser.duration();
  }

  /** After a message's end: whether bytes of another one have arrived since. */
  messageStarted(): boolean {
    return !this.#parser.headersCompleted();
  }

  /** The connection's read side ended: completes an answer delimited by the close, or says what was cut short. */
  finish(): ParseError | undefined {
    return this.#parser.finish() ?? undefined;
  }

  /** Frees the native parser, once no call of it is on the stack (as node:http does). */
  close() {
    if (this.#closed) return;
    this.#closed = true;
    setImmediate(() => this.#parser.close());
  }
}

export const isParseError = (r: number | ParseError | undefined): r is ParseError => typeof r === 'object' && r !== null;

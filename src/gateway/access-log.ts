/**
 * The gateway's access log: one JSON line per request, in the instance-log format `hmsops logs`
 * reads (`<time> out <json>`), batched like nginx's `buffer=`: written to the worker's own file
 * every 32 KiB or 100 ms. It runs for every request, so lines are ASCII (anything else is
 * escaped) and go straight into a byte buffer: no joined string, no UTF-8 encoding pass.
 */
import type { RotatingLog } from '../state/log-files.js';

/** One access-log line; fields are set as the request goes on. */
export class AccessEntry {
  service = '-';
  route = '';
  instance = '';
  user = '';
  retried = false;
  error = '';
  status = 0;
  ms = 0;
  constructor(
    readonly method: string,
    readonly url: string,
    readonly requestId: string,
    /** The gateway made the id (a UUID): it needs no escaping. */
    readonly requestIdMade = false,
  ) {}
}

// Most strings need no escaping. What does is escaped to ASCII, so the line's bytes are its
// characters (the head was read as latin1: a byte over 0x7e is a character of its own).
const NEEDS_ESCAPE = /[^\x20\x21\x23-\x5b\x5d-\x7e]/;
const NON_ASCII = /[\u007f-\uffff]/g;
const jsonString = (s: string): string => (NEEDS_ESCAPE.test(s) ? JSON.stringify(s).replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : `"${s}"`);

/** Service, route and instance names repeat on every line: each is escaped once. */
const known = new Map<string, string>();
const knownString = (s: string): string => {
  let text = known.get(s);
  if (text === undefined) {
    text = jsonString(s);
    if (known.size < 10_000) known.set(s, text);
  }
  return text;
};

/** Milliseconds with two decimals, from integers: formatting a fraction is the slow path of number-to-text. */
function millis(ms: number): string {
  const hundredths = Math.round(ms * 100);
  const whole = Math.floor(hundredths / 100);
  const frac = hundredths - whole * 100;
  return frac === 0 ? `${whole}` : `${whole}.${frac < 10 ? '0' : ''}${frac}`;
}

/** The line's JSON, written by hand: it is built once per request. */
export function accessLine(time: string, e: AccessEntry): string {
  const requestId = e.requestIdMade ? `"${e.requestId}"` : jsonString(e.requestId);
  let line = `{"time":"${time}","msg":"access","method":${jsonString(e.method)},"url":${jsonString(e.url)},"requestId":${requestId},"service":${knownString(e.service)}`;
  if (e.route) line += `,"route":${knownString(e.route)}`;
  if (e.instance) line += `,"instance":${knownString(e.instance)}`;
  if (e.user) line += `,"user":${jsonString(e.user)}`;
  if (e.retried) line += ',"retried":true';
  if (e.error) line += `,"error":"${e.error}"`;
  return `${line},"status":${e.status},"ms":${millis(e.ms)}}\n`;
}

// Many lines share a millisecond; formatting its time once is measurable at full load.
let timeAt = 0;
let timeText = '';
export function isoNow(): string {
  const now = Date.now();
  if (now !== timeAt) timeText = new Date((timeAt = now)).toISOString();
  return timeText;
}

const FLUSH_BYTES = 32 * 1024;
const FLUSH_MS = 100;

export class AccessLog {
  #buf = Buffer.allocUnsafe(2 * FLUSH_BYTES);
  #used = 0;
  #timer: NodeJS.Timeout | undefined;

  /** `plain`: lines of JSON alone (stdout, for an orchestrator); else in the log files' format (time, stream, text). */
  constructor(
    private readonly file: Pick<RotatingLog, 'writeBlock' | 'close'>,
    private readonly plain = false,
  ) {}

  write(entry: AccessEntry): void {
    const time = isoNow();
    const line = this.plain ? accessLine(time, entry) : `${time} out ${accessLine(time, entry)}`;
    if (this.#used + line.length > this.#buf.length) {
      this.flush();
      // A line longer than the buffer (a huge escaped URL) is written by itself.
      if (line.length > this.#buf.length) {
        this.file.writeBlock(line);
        return;
      }
    }
    this.#used += this.#buf.write(line, this.#used, 'latin1');
    if (this.#used >= FLUSH_BYTES) this.flush();
    else this.#timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#used === 0) return;
    this.file.writeBlock(this.#buf.subarray(0, this.#used));
    this.#used = 0;
  }

  close(): void {
    this.flush();
    this.file.close();
  }
}

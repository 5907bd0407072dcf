/**
 * Instance logs: one file per instance under logs/, one line per output line, prefixed with
 * an ISO timestamp and the stream, rotated by size (name.log -> name.log.1 -> ...). The gateway
 * writes its access log itself, in the same format, beside its instance log: one file per worker
 * (gateway-1.access.log, or gateway-1.access-w2.log with several workers).
 */
import fs from 'node:fs';
import path from 'node:path';

export interface LogLine {
  at: string;
  stream: 'out' | 'err' | 'sys';
  instance: string;
  text: string;
}

export function formatLogLine(at: Date, stream: LogLine['stream'], text: string): string {
  return `${at.toISOString()} ${stream} ${text}\n`;
}

export function parseLogLine(instance: string, line: string): LogLine | undefined {
  const m = /^(\d{4}-\d\d-\d\dT[\d:.]+Z) (out|err|sys) (.*)$/.exec(line);
  return m ? { at: m[1]!, stream: m[2] as LogLine['stream'], instance, text: m[3]! } : undefined;
}

export const logFileFor = (logsDir: string, instanceId: string) => path.join(logsDir, `${instanceId}.log`);

/** The access log of a gateway instance's worker (worker 1 of one, or `worker` of several). */
export const accessLogFileFor = (logsDir: string, instanceId: string, worker?: number) =>
  path.join(logsDir, `${instanceId}.access${worker === undefined ? '' : `-w${worker}`}.log`);

/** Which instance a file under logs/ belongs to, and its rotation (0: current); undefined for other files and the daemon's own log. */
export function logFileInstance(name: string): { instance: string; generation: number } | undefined {
  const m = /^(.+?)(?:\.access(?:-w\d+)?)?\.log(?:\.(\d+))?$/.exec(name);
  if (!m || m[1] === 'hmsopsd') return undefined;
  return { instance: m[1]!, generation: Number(m[2] ?? 0) };
}

/** Appends lines to an instance's log and rotates it past maxSize, keeping maxFiles old files. */
export class RotatingLog {
  #fd: number;
  #size: number;
  constructor(
    private readonly file: string,
    private readonly maxSize: number,
    private readonly maxFiles: number,
  ) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.#fd = fs.openSync(file, 'a');
    this.#size = fs.fstatSync(this.#fd).size;
  }

  #closed = false;

  write(stream: LogLine['stream'], text: string): void {
    this.writeLines(stream, [text]);
  }

  /**
   * Lines already in the log's format (`formatLogLine`), each ending in a newline, in one write.
   * Never throws: output that arrives after the instance was removed, or a full disk, must not take the daemon down.
   */
  writeBlock(block: string | Uint8Array): void {
    if (this.#closed || block.length === 0) return;
    try {
      const bytes = typeof block === 'string' ? Buffer.from(block) : block;
      if (this.#size + bytes.length > this.maxSize && this.#size > 0) this.#rotate();
      fs.writeSync(this.#fd, bytes);
      this.#size += bytes.length;
    } catch {
      // dropped: nowhere better to report a failing log write
    }
  }

  /** One write for all the lines of a chunk (a busy instance sends thousands a second). */
  writeLines(stream: LogLine['stream'], lines: string[]): void {
    if (lines.length === 0) return;
    const prefix = `${new Date().toISOString()} ${stream} `;
    this.writeBlock(`${prefix + lines.join(`\n${prefix}`)}\n`);
  }

  #rotate() {
    fs.closeSync(this.#fd);
    for (let i = this.maxFiles - 1; i >= 1; i--) {
      const from = i === 1 ? this.file : `${this.file}.${i - 1}`;
      if (fs.existsSync(from)) fs.renameSync(from, `${this.file}.${i}`);
    }
    if (this.maxFiles <= 1) fs.rmSync(this.file, { force: true });
    this.#fd = fs.openSync(this.file, 'a');
    this.#size = 0;
  }

  close(): void {
    this.#closed = true;
    try {
      fs.closeSync(this.#fd);
    } catch {
      // already closed
    }
  }
}

/** Splits a byte stream into lines (handed over a chunk at a time), keeping a partial tail until it completes. */
export function lineSplitter(onLines: (lines: string[]) => void) {
  let tail = '';
  return {
    push(chunk: Buffer | string) {
      const text = tail + chunk.toString();
      const parts = text.split('\n');
      tail = parts.pop() ?? '';
      if (tail.length > 64 * 1024) {
        parts.push(tail);
        tail = '';
      }
      if (parts.length) onLines(parts.map((p) => (p.endsWith('\r') ? p.slice(0, -1) : p)));
    },
    end() {
      if (tail) onLines([tail]);
      tail = '';
    },
  };
}

/** All log files of the given instances (rotated ones first), read and merged in time order. */
export function readMergedLogs(logsDir: string, filter: (instanceId: string) => boolean, sinceMs?: number): LogLine[] {
  if (!fs.existsSync(logsDir)) return [];
  const lines: LogLine[] = [];
  // Oldest first (name.log.3, .2, .1, then name.log), so equal timestamps keep their written order.
  const files = fs.readdirSync(logsDir).flatMap((name) => {
    const f = logFileInstance(name);
    return f && filter(f.instance) ? [{ name, ...f }] : [];
  });
  for (const f of files.sort((a, b) => b.generation - a.generation)) {
    for (const raw of fs.readFileSync(path.join(logsDir, f.name), 'utf8').split('\n')) {
      const l = parseLogLine(f.instance, raw);
      if (l && (sinceMs === undefined || Date.parse(l.at) >= sinceMs)) lines.push(l);
    }
  }
  // Stable sort keeps each file's own order for equal timestamps.
  return lines.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/**
 * Where a bundled service's log lines go: its stdout, which its daemon reads. A process must never
 * hang, or stop serving, because its log cannot be written. pino's default writer (sonic-boom)
 * keeps a line whose write failed and, at exit, retries it every 100 ms for ever: with the daemon
 * gone (EPIPE) an instance told to stop never exits, and `hmsops down` after a daemon's SIGKILL
 * waited out its whole stop timeout. Here a line nobody can read any more is dropped, and a
 * reader that is only slow (EAGAIN) is waited for, a bounded time.
 */
import fs from 'node:fs';

const SLOW_READER_WAIT_MS = 10;
const SLOW_READER_GIVE_UP_MS = 5000;
const pause = new Int32Array(new SharedArrayBuffer(4));

export function stdoutLines(fd = 1): { write(line: string): void } {
  let gone = false;
  return {
    write(line: string) {
      if (gone) return;
      let bytes = Buffer.from(line);
      let waited = 0;
      while (bytes.length) {
        try {
          bytes = bytes.subarray(fs.writeSync(fd, bytes));
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if ((code === 'EAGAIN' || code === 'EBUSY') && waited < SLOW_READER_GIVE_UP_MS) {
            Atomics.wait(pause, 0, 0, SLOW_READER_WAIT_MS);
            waited += SLOW_READER_WAIT_MS;
            continue;
          }
          // EPIPE (the reader is gone), EBADF, or a reader stalled for seconds: this line is lost,
          // and after EPIPE or EBADF every later one too.
          if (code !== 'EAGAIN' && code !== 'EBUSY') gone = true;
          return;
        }
      }
    },
  };
}

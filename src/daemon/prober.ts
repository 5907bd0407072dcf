/** How the supervisor asks an instance whether it is alive or ready: one HTTP GET at the address it listens on. */
import http from 'node:http';

export interface ProbeResult {
  ok: boolean;
  detail: string;
}

export type Prober = (host: string, port: number, path: string, timeoutMs: number) => Promise<ProbeResult>;

/** 2xx and 3xx pass; anything else, a timeout or a refused connection fails, with what happened. */
export const httpProbe: Prober = (host, port, path, timeoutMs) =>
  new Promise((resolve) => {
    const req = http.get({ host, port, path, timeout: timeoutMs, agent: false }, (res) => {
      res.resume();
      const ok = (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 400;
      resolve({ ok, detail: `HTTP ${res.statusCode}` });
    });
    req.on('timeout', () => {
      req.destroy();
      resolve({ ok: false, detail: `timeout after ${timeoutMs}ms` });
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ ok: false, detail: err.code ?? err.message }));
  });

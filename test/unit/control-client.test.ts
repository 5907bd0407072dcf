import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ControlClient } from '../../src/control/client.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A daemon's control socket that answers `{ok: true}` after `delayMs`. */
async function slowDaemon(delayMs: number): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-control-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const socket = path.join(dir, 'control.sock');
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((_req, res) => {
    const t = setTimeout(() => {
      timers.delete(t);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: true }));
    }, delayMs);
    timers.add(t);
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return socket;
}

describe('the control client', () => {
  // `up` that restarts a service answers when the replacement is ready: seconds under load.
  // Node's global agent (19 and later) gave up on such a call after 5 s without a byte.
  it('waits for an answer that takes longer than 5 s', async () => {
    const client = new ControlClient(await slowDaemon(5500));
    const started = Date.now();
    await expect(client.call('GET /v1/status')).resolves.toEqual({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(5400);
  });

  it('gives up after the timeout a call asks for, saying the daemon could not be reached', async () => {
    const client = new ControlClient(await slowDaemon(5000));
    const started = Date.now();
    await expect(client.call('GET /v1/status', {}, { timeoutMs: 200 })).rejects.toMatchObject({ code: 'DAEMON_UNREACHABLE', message: 'cannot reach the daemon: timeout' });
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('says the daemon could not be reached when it dies mid-answer, instead of waiting for ever', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-control-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const socket = path.join(dir, 'control.sock');
    const server = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"ok":');
      setTimeout(() => req.socket.destroy(), 20);
    });
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    await expect(new ControlClient(socket).call('GET /v1/status')).rejects.toMatchObject({
      code: 'DAEMON_UNREACHABLE',
      message: expect.stringContaining('cannot reach the daemon'),
    });
  });
});

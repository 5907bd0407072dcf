/** The SDK's HTTP (node:http, connections kept): against a plain server that answers, stalls or cuts. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HmsopsClient } from '../../src/sdk/index.js';

let server: http.Server;
let url: string;
let connections = 0;
const seen: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? '-'} ${body}`);
      if (req.url === '/echo') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ got: body ? JSON.parse(body) : null }));
      if (req.url === '/refused') return res.writeHead(422, { 'content-type': 'application/json' }).end('{"error":{"code":"VALIDATION","message":"amountCents: expected > 0"}}');
      if (req.url === '/stall') return; // never answers
      if (req.url === '/cut') {
        // Headers and half a body, then the connection is gone.
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"half":');
        setTimeout(() => req.socket.destroy(), 20);
        return;
      }
      res.writeHead(404).end();
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('the SDK client over HTTP', () => {
  it('keeps one connection for calls one after another, sends JSON with the token, and gives refusals their code and status', async () => {
    const client = new HmsopsClient(url, { token: 'tok', retryForMs: 0 });
    const before = connections;
    seen.length = 0;
    for (let i = 0; i < 5; i++) expect(await client.call('POST', '/echo', { i, name: 'Zoë' })).toEqual({ got: { i, name: 'Zoë' } });
    expect(await client.call('GET', '/echo')).toEqual({ got: null });
    await expect(client.call('POST', '/refused', {})).rejects.toMatchObject({ name: 'HmsopsApiError', status: 422, code: 'VALIDATION', message: 'amountCents: expected > 0' });
    expect(connections - before).toBe(1);
    expect(seen[0]).toBe('POST /echo Bearer tok {"i":0,"name":"Zoë"}');
    await client.close();
  });

  it('fails with ETIMEDOUT when no answer comes in time, and sends a read again until its time is up', async () => {
    const client = new HmsopsClient(url, { token: 'tok', timeoutMs: 150 });
    seen.length = 0;
    const t0 = Date.now();
    await expect(client.call('POST', '/stall', {}, {}, { retryForMs: 0 })).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(seen).toHaveLength(1);
    // A read is safe to repeat: sent again until retryForMs has passed, then the last failure.
    seen.length = 0;
    await expect(client.call('GET', '/stall', undefined, {}, { retryForMs: 400 })).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    expect(seen.length).toBeGreaterThanOrEqual(2);
    await client.close();
  });

  it('fails with the errno of a connection cut mid-answer, and sends again only what is safe to repeat', async () => {
    const client = new HmsopsClient(url, { token: 'tok' });
    seen.length = 0;
    await expect(client.call('POST', '/cut', { pay: 1 }, {}, { retryForMs: 1000 })).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(seen).toHaveLength(1);
    seen.length = 0;
    await expect(client.call('GET', '/cut', undefined, {}, { retryForMs: 300 })).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(seen.length).toBeGreaterThanOrEqual(2);
    await client.close();
  });

  it('reaches a gateway at an IPv6 literal (http://[::1]:PORT)', async (ctx) => {
    const v6 = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"over":"v6"}'));
    const listening = await new Promise<boolean>((resolve) => v6.once('error', () => resolve(false)).listen(0, '::1', () => resolve(true)));
    if (!listening) return ctx.skip(); // a machine without IPv6 loopback
    const client = new HmsopsClient(`http://[::1]:${(v6.address() as AddressInfo).port}`, { token: 'tok', retryForMs: 0 });
    try {
      expect(await client.call('GET', '/anything')).toEqual({ over: 'v6' });
    } finally {
      await client.close();
      await new Promise((resolve) => v6.close(resolve));
    }
  });

  it('fails with ECONNREFUSED where nothing listens, and sends again only what is repeatable', async () => {
    const gone = http.createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const port = (gone.address() as AddressInfo).port;
    await new Promise((resolve) => gone.close(resolve));
    const client = new HmsopsClient(`http://127.0.0.1:${port}`, { token: 'tok' });
    const retries: string[] = [];
    await expect(client.call('POST', '/x', {}, {}, { retryForMs: 500, onRetry: (why) => retries.push(why) })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(retries).toEqual([]);
    await expect(client.call('GET', '/x', undefined, {}, { retryForMs: 200, onRetry: (why) => retries.push(why) })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(retries.length).toBeGreaterThan(0);
    await client.close();
  });
});

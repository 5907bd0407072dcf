import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readMergedLogs, RotatingLog } from '../../src/state/log-files.js';
import { AccessEntry, accessLine, AccessLog } from '../../src/gateway/access-log.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-access-'));
  dirs.push(d);
  return d;
};

const entry = (url: string, requestId = 'req-1') => {
  const e = new AccessEntry('GET', url, requestId);
  Object.assign(e, { service: 'ach', route: '/ach', instance: 'ach-1', status: 200, ms: 1.25 });
  return e;
};

describe('access log', () => {
  it('writes each line as ASCII JSON that reads back to what the client sent', () => {
    // The head is read as latin1: a byte over 0x7e arrives as one character of its own.
    const url = '/ach/v1/"quoted"\\path?name=Jos\u00e9&x=\u00ff';
    const line = accessLine('2026-11-24T12:00:00.000Z', entry(url, 'id\twith tab'));
    expect(line).toMatch(/^[\x20-\x7e]*\n$/);
    expect(JSON.parse(line)).toMatchObject({
      msg: 'access',
      method: 'GET',
      url,
      requestId: 'id\twith tab',
      service: 'ach',
      route: '/ach',
      instance: 'ach-1',
      status: 200,
      ms: 1.25,
    });
  });

  it('writes the duration in milliseconds to two decimals', () => {
    for (const ms of [0, 0.004, 0.05, 0.5, 1.25, 3, 12.345, 999.999, 65_432.1]) {
      const e = entry('/ach/v1/x');
      e.ms = ms;
      expect(JSON.parse(accessLine('2026-11-24T12:00:00.000Z', e)).ms, String(ms)).toBe(Math.round(ms * 100) / 100);
    }
  });

  it('batches lines into the file, and a line longer than the batch buffer goes whole', () => {
    const dir = tmp();
    const file = path.join(dir, 'gateway-1.access.log');
    const log = new AccessLog(new RotatingLog(file, 10 * 1024 * 1024, 2));
    for (let i = 0; i < 1000; i++) log.write(entry(`/ach/v1/transfers/${i}`));
    const long = `/ach/v1/${'\u00e9'.repeat(20_000)}`; // escaped to 120,000 bytes
    log.write(entry(long));
    log.write(entry('/ach/v1/last'));
    log.close();
    const urls = readMergedLogs(dir, () => true).map((l) => JSON.parse(l.text).url);
    expect(urls).toHaveLength(1002);
    expect(urls.slice(0, 3)).toEqual(['/ach/v1/transfers/0', '/ach/v1/transfers/1', '/ach/v1/transfers/2']);
    expect(urls.slice(-2)).toEqual([long, '/ach/v1/last']);
  });
});

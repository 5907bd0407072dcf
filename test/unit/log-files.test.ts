import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accessLogFileFor, formatLogLine, lineSplitter, logFileInstance, readMergedLogs, RotatingLog } from '../../src/state/log-files.js';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-logs-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('instance logs', () => {
  it('rotates by size, keeps at most maxFiles files, and reads them back in written order', () => {
    // One frozen clock: every line has the same timestamp, so only file order can keep lines in order.
    vi.useFakeTimers({ now: new Date('2026-11-24T12:00:00Z'), toFake: ['Date'] });
    const dir = tmp();
    const log = new RotatingLog(path.join(dir, 'ach-1.log'), 1000, 3);
    for (let i = 0; i < 100; i++) log.write('out', `line ${i} ${'x'.repeat(40)}`);
    log.close();
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['ach-1.log', 'ach-1.log.1', 'ach-1.log.2']);
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThanOrEqual(1000);
    const kept = readMergedLogs(dir, () => true).map((l) => l.text);
    expect(kept.at(-1)).toContain('line 99 ');
    expect(kept.length).toBeLessThan(100);
    const numbers = kept.map((t) => Number(/line (\d+)/.exec(t)![1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    vi.useRealTimers();
  });

  it('ignores writes after close instead of throwing', () => {
    const dir = tmp();
    const log = new RotatingLog(path.join(dir, 'a-1.log'), 1000, 2);
    log.close();
    expect(() => log.write('out', 'late')).not.toThrow();
  });

  it('merges instances in time order and filters by time', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'a-1.log'), '2026-01-01T00:00:01.000Z out a1\n2026-01-01T00:00:03.000Z err a3\n');
    fs.writeFileSync(path.join(dir, 'b-1.log'), '2026-01-01T00:00:02.000Z out b2\n');
    expect(readMergedLogs(dir, () => true).map((l) => `${l.instance}:${l.text}`)).toEqual(['a-1:a1', 'b-1:b2', 'a-1:a3']);
    expect(readMergedLogs(dir, () => true, Date.parse('2026-01-01T00:00:02Z')).map((l) => l.text)).toEqual(['b2', 'a3']);
  });

  it('splits a byte stream into whole lines, keeping a partial tail', () => {
    const got: string[] = [];
    const s = lineSplitter((lines) => got.push(...lines));
    s.push('one\ntw');
    s.push('o\r\nthree');
    expect(got).toEqual(['one', 'two']);
    s.end();
    expect(got).toEqual(['one', 'two', 'three']);
  });

  it("merges a gateway's access-log files (one per worker, rotated too) into its instance log", () => {
    const dir = tmp();
    expect(path.basename(accessLogFileFor(dir, 'gateway-1'))).toBe('gateway-1.access.log');
    expect(path.basename(accessLogFileFor(dir, 'gateway-1', 2))).toBe('gateway-1.access-w2.log');
    expect(logFileInstance('gateway-1.access-w2.log.1')).toEqual({ instance: 'gateway-1', generation: 1 });
    expect(logFileInstance('ach-2.log')).toEqual({ instance: 'ach-2', generation: 0 });
    expect(logFileInstance('hmsopsd.log')).toBeUndefined();
    expect(logFileInstance('notes.txt')).toBeUndefined();
    const at = (s: number) => new Date(Date.UTC(2026, 10, 24, 12, 0, s));
    fs.writeFileSync(path.join(dir, 'gateway-1.log'), formatLogLine(at(0), 'out', 'listening') + formatLogLine(at(4), 'err', 'warning'));
    fs.writeFileSync(path.join(dir, 'gateway-1.access-w1.log.1'), formatLogLine(at(1), 'out', 'w1 old'));
    fs.writeFileSync(path.join(dir, 'gateway-1.access-w1.log'), formatLogLine(at(3), 'out', 'w1 new'));
    fs.writeFileSync(path.join(dir, 'gateway-1.access-w2.log'), formatLogLine(at(2), 'out', 'w2'));
    fs.writeFileSync(path.join(dir, 'web-1.log'), formatLogLine(at(2), 'out', 'not the gateway'));
    const lines = readMergedLogs(dir, (i) => i === 'gateway-1');
    expect(lines.map((l) => `${l.instance} ${l.text}`)).toEqual(['gateway-1 listening', 'gateway-1 w1 old', 'gateway-1 w2', 'gateway-1 w1 new', 'gateway-1 warning']);
  });
});

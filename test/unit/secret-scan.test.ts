import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { statePaths } from '../../src/state/paths.js';
import { findSecrets } from '../helpers/secret-scan.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('the secret scan run at every test fleet teardown', () => {
  it("finds a fleet's password or token in its logs or the CLI's output, naming the kind and the place, not the secret", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-scan-'));
    dirs.push(dir);
    const paths = statePaths(dir);
    fs.mkdirSync(paths.run, { recursive: true });
    fs.mkdirSync(paths.logs, { recursive: true });
    fs.writeFileSync(paths.credentials, JSON.stringify({ username: 'operator', password: 'correct horse battery staple' }));
    fs.writeFileSync(paths.fleetToken, 'f1eet-t0ken-0123456789abcdef\n');
    fs.writeFileSync(path.join(paths.logs, 'auth-1.log'), 'login ok\n');
    expect(findSecrets(paths, ['fleet stopped'])).toEqual([]);
    fs.appendFileSync(path.join(paths.logs, 'auth-1.log'), '{"body":{"password":"correct horse battery staple"}}\n');
    const hits = findSecrets(paths, ['token f1eet-t0ken-0123456789abcdef']);
    expect(hits).toEqual(["the operator's password in logs/auth-1.log", 'the fleet token in the CLI output']);
    expect(hits.join(' ')).not.toContain('battery');
  });

  it('finds a full account number where it stands alone, not inside a longer run of digits such as a trace number', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-scan-'));
    dirs.push(dir);
    const paths = statePaths(dir);
    fs.mkdirSync(paths.data, { recursive: true });
    const db = new Database(path.join(paths.data, 'ach.sqlite'));
    db.exec("CREATE TABLE transfers (account TEXT); INSERT INTO transfers VALUES ('10000123'), ('42')");
    db.close();
    expect(findSecrets(paths, ['traceNumber 091000010000123, file_20261129100001230'])).toEqual([]);
    expect(findSecrets(paths, ['{"account":"10000123"}'])).toEqual(['a full account number in the CLI output']);
    expect(findSecrets(paths, ['account 10000123'])).toEqual(['a full account number in the CLI output']);
  });
});

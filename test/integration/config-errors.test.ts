import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { cliPath, repoRoot } from '../helpers/fleet.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function hmsopsIn(files: Record<string, string>, args: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-cfg-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const r = await execa(process.execPath, [cliPath, ...args], { cwd: dir, reject: false, env: { NO_COLOR: '1' } });
  return { dir, exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
}

describe('config errors', () => {
  it('lists every problem at once with file:line:column and exits 2', async () => {
    const yaml = [
      'version: 1',
      'gateway:',
      '  port: eighty',
      '  colour: blue',
      'services:',
      '  ach:',
      '    instances: -1',
      '  billing:',
      '    instances: 2',
      '  web:',
      '    command: node web.js',
      '    stopTimeout: soon',
      '',
    ].join('\n');
    const r = await hmsopsIn({ 'hmsops.config.yaml': yaml }, ['up']);
    expect(r.exitCode).toBe(2);
    const file = path.join(r.dir, 'hmsops.config.yaml');
    expect(r.stderr).toContain(`${file}:3:9: gateway.port: expected a whole number, got string "eighty"`);
    expect(r.stderr).toContain(`${file}:4:3: gateway.colour: unknown key "colour"`);
    expect(r.stderr).toContain(`${file}:7:16: services.ach.instances: must be at least 0, got -1`);
    expect(r.stderr).toContain(`${file}:9:5: services.billing: "billing" is not a bundled service`);
    expect(r.stderr).toContain(`${file}:12:18: services.web.stopTimeout: "soon" is not a duration with its unit`);
    expect(r.stderr).toContain('5 problems');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(fs.existsSync(path.join(r.dir, '.hmsops', 'run', 'hmsopsd.lock'))).toBe(false); // nothing started
  });

  it('refuses a duration without its unit, a number or a text, saying what to write, and a flag alike', async () => {
    const yaml = ['version: 1', 'gateway:', '  upstreamTimeout: 30', 'services:', '  web:', '    command: node web.js', '    stopTimeout: "10"', ''].join('\n');
    const r = await hmsopsIn({ 'hmsops.config.yaml': yaml }, ['up']);
    expect(r.exitCode).toBe(2);
    const file = path.join(r.dir, 'hmsops.config.yaml');
    expect(r.stderr).toContain(`${file}:3:20: gateway.upstreamTimeout: expected a duration with its unit, such as 30s, 500ms or 5m, got number 30 (was it 30s or 30ms?)`);
    expect(r.stderr).toContain(`${file}:7:18: services.web.stopTimeout: "10" is not a duration with its unit, such as 30s, 500ms or 5m`);
    const flag = await hmsopsIn({}, ['up', '--timeout', '30']);
    expect([flag.exitCode, flag.stderr.trim()]).toEqual([2, expect.stringContaining('--timeout: expected a duration such as 30s, got "30"')]);
  });

  it('writes the problems of an invalid grant as JSON on stdout with --json (and for people on stderr), exit 2', async () => {
    const grant = path.join(repoRoot, 'fixtures', 'grants', 'mistakes.yaml');
    const r = await hmsopsIn({}, ['disburse', '--grant', grant, '--json']);
    expect(r.exitCode).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.error).toMatchObject({ code: 'INVALID_INPUT', exitCode: 2 });
    expect(out.error.problems).toHaveLength(17);
    expect(out.error.problems[0]).toEqual({ file: grant, line: 9, column: 9, path: 'originator.name', message: expect.stringContaining('at most 16') });
    expect(r.stderr).toContain('17 problems');
  });

  it('gives one answer without a fleet: exit 4 and the same message from every command that needs one, nothing written', async () => {
    const grant = path.join(repoRoot, 'fixtures', 'grants', 'dol-training.yaml');
    const commands = [
      ['disburse', '--grant', grant],
      ['disbursements', 'ls'],
      ['reconcile', 'G-1'],
      ['mail', 'ls'],
      ['ach', 'files'],
      ['registry', 'ls'],
      ['scale', 'ach=2'],
    ];
    for (const args of commands) {
      const r = await hmsopsIn({}, args);
      expect([args.join(' '), r.exitCode, r.stderr.trim()]).toEqual([args.join(' '), 4, 'error: no hmsops daemon runs for this state dir (start one with `hmsops up`)']);
      expect(fs.existsSync(path.join(r.dir, '.hmsops', 'disbursements'))).toBe(false);
    }
    // ps says nothing runs (exit 0), with the keys it has when a daemon runs.
    const ps = await hmsopsIn({}, ['ps', '--json']);
    expect([ps.exitCode, JSON.parse(ps.stdout)]).toEqual([0, { daemon: null, instances: [] }]);
  });

  it('refuses messaging with nowhere to deliver (no mail-sink, no smtp.url), naming both remedies', async () => {
    const yaml = 'version: 1\nservices:\n  auth: {}\n  ach: {}\n  analytics: {}\n  messaging: { instances: 1 }\n';
    const r = await hmsopsIn({ 'hmsops.config.yaml': yaml }, ['up']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(
      `${path.join(r.dir, 'hmsops.config.yaml')}:6:14: services.messaging: messaging has no SMTP server to deliver to: add mail-sink to services (the bundled sink), or set smtp.url to a relay`,
    );
    expect(fs.existsSync(path.join(r.dir, '.hmsops', 'run', 'hmsopsd.lock'))).toBe(false);
    // Either remedy is enough.
    for (const fixed of [`${yaml}  mail-sink: {}\n`, `${yaml}smtp: { url: "smtp://relay.example:25" }\n`]) {
      const ok = await hmsopsIn({ 'hmsops.config.yaml': fixed }, ['config', 'print']);
      expect(ok.exitCode, ok.stderr).toBe(0);
    }
  });

  it('reports YAML syntax errors with their line', async () => {
    const r = await hmsopsIn({ 'hmsops.config.yaml': 'version: 1\nservices:\n  web: {command: "x"\n' }, ['config', 'print']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/hmsops\.config\.yaml:\d+:\d+: /);
  });

  it('finds the config in package.json and in .hmsopsrc.json, with positions', async () => {
    const pkg = JSON.stringify({ name: 'x', hmsops: { version: 1, services: { ach: { instances: 'two' } } } }, null, 2);
    const r = await hmsopsIn({ 'package.json': pkg }, ['config', 'print']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/package\.json:7:22: services\.ach\.instances: expected a whole number/);
    const rc = await hmsopsIn({ '.hmsopsrc.json': JSON.stringify({ version: 1, gateway: { port: 9999 } }) }, ['config', 'print', '--json']);
    expect(rc.exitCode, rc.stderr).toBe(0);
    expect(JSON.parse(rc.stdout).gateway.port).toBe(9999);
  });

  it('prints the config in the keys its file takes, with the defaults: printed again from a file of that output, it is the same', async () => {
    const yaml = [
      'version: 1',
      'gateway: { port: 9090, upstreamTimeout: 45s }',
      'services:',
      '  ach: { instances: 3 }',
      '  web: { command: node web.js, stopTimeout: 3s }',
      '',
    ].join('\n');
    const first = await hmsopsIn({ 'hmsops.config.yaml': yaml }, ['config', 'print']);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stdout).toContain('upstreamTimeout: 45s');
    expect(first.stdout).not.toMatch(/Ms:|Bytes:/); // no resolved names the file would refuse
    const again = await hmsopsIn({ 'hmsops.config.yaml': first.stdout }, ['config', 'print']);
    expect([again.exitCode, again.stdout]).toEqual([0, first.stdout]);
    const json = JSON.parse((await hmsopsIn({ 'hmsops.config.yaml': first.stdout }, ['config', 'print', '--json'])).stdout);
    expect(json).toMatchObject({ gateway: { port: 9090, upstreamTimeout: '45s', bodyLimit: '10mb' }, services: { ach: { instances: 3 }, web: { stopTimeout: '3s' } } });
  });

  it('says in words why a file could not be read (no such file), not the errno', async () => {
    for (const args of [
      ['disburse', '--grant', 'missing.yaml'],
      ['ach', 'verify', 'missing.ach'],
    ]) {
      const r = await hmsopsIn({}, args);
      expect(r.stderr, args.join(' ')).toContain(`missing.${args[0] === 'ach' ? 'ach' : 'yaml'}: no such file`);
      expect(r.stderr).not.toContain('ENOENT');
    }
  });

  it('prints a JSON Schema that describes the config', async () => {
    const r = await hmsopsIn({}, ['config', 'schema']);
    expect(r.exitCode).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.services.additionalProperties.properties.instances).toMatchObject({ type: 'integer', minimum: 0 });
    expect(schema.properties.gateway.additionalProperties).toBe(false);
  });

  it('prints each default in the JSON Schema, and durations and sizes as JSON Schema says them', async () => {
    const r = await hmsopsIn({}, ['config', 'schema']);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.gateway.properties.port).toMatchObject({ type: 'integer', default: 8080 });
    expect(schema.properties.gateway.properties.upstreamTimeout).toMatchObject({ default: '30s', type: 'string', pattern: expect.stringContaining('(ms|s|m|h)') });
    expect(schema.properties.logs.properties.maxSize).toMatchObject({ default: '10mb' });
    const service = schema.properties.services.additionalProperties.properties;
    expect(service.restart.properties.maxRestarts.default).toBe(5);
    expect(service.health.properties.liveness.properties.interval.default).toBe('2s');
    expect(service.health.properties.readiness.properties.interval.default).toBe('1s');
    // Only JSON Schema: the checker's own annotations are not printed.
    expect(r.stdout).not.toMatch(/x-kind|x-hint/);
  });

  it('exits 2 with a short message for an unknown option, without a stack trace', async () => {
    const r = await hmsopsIn({}, ['up', '--frobnicate']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("unknown option '--frobnicate'");
    expect(r.stderr).not.toContain('    at ');
  });

  it('exits 2 for a --batch-size that is not a whole number from 1 to 10,000 (or --batches-in-flight from 1 to 8), before anything is read or sent', async () => {
    for (const bad of ['abc', '0', '10001', '2.5']) {
      const r = await hmsopsIn({}, ['disburse', '--grant', 'nowhere.yaml', '--batch-size', bad]);
      expect(r.exitCode, bad).toBe(2);
      expect(r.stderr).toContain(`--batch-size: expected a whole number from 1 to 10000, got "${bad}"`);
    }
    const inFlight = await hmsopsIn({}, ['disburse', '--grant', 'nowhere.yaml', '--batches-in-flight', '9']);
    expect(inFlight.exitCode).toBe(2);
    expect(inFlight.stderr).toContain('--batches-in-flight: expected a whole number from 1 to 8, got "9"');
  });

  it('refuses a fleet across machines set up wrongly: etcd without endpoints or a fleet secret, a secret others can read, an address no one reaches', async () => {
    const missing = await hmsopsIn({ 'hmsops.config.yaml': 'version: 1\nregistry: { backend: etcd }\nhost: { advertise: 0.0.0.0 }\n' }, ['up']);
    expect(missing.exitCode).toBe(2);
    const file = path.join(missing.dir, 'hmsops.config.yaml');
    expect(missing.stderr).toContain(`${file}:2:11: registry: the etcd backend needs endpoints`);
    expect(missing.stderr).toContain('registry: the etcd backend spans hosts: set fleet.secretFile');
    expect(missing.stderr).toMatch(/host\.advertise: expected an IP address of this machine that other hosts reach.*got "0\.0\.0\.0"/);
    const base = 'version: 1\nregistry: { backend: etcd, endpoints: ["http://127.0.0.1:1"] }\nfleet: { secretFile: fleet.secret }\n';
    const open = await hmsopsIn({ 'hmsops.config.yaml': base, 'fleet.secret': 'a-secret-long-enough-to-pass' }, ['up']);
    expect(open.exitCode).toBe(2);
    expect(open.stderr).toMatch(/fleet\.secretFile: .*fleet\.secret is readable by others \(mode 6\d\d\): chmod 600 it/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-cfg-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'fleet.secret'), 'short', { mode: 0o600 });
    fs.writeFileSync(path.join(dir, 'hmsops.config.yaml'), base);
    const short = await execa(process.execPath, [cliPath, 'up'], { cwd: dir, reject: false, env: { NO_COLOR: '1' } });
    expect(short.exitCode).toBe(2);
    expect(String(short.stderr)).toContain('holds fewer than 16 characters');
    const embeddedWithEndpoints = await hmsopsIn({ 'hmsops.config.yaml': 'version: 1\nregistry: { endpoints: ["http://127.0.0.1:2379"] }\n' }, ['up']);
    expect(embeddedWithEndpoints.exitCode).toBe(2);
    expect(embeddedWithEndpoints.stderr).toContain('registry.endpoints: is for the etcd backend (registry.backend: etcd)');
  });
});

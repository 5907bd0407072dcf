/**
 * The bank's windows on each store (a temp SQLite file, a database of its own on the test
 * PostgreSQL): files cut by the ACH service built in-process, merged by the window keeper
 * (services/ach/odfi-windows.ts) at a time the test sets: not before the window's lead, at once
 * when asked, split at the bank's limits, a missed upload's files merged again for the next
 * window with the day's next name and file ID modifier, and what `ach files` is told of each.
 * The SFTP side is odfi-windows.test.ts, on real processes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { readNachaFile } from '../../src/nacha/index.js';
import { ach } from '../../services/ach/app.js';
import { OdfiSender } from '../../services/ach/odfi-sender.js';
import { Windows } from '../../services/ach/odfi-windows.js';
import { transfer } from '../helpers/grants.js';
import { buildInProcess, type InProcessService, tempState } from '../helpers/in-process.js';
import { startSftp } from '../../scripts/sftp-server.mjs';
import { skipWithout } from '../helpers/servers.js';
import { describeStores, type FleetStore, storesFor } from '../helpers/stores.js';

const said: string[] = [];
const log = {
  info: (_o: unknown, m: string) => said.push(m),
  warn: (_o: unknown, m: string) => said.push(m),
  error: (_o: unknown, m: string) => said.push(m),
} as unknown as FastifyBaseLogger;
const settings = { cutoffs: ['14:45'], timezone: 'America/New_York', sendLeadMs: 15 * 60_000, maxLines: 10_000 };
/** Monday 2026-12-07: 13:00 Eastern is before the 14:45 window's lead; 14:35 is inside it. */
const MONDAY_1300 = Date.parse('2026-12-07T18:00:00Z');
const MONDAY_1435 = Date.parse('2026-12-07T19:35:00Z');

describeStores('the bank windows on the %s store', (backend) => {
  const stores = storesFor(backend);
  let state: ReturnType<typeof tempState>;
  let store: FleetStore;
  let a: InProcessService;
  const cutIds: string[] = [];

  beforeAll(async () => {
    state = tempState();
    store = await stores.store();
    a = await buildInProcess(ach, store, state.dir, { instanceId: 'ach-1' });
    for (const grant of ['G-W1', 'G-W2']) {
      const items = Array.from({ length: 12 }, (_, i) => ({ ...transfer(grant, i), idempotencyKey: `${grant}:${i}` }));
      expect((await a.call({ method: 'POST', url: '/v1/transfers:batch', payload: { transfers: items } })).statusCode).toBe(200);
      cutIds.push(JSON.parse((await a.call({ method: 'POST', url: '/v1/files', payload: { grantId: grant } })).body).fileId);
    }
  });
  afterAll(async () => {
    try {
      await a?.close();
      await store?.close();
      await stores.stop();
    } finally {
      state?.remove();
    }
  });

  it('merges what waits only from the lead before the cutoff (or when asked), once, into one upload holding both files', async () => {
    let now = MONDAY_1300;
    const w = new Windows(a.db, settings, log, () => now);
    expect(w.due()).toBe(false);
    expect(await w.mergeWaiting()).toEqual([]);
    now = MONDAY_1435;
    expect(w.due()).toBe(true);
    const [id, ...more] = await w.mergeWaiting();
    expect(more).toEqual([]);
    expect(await w.mergeWaiting(true)).toEqual([]); // nothing waits any more
    const [u] = await w.unsent();
    expect(u).toMatchObject({ id, name: '20261207-1935-001.ach', windowAt: '2026-12-07T19:45:00.000Z', attempts: 0 });
    const read = readNachaFile(u!.body.toString('latin1'));
    expect(read.problems).toEqual([]);
    expect(read.summary.entries).toBe(24);
    expect(read.file!.header.fileIdModifier).toBe('A');
    // Batches by header: CCD and PPD, each holding both grants' entries.
    expect(read.file!.batches.map((b) => [b.header.secCode, b.entries.length])).toEqual([
      ['CCD', 12],
      ['PPD', 12],
    ]);
  });

  it("marks an upload missed, merges its files again for the next window under the day's next name, and says so", async () => {
    let now = Date.parse('2026-12-07T19:50:00Z'); // 14:50 Eastern: 14:45 has passed
    const w = new Windows(a.db, settings, log, () => now);
    const [missed] = await w.unsent();
    await w.markMissed(missed!);
    expect(said.at(-1)).toBe('upload 20261207-1935-001.ach missed its window: its files go in the next one, 2026-12-08 14:45 America/New_York');
    expect(await w.unsent()).toEqual([]);
    now = Date.parse('2026-12-07T19:51:00Z');
    const [again] = await w.mergeWaiting(true);
    const [u] = await w.unsent();
    expect(u).toMatchObject({ id: again, name: '20261207-1951-002.ach', windowAt: '2026-12-08T19:45:00.000Z' });
    expect(readNachaFile(u!.body.toString('latin1')).file!.header.fileIdModifier).toBe('B');
    await w.recordFailure(u!, 'cannot reach the SFTP server');
    expect((await w.unsent())[0]).toMatchObject({ attempts: 1 });
    await w.recordSent(u!, '/outbound/20261207-1951-002.ach', false);
    expect(await w.unsent()).toEqual([]);

    // What `ach files` is told: each file in the upload sent, the window it missed; the uploads.
    const keyFile = path.join(state.dir, 'odfi_key');
    fs.writeFileSync(keyFile, 'not read here', { mode: 0o600 });
    const sender = new OdfiSender(
      a.db,
      { ...settings, sftp: { url: 'sftp://x@127.0.0.1:1', privateKeyFile: keyFile, hostKey: 'SHA256:x', outbound: '/outbound', inbound: '/inbound' }, merge: true },
      'ach-1',
      log,
    );
    const list = await sender.transmissions();
    expect(list.files.map((f) => [f.fileId, f.state, f.upload, f.missedWindows, f.late])).toEqual(
      cutIds.map((id) => [id, 'sent', '20261207-1951-002.ach', ['2026-12-07 14:45 America/New_York'], true]),
    );
    expect(list.uploads.map((x) => [x.name, x.state, x.files.length, x.entries])).toEqual([
      ['20261207-1935-001.ach', 'missed', 2, 24],
      ['20261207-1951-002.ach', 'sent', 2, 24],
    ]);
  });

  it("splits at the bank's limits, a file split across two linked to both", async () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ ...transfer('G-W3', i), idempotencyKey: `G-W3:${i}` }));
    expect((await a.call({ method: 'POST', url: '/v1/transfers:batch', payload: { transfers: items } })).statusCode).toBe(200);
    const fileId = JSON.parse((await a.call({ method: 'POST', url: '/v1/files', payload: { grantId: 'G-W3' } })).body).fileId;
    const w = new Windows(a.db, { ...settings, maxLines: 30 }, log, () => MONDAY_1435);
    const ids = await w.mergeWaiting(true);
    expect(ids.length).toBe(2);
    const uploads = await w.unsent();
    const read = uploads.map((u) => readNachaFile(u.body.toString('latin1')));
    for (const r of read) expect([r.ok, r.summary.records <= 30]).toEqual([true, true]);
    expect(read.reduce((n, r) => n + r.summary.entries, 0)).toBe(30);
    const links = await a.db.all<{ upload_id: string }>('SELECT upload_id FROM upload_files WHERE file_id = ? AND live = 1 ORDER BY upload_id', [fileId]);
    expect(links.map((l) => l.upload_id).sort()).toEqual([...ids].sort());
  });

  it('leaves out a cut file that does not read back, saying so once, and merges the others', async () => {
    const cutOne = async (grant: string) => {
      const items = Array.from({ length: 3 }, (_, i) => ({ ...transfer(grant, i), idempotencyKey: `${grant}:${i}` }));
      expect((await a.call({ method: 'POST', url: '/v1/transfers:batch', payload: { transfers: items } })).statusCode).toBe(200);
      return JSON.parse((await a.call({ method: 'POST', url: '/v1/files', payload: { grantId: grant } })).body).fileId as string;
    };
    const bad = await cutOne('G-BAD');
    const good = await cutOne('G-GOOD');
    await a.db.run('UPDATE files SET body = ? WHERE id = ?', [Buffer.from('not a NACHA file'), bad]);
    const w = new Windows(a.db, settings, log, () => MONDAY_1435);
    const [id] = await w.mergeWaiting(true);
    const links = await a.db.all<{ file_id: string }>('SELECT file_id FROM upload_files WHERE upload_id = ?', [id]);
    expect(links.map((l) => l.file_id)).toEqual([good]);
    expect(await w.mergeWaiting(true)).toEqual([]);
    expect(said.filter((m) => m === `cut file ${bad} does not read back as NACHA: left out of the window's upload`)).toHaveLength(1);
  });
});

describe.skipIf(skipWithout('the sender, one round at a time', ['sshd']))('the sender, one round at a time', () => {
  it("runs an operator's round and its own timer's one after the other: the upload goes up once", async () => {
    // Each thing started is stopped when the test ends, also when a later step throws.
    const sftp = await startSftp();
    onTestFinished(() => sftp.stop());
    const state = tempState();
    onTestFinished(() => state.remove());
    const stores = storesFor('sqlite');
    onTestFinished(() => stores.stop());
    const store = await stores.store();
    onTestFinished(() => store.close());
    const a = await buildInProcess(ach, store, state.dir, { instanceId: 'ach-1' });
    onTestFinished(() => a.close());
    {
      const items = Array.from({ length: 5 }, (_, i) => ({ ...transfer('G-ROUND', i), idempotencyKey: `G-ROUND:${i}` }));
      expect((await a.call({ method: 'POST', url: '/v1/transfers:batch', payload: { transfers: items } })).statusCode).toBe(200);
      expect((await a.call({ method: 'POST', url: '/v1/files', payload: { grantId: 'G-ROUND' } })).statusCode).toBe(201);
      const sender = new OdfiSender(
        a.db,
        { ...settings, sftp: { url: sftp.url, privateKeyFile: sftp.privateKeyFile, hostKey: sftp.hostKey, outbound: '/outbound', inbound: '/inbound' }, merge: true },
        'ach-1',
        log,
      );
      // The same instance asked twice at once (its timer's round and an operator's `ach send`).
      const rounds = await Promise.all([sender.sendDue({ now: true }), sender.sendDue({ now: true })]);
      expect(rounds.flatMap((r) => r.results.map((x) => x.outcome))).toEqual(['sent']);
      expect(fs.readdirSync(path.join(sftp.root, 'outbound')).filter((f) => !f.startsWith('.'))).toHaveLength(1);
    }
  });
});

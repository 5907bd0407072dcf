/**
 * Drill (`npm run drills`): `hmsops disburse` killed with SIGKILL mid-run, after its second batch
 * of ten, and run again, on each store: every recipient is paid exactly once, each in one entry
 * of the grant's files. The disbursement itself on both stores is test/integration/disburse.test.ts.
 */
import { beforeAll, expect, it } from 'vitest';
import type { TestFleet } from '../helpers/fleet.js';
import { disburseFleet } from '../helpers/suite-fleet.js';
import { describeStores } from '../helpers/stores.js';

describeStores('drill: hmsops disburse killed mid-run (%s store)', (backend) => {
  const suite = disburseFleet(backend);
  const { ledger, generate } = suite;
  let fleet: TestFleet;
  beforeAll(() => {
    fleet = suite.fleet();
  });

  it('pays every recipient exactly once when the CLI is killed with SIGKILL mid-run and run again', async () => {
    const n = 1000; // 10 batches of 100: killed after the second
    const file = await generate(n, 'GEN-KILLED', 11);
    const { child } = await suite.disburseUnderWay(file, 'GEN-KILLED');
    child.kill('SIGKILL');
    const killed = await child;
    expect(killed.signal).toBe('SIGKILL');
    const partial = (await ledger<{ n: number }>("SELECT COUNT(*) AS n FROM transfers WHERE grant_id = 'GEN-KILLED'")).n;
    expect(partial).toBeLessThan(n);
    const again = await fleet.hmsops(['disburse', '--grant', file, '--json']);
    expect(again.exitCode, again.stderr).toBe(0);
    const receipt = JSON.parse(again.stdout);
    expect(receipt.totals.paidNow + receipt.totals.alreadyDisbursed).toBe(n);
    expect(receipt.totals.alreadyDisbursed).toBeGreaterThanOrEqual(partial);
    expect(await ledger("SELECT COUNT(*) AS n, COUNT(DISTINCT recipient_id) AS recipients FROM transfers WHERE grant_id = 'GEN-KILLED'")).toEqual({ n, recipients: n });
    const entries = receipt.files.reduce((s: number, f: any) => s + f.entries, 0);
    expect(entries).toBe(n);
  });
});

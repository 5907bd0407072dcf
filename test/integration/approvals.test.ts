/**
 * Dual approval on real processes, with `approvals.over: "$10,000.00"`: an admin adds an approver;
 * `hmsops disburse` of a grant over the limit asks for an approval and stops (exit 7, nothing
 * paid); the operator cannot approve their own request, the approver can; then the same file
 * pays, a changed file asks again, a rejection is said; and a call to the ACH service through the
 * gateway with the operator's token, for a grant nobody approved, is refused. The rules one by
 * one, on both stores, are approvals-in-process.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/sdk/index.js';
import { repoRoot, type TestFleet } from '../helpers/fleet.js';
import { transfer } from '../helpers/grants.js';
import { storeFleet } from '../helpers/suite-fleet.js';

const FLEET = 'version: 1\ngateway: { port: 0 }\napprovals: { over: "$10,000.00" }\nservices:\n  auth: {}\n  ach: {}\n  analytics: {}\n  messaging: {}\n  mail-sink: {}\n';
const ALICE = 'alice has a long password';

describe('dual approval through the CLI', () => {
  const fleetUp = storeFleet('sqlite', FLEET);
  let fleet: TestFleet;
  const grant = path.join(repoRoot, 'fixtures', 'grants', 'dol-training.yaml');
  const asAlice = { env: { HMSOPS_PASSWORD: ALICE } };

  beforeAll(() => {
    fleet = fleetUp();
  });
  const transfers = async (grantId: string) =>
    Number((await fleet.store.query<{ n: number }>('ach', 'SELECT COUNT(*) AS n FROM transfers WHERE grant_id = ?', [grantId]))[0]?.n ?? 0);

  it('holds a grant over the limit until a second user with the approver role approves that very file', async () => {
    // An admin (the seeded operator) adds an approver; the password comes from the environment.
    const added = await fleet.hmsops(['users', 'add', 'alice', '--role', 'approver'], { env: { HMSOPS_NEW_PASSWORD: ALICE } });
    expect(added.exitCode, added.stderr).toBe(0);
    const users = JSON.parse((await fleet.hmsops(['users', 'ls', '--json'])).stdout).users;
    expect(users.map((u: { username: string; roles: string[] }) => [u.username, u.roles])).toEqual([
      ['alice', ['approver']],
      ['operator', ['admin', 'operator']],
    ]);
    expect((await fleet.hmsops(['users', 'add', 'bob', '--role', 'banker'])).exitCode).toBe(2);

    // Over the limit: asked for, nothing sent (exit 7).
    const dry = await fleet.hmsops(['disburse', '--grant', grant, '--dry-run']);
    expect(dry.stdout).toContain('over the approval limit of $10,000.00');
    const first = await fleet.hmsops(['disburse', '--grant', grant]);
    expect(first.exitCode, first.stderr).toBe(7);
    expect(first.stdout).toContain('DOL-ETA-2026-0042 is over the approval limit of $10,000.00');
    expect(first.stdout).toContain('another user with the approver role runs: hmsops approve DOL-ETA-2026-0042');
    const sha = /SHA-256 ([0-9a-f]{64})/.exec(first.stdout)![1];
    expect(await transfers('DOL-ETA-2026-0042')).toBe(0);
    const again = await fleet.hmsops(['disburse', '--grant', grant, '--json']);
    expect(again.exitCode).toBe(7);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'approval-pending', approval: { sha256: sha, status: 'pending', requestedBy: 'operator' } });

    // The operator who asked cannot approve, even as an approver.
    expect((await fleet.hmsops(['users', 'role', 'operator', 'admin,operator,approver'])).exitCode).toBe(0);
    const own = await fleet.hmsops(['approve', 'DOL-ETA-2026-0042', '--yes']);
    expect(own.exitCode).toBe(1);
    expect(own.stderr).toContain("operator asked for DOL-ETA-2026-0042's approval: another user with the approver role decides it");
    // Without --yes and no terminal: refused, nothing approved.
    expect((await fleet.hmsops(['approve', 'DOL-ETA-2026-0042', '--user', 'alice'], asAlice)).exitCode).toBe(2);
    const ls = JSON.parse((await fleet.hmsops(['approvals', 'ls', '--json'])).stdout);
    expect(ls).toMatchObject({ limitCents: 1_000_000, approvals: [{ grantId: 'DOL-ETA-2026-0042', status: 'pending' }] });

    const approved = await fleet.hmsops(['approve', 'DOL-ETA-2026-0042', '--yes', '--user', 'alice'], asAlice);
    expect(approved.exitCode, approved.stderr).toBe(0);
    expect(approved.stderr).toContain(`grant file SHA-256 ${sha}`);
    expect(approved.stdout).toContain('approved DOL-ETA-2026-0042 by alice');

    // That file pays now.
    const paid = await fleet.hmsops(['disburse', '--grant', grant, '--json']);
    expect(paid.exitCode, paid.stderr).toBe(0);
    expect(JSON.parse(paid.stdout).totals).toMatchObject({ paidNow: 10, refused: 0 });

    // A changed file (one amount) is a new request: nothing more is paid under the old approval.
    const changed = path.join(fleet.dir, 'changed.yaml');
    fs.writeFileSync(changed, fs.readFileSync(grant, 'utf8').replace('id: DOL-ETA-2026-0042', 'id: DOL-ETA-2026-0044'));
    const asked = await fleet.hmsops(['disburse', '--grant', changed]);
    expect(asked.exitCode).toBe(7);
    const rejected = await fleet.hmsops(['reject', 'DOL-ETA-2026-0044', '--reason', 'R-0002 is not on the award list', '--user', 'alice'], asAlice);
    expect(rejected.exitCode, rejected.stderr).toBe(0);
    const refused = await fleet.hmsops(['disburse', '--grant', changed]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('DOL-ETA-2026-0044 was rejected by alice');
    expect(refused.stderr).toContain('R-0002 is not on the award list');
    expect(await transfers('DOL-ETA-2026-0044')).toBe(0);
  }, 120_000);

  it('refuses a transfer batch sent straight to the ACH service for a grant over the limit that nobody approved', async () => {
    const credentials = JSON.parse(fs.readFileSync(path.join(fleet.dir, '.hmsops', 'credentials.json'), 'utf8'));
    const client = await connect({ stateDir: path.join(fleet.dir, '.hmsops'), username: credentials.username, password: credentials.password });
    try {
      const items = [1, 2].map((i) => ({ ...transfer('G-DIRECT', i), amountCents: 600_000, idempotencyKey: `G-DIRECT:${i}` }));
      const r = await client.payments.transferBatch(items);
      expect(r.results.map((x) => [x.status, x.error?.code])).toEqual([
        [403, 'APPROVAL_REQUIRED'],
        [403, 'APPROVAL_REQUIRED'],
      ]);
      expect(await transfers('G-DIRECT')).toBe(0);
    } finally {
      await client.close();
    }
  });
});

/**
 * Dual approval in the ACH service, built in-process with `approvals.over` at $10,000.00, on each
 * store: a grant over the limit (in one payment, or in its sum across requests) is stored only
 * under an approval of its file, decided by an approver who did not ask, and within the totals
 * approved. The CLI's side, through the gateway with real users, is approvals.test.ts.
 */
import { beforeAll, expect, it } from 'vitest';
import { transfer } from '../helpers/grants.js';
import { achForSuite, type InProcessService } from '../helpers/in-process.js';
import { describeStores, type FleetStore } from '../helpers/stores.js';

const LIMIT = 1_000_000; // $10,000.00
const SHA = 'a'.repeat(64);
const OTHER_SHA = 'b'.repeat(64);
const olga = { sub: 'u-olga', username: 'olga', roles: ['operator', 'approver'] };
const alice = { sub: 'u-alice', username: 'alice', roles: ['approver'] };
const victor = { sub: 'u-victor', username: 'victor', roles: ['operator'] };

describeStores('dual approval in the ACH service (%s store)', (backend) => {
  const suite = achForSuite(backend, { approvalsOverCents: LIMIT });
  let a: InProcessService;
  let store: FleetStore;
  beforeAll(() => {
    a = suite.ach();
    store = suite.store();
  });

  const json = (r: { body: string }) => JSON.parse(r.body);
  const batch = async (transfers: unknown[], as = victor) => {
    const r = await a.call({ method: 'POST', url: '/v1/transfers:batch', payload: { transfers }, as });
    expect(r.statusCode, r.body).toBe(200);
    return json(r).results as { status: number; error?: { code: string; message: string } }[];
  };
  const pay = (grantId: string, i: number, amountCents: number, extra: Record<string, unknown> = {}) => ({
    ...transfer(grantId, i),
    amountCents,
    idempotencyKey: `${grantId}:${i}`,
    ...extra,
  });
  const stored = async (grantId: string) => Number((await store.query<{ n: number }>('ach', 'SELECT COUNT(*) AS n FROM transfers WHERE grant_id = ?', [grantId]))[0]!.n);
  const ask = (grantId: string, body: Record<string, unknown> = {}, as = olga) =>
    a.call({
      method: 'POST',
      url: '/v1/approvals',
      payload: { grantId, sha256: SHA, program: 'P', agency: 'A', recipients: 2, totalCents: 1_500_000, maxCents: 800_000, ...body },
      as,
    });
  const decide = (id: string, action: 'approve' | 'reject', as: typeof alice, reason?: string) =>
    a.call({ method: 'POST', url: `/v1/approvals/${id}/${action}`, payload: reason ? { reason } : {}, as });

  it('pays a grant under the limit at once, and refuses one over it, in one payment or in its sum across requests, storing none of it', async () => {
    expect((await batch([pay('G-SMALL', 1, 400_000), pay('G-SMALL', 2, 500_000)])).map((r) => r.status)).toEqual([201, 201]);
    const big = await batch([pay('G-BIG', 1, 1_000_001)]);
    expect([big[0]!.status, big[0]!.error?.code]).toEqual([403, 'APPROVAL_REQUIRED']);
    expect(big[0]!.error?.message).toContain('G-BIG is over the approval limit of $10,000.00');
    // Under the limit in this request, over it with what the grant already has: refused.
    expect((await batch([pay('G-SUM', 1, 800_000)]))[0]!.status).toBe(201);
    const more = await batch([pay('G-SUM', 2, 150_000), pay('G-SUM', 3, 100_000)]);
    expect(more.map((r) => r.error?.code)).toEqual(['APPROVAL_REQUIRED', 'APPROVAL_REQUIRED']);
    expect([await stored('G-BIG'), await stored('G-SUM')]).toEqual([0, 1]);
    // A grant of another operator's in the same request is not held up by it.
    const mixed = await batch([pay('G-BIG', 2, 2_000_000), pay('G-OTHER', 1, 1000)]);
    expect(mixed.map((r) => r.status)).toEqual([403, 201]);
  });

  it('is decided by an approver who did not ask, once; then pays that file within its totals, and nothing else', async () => {
    const asked = await ask('G-APPROVE');
    expect(asked.statusCode, asked.body).toBe(201);
    const request = json(asked);
    expect(request).toMatchObject({ status: 'pending', requestedBy: 'olga', totalCents: 1_500_000 });
    const again = await ask('G-APPROVE');
    expect([again.statusCode, json(again).id]).toEqual([200, request.id]);
    // Not an operator: cannot ask.
    expect(json(await ask('G-X', {}, alice)).error.code).toBe('FORBIDDEN');

    const pending = await batch([pay('G-APPROVE', 1, 700_000, { approval: SHA }), pay('G-APPROVE', 2, 800_000, { approval: SHA })]);
    expect(pending.map((r) => r.error?.code)).toEqual(['APPROVAL_REQUIRED', 'APPROVAL_REQUIRED']);
    expect(pending[0]!.error?.message).toContain('is pending: an approver approves it first (hmsops approve G-APPROVE)');

    const own = await decide(request.id, 'approve', olga);
    expect([own.statusCode, json(own).error.code]).toEqual([403, 'SELF_APPROVAL']);
    const notApprover = await decide(request.id, 'approve', { ...victor, roles: ['operator', 'admin'] });
    expect([notApprover.statusCode, json(notApprover).error.code]).toEqual([403, 'FORBIDDEN']);
    const ok = await decide(request.id, 'approve', alice);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json(ok)).toMatchObject({ status: 'approved', decidedBy: 'alice' });
    expect(json(await decide(request.id, 'reject', alice, 'too late')).error.code).toBe('APPROVAL_DECIDED');

    // Another file of the grant is not approved; this one is, within its totals.
    const otherFile = await batch([pay('G-APPROVE', 1, 700_000, { approval: OTHER_SHA }), pay('G-APPROVE', 2, 800_000, { approval: OTHER_SHA })]);
    expect(otherFile.map((r) => r.error?.code)).toEqual(['APPROVAL_REQUIRED', 'APPROVAL_REQUIRED']);
    expect(otherFile[0]!.error?.message).toContain('is not asked for');
    expect((await batch([pay('G-APPROVE', 1, 700_000), pay('G-APPROVE', 2, 800_000)])).map((r) => r.error?.code)).toEqual(['APPROVAL_REQUIRED', 'APPROVAL_REQUIRED']);
    const paid = await batch([pay('G-APPROVE', 1, 700_000, { approval: SHA }), pay('G-APPROVE', 2, 800_000, { approval: SHA })]);
    expect(paid.map((r) => r.status)).toEqual([201, 201]);
    // A third recipient was not in what was approved.
    const extra = await batch([pay('G-APPROVE', 3, 100, { approval: SHA })]);
    expect(extra[0]!.error?.message).toMatch(/would pay 3 recipient\(s\), \$15,001\.00.*more than approved \(2, \$15,000\.00, \$8,000\.00\)/);
    // A reissue pays a returned payment again: not one more recipient, but still under the approval.
    const reissue = await batch([{ ...pay('G-APPROVE', 1, 700_000, { approval: SHA }), idempotencyKey: 'G-APPROVE:R-00001:reissue:1' }]);
    expect(reissue[0]!.status).toBe(201);
    expect(await stored('G-APPROVE')).toBe(3);
  });

  it('records a rejection with its reason; the list says the limit', async () => {
    const request = json(await ask('G-REJECT'));
    const noReason = await decide(request.id, 'reject', alice);
    expect(json(noReason).error.code).toBe('VALIDATION');
    expect(json(await decide(request.id, 'reject', alice, 'not on the award list'))).toMatchObject({ status: 'rejected', reason: 'not on the award list', decidedBy: 'alice' });
    expect((await batch([pay('G-REJECT', 1, 700_000, { approval: SHA }), pay('G-REJECT', 2, 800_000, { approval: SHA })]))[0]!.error?.message).toContain('is rejected');
    const list = json(await a.call({ method: 'GET', url: '/v1/approvals?status=rejected', as: alice }));
    expect(list.limitCents).toBe(LIMIT);
    expect(list.approvals.map((x: { grantId: string }) => x.grantId)).toEqual(['G-REJECT']);
  });

  it('asks the operator role of whoever sends transfers or cuts files', async () => {
    const r = await a.call({ method: 'POST', url: '/v1/transfers:batch', payload: { transfers: [pay('G-ROLE', 1, 100)] }, as: alice });
    expect([r.statusCode, json(r).error.code]).toEqual([403, 'FORBIDDEN']);
    const cut = await a.call({ method: 'POST', url: '/v1/files', payload: {}, as: alice });
    expect(json(cut).error.code).toBe('FORBIDDEN');
  });
});

/** Approvals of grant files over approvals.over: asked for (an operator), listed, approved or rejected (an approver, not the one who asked). */
import { HmsopsError } from '../../../src/errors/index.js';
import { ach as api, shared } from '../../../src/api/schemas.js';
import { actorOf } from '../../kit/audit.js';
import { requireRole, type RoutePlugin } from '../../kit/service.js';
import type { AchDeps } from './deps.js';

export const approvalRoutes: RoutePlugin<AchDeps> = (app, { approvals }) => {
  app.post(
    '/v1/approvals',
    {
      schema: {
        summary: 'Ask for the approval of a grant file (operator); the same file again answers the same request',
        body: api.ApprovalRequest,
        response: { 200: api.Approval, 201: api.Approval },
      },
    },
    async (req, reply) => {
      const who = requireRole(req, 'operator');
      const { created, approval } = await approvals.request(req.body, who, actorOf(req));
      return reply.code(created ? 201 : 200).send(approval);
    },
  );

  app.get(
    '/v1/approvals',
    { schema: { summary: 'Approval requests, oldest first, and the limit over which a grant needs one', querystring: api.ApprovalQuery, response: { 200: api.ApprovalList } } },
    async (req) => ({
      approvals: await approvals.list(req.query),
      limitCents: approvals.limitCents ?? null,
    }),
  );

  for (const [action, decision] of [
    ['approve', 'approved'],
    ['reject', 'rejected'],
  ] as const)
    app.post(
      `/v1/approvals/:id/${action}`,
      {
        schema: {
          summary: `${action === 'approve' ? 'Approve' : 'Reject'} a grant file (approver; not the user who asked)`,
          params: shared.IdParams,
          body: api.Decision,
          response: { 200: api.Approval },
        },
      },
      async (req) => {
        const who = req.identity;
        if (!who) throw new HmsopsError('UNAUTHENTICATED', 'no identity');
        if (decision === 'rejected' && !req.body?.reason)
          throw new HmsopsError('VALIDATION', 'a rejection says why', { extra: { fields: [{ field: 'reason', reason: 'is required to reject' }] } });
        return approvals.decide(req.params.id, who, decision, actorOf(req), req.body?.reason);
      },
    );
};

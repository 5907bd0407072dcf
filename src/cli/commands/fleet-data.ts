/** Read commands over the services' APIs: `mail ls|show`, `analytics report`, and `login`. */
import type { Message, MessageWithRaw } from '../../api/mail-sink.js';
import { UsageError } from '../../errors/index.js';
import { formatCents } from '../../money.js';
import { loadContext, type GlobalOptions } from '../context.js';
import { ok, type CommandResult } from '../end.js';
import { color, printJson, table } from '../output.js';
import { askPassword, keepSession, withClient } from '../session.js';

type Opts = GlobalOptions & { json?: boolean; user?: string };

export async function mailLsCommand(opts: Opts & { to?: string }): Promise<CommandResult> {
  const ctx = await loadContext(opts);
  return withClient(ctx, opts, async (client) => {
    const r = await client.call<{ messages: Message[] }>('GET', `/mail/v1/messages${opts.to ? `?to=${encodeURIComponent(opts.to)}` : ''}`);
    if (opts.json) printJson(r);
    else if (r.messages.length === 0) console.log(color.dim('no messages'));
    else
      console.log(
        table(
          ['ID', 'RECEIVED', 'TO', 'SUBJECT'],
          r.messages.map((m) => [m.id, m.receivedAt, m.to.join(', '), m.subject ?? '']),
        ),
      );
    return ok;
  });
}

export async function mailShowCommand(id: string, opts: Opts): Promise<CommandResult> {
  const ctx = await loadContext(opts);
  return withClient(ctx, opts, async (client) => {
    const m = await client.call<MessageWithRaw>('GET', `/mail/v1/messages/${encodeURIComponent(id)}`);
    if (opts.json) printJson(m);
    else process.stdout.write(m.raw);
    return ok;
  });
}

export async function analyticsReportCommand(opts: Opts & { grant?: string; since?: string }): Promise<CommandResult> {
  const ctx = await loadContext(opts);
  return withClient(ctx, opts, async (client) => {
    if (opts.grant) {
      const r = await client.analytics.grantReport(opts.grant);
      if (opts.json) printJson(r);
      else {
        console.log(
          table(
            ['TYPE', 'STATUS WHEN RECORDED', 'COUNT', 'AMOUNT'],
            r.byType.map((t) => [t.type, t.status ?? '-', String(t.count), formatCents(t.amountCents)]),
          ),
        );
        console.log(`total: ${r.total.count} events, ${formatCents(r.total.amountCents)}`);
        // An event is what happened when it was recorded (a transfer queued); where each stands now is the ledger's.
        console.log(color.dim(`events keep the status their transfer had when recorded; where each stands now: hmsops disbursements show ${opts.grant}`));
      }
    } else {
      const r = await client.analytics.summary(opts.since);
      if (opts.json) printJson(r);
      else {
        console.log(
          table(
            ['TYPE', 'COUNT', 'AMOUNT'],
            r.byType.map((t) => [t.type, String(t.count), formatCents(t.amountCents)]),
          ),
        );
        console.log(`${r.grants} grant(s)`);
      }
    }
    return ok;
  });
}

export async function loginCommand(opts: Opts): Promise<CommandResult> {
  if (!opts.user) throw new UsageError('--user NAME is required');
  const ctx = await loadContext(opts);
  const password = await askPassword(opts.user);
  process.env.HMSOPS_PASSWORD = password;
  return withClient(ctx, opts, async (client) => {
    const me = await client.auth.me();
    const token = client.auth.token()!;
    const expiresAt = new Date(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).exp * 1000).toISOString();
    keepSession(ctx, me.username, token, expiresAt);
    if (opts.json) printJson({ username: me.username, roles: me.roles, expiresAt });
    else console.log(`logged in as ${me.username} (${me.roles.join(', ')}) until ${expiresAt}`);
    return ok;
  });
}

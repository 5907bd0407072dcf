/**
 * The outbox worker: claims due emails (so two instances, on any host, never send the same one)
 * and delivers them over SMTP (nodemailer, pooled), retried with backoff while the SMTP server is
 * unreachable.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import { ControlClient } from '../../src/control/client.js';
import type { ServiceContext } from '../kit/service.js';
import type { ServiceEnv } from '../kit/service-env.js';
import { CLAIM, claimParams } from './claim.js';
import type { EmailRow } from './emails.js';
import { envelopeAddress, plainMessage } from './plain-message.js';

/**
 * While emails keep being queued (a batch in the last second), the outbox claims a few at a time,
 * once a tick: queueing a run's notices is what its caller waits for, delivery is not, and on a
 * small machine both at full speed slow each other (docs/benchmarks.md). At least 125 a second
 * still go out meanwhile.
 */
const QUEUEING_QUIET_MS = 1000;
const CLAIM_WHILE_QUEUEING = 25;
const CLAIM_SIZE = 500;

const MAX_ATTEMPTS = 50;
export const retryDelayMs = (attempts: number) => Math.min(5000, 100 * 2 ** Math.min(attempts, 10));

/** Where mail goes: a configured relay, or the fleet's mail sink found in the registry. */
async function smtpUrl(env: ServiceEnv): Promise<string | undefined> {
  if (env.smtpUrl) return env.smtpUrl;
  const socket = env.controlSocket;
  if (!socket) return undefined;
  const { entries } = await new ControlClient(socket).call('GET /v1/registry', { query: { service: 'mail-sink' } }, { timeoutMs: 2000 });
  const sink = entries.find((e) => e.status === 'passing' && e.metadata.smtpPort);
  return sink ? `smtp://${sink.address}:${sink.metadata.smtpPort}` : undefined;
}

export class Outbox {
  #transport: { url: string; t: Transporter } | undefined;
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #stopped = false;
  /** When emails were last queued here (ms). */
  queuedAt = 0;
  constructor(private readonly ctx: ServiceContext) {}

  start() {
    this.#timer = setInterval(() => this.kick(), 200);
  }
  stop() {
    this.#stopped = true;
    clearInterval(this.#timer);
    this.#transport?.t.close();
  }

  /** Claims due emails so two instances never send the same one, then sends them. */
  kick() {
    if (this.#running || this.#stopped) return;
    this.#running = true;
    // A store that cannot be reached now (a database restarting) is tried again on the next tick, not a crash.
    void this.#drain()
      .catch((err: Error) => this.ctx.log.warn({ reason: (err as { reason?: string }).reason ?? err.message }, 'outbox: the store did not answer; trying again'))
      .finally(() => (this.#running = false));
  }

  async #drain() {
    for (;;) {
      const now = Date.now();
      const { db } = this.ctx;
      const queueing = now - this.queuedAt < QUEUEING_QUIET_MS;
      const claimed = await db.transaction((q) => q.all<EmailRow>(CLAIM[q.dialect], claimParams(q.dialect, now, queueing ? CLAIM_WHILE_QUEUEING : CLAIM_SIZE)));
      if (claimed.length === 0) return;
      let url: string | undefined;
      try {
        url = await smtpUrl(this.ctx.env);
      } catch {
        url = undefined;
      }
      if (!url) {
        for (const e of claimed) await this.#failed(e, 'no SMTP server: the mail sink is not passing and no smtp.url is configured');
        return;
      }
      if (this.#transport?.url !== url) {
        this.#transport?.t.close();
        this.#transport = {
          url,
          t: nodemailer.createTransport({
            url,
            pool: true,
            maxConnections: 16,
            maxMessages: Infinity,
            ignoreTLS: url.startsWith('smtp://'),
            connectionTimeout: 3000,
            greetingTimeout: 3000,
            socketTimeout: 10_000,
          } as SMTPPool.Options),
        };
      }
      const transport = this.#transport.t;
      const from = this.ctx.env.mailFrom;
      let anyFailed = false;
      const sent: string[] = [];
      await Promise.all(
        claimed.map(async (e) => {
          try {
            const messageId = `<${e.id}@hmsops.local>`;
            const raw = e.html ? undefined : plainMessage({ from, to: e.rcpt, subject: e.subject, text: e.text, messageId, date: new Date() });
            await transport.sendMail(
              raw ? { envelope: { from: envelopeAddress(from), to: [e.rcpt] }, raw } : { from, to: e.rcpt, subject: e.subject, text: e.text, html: e.html ?? undefined, messageId },
            );
            sent.push(e.id);
          } catch (err) {
            anyFailed = true;
            await this.#failed(e, (err as Error).message);
          }
        }),
      );
      // One statement for the claim's delivered emails, not one commit each (with PostgreSQL each
      // commit waits for the disk). Their Message-ID is derived from the id, as sent.
      if (sent.length)
        await db.run(
          `UPDATE emails SET status = 'sent', attempts = attempts + 1, sent_at = ?, message_id = '<' || id || '@hmsops.local>', last_error = NULL WHERE ${db.in('id')}`,
          [new Date().toISOString(), sent],
        );
      this.ctx.metrics.inc('messaging_emails_sent_total', 'Emails delivered over SMTP', {}, sent.length);
      if (anyFailed) {
        // A dead relay: a new transport next time, not a pool of broken connections.
        this.#transport?.t.close();
        this.#transport = undefined;
        return;
      }
      if (queueing) return; // the next tick claims again
    }
  }

  async #failed(e: EmailRow, reason: string) {
    const attempts = e.attempts + 1;
    const status = attempts >= MAX_ATTEMPTS ? 'failed' : 'queued';
    await this.ctx.db.run('UPDATE emails SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?', [
      status,
      attempts,
      reason,
      Date.now() + retryDelayMs(attempts),
      e.id,
    ]);
    this.ctx.metrics.inc('messaging_delivery_failures_total', 'SMTP delivery attempts that failed');
  }
}

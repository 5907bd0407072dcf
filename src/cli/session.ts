/**
 * How the CLI gets an SDK client: `--user NAME` (password from HMSOPS_PASSWORD or a prompt),
 * else the session kept from an earlier login (`hmsops login`, or any command's), else the
 * operator's local credentials file. A login made with those credentials is kept as the session
 * (0600, until the token expires), so the next command makes none: a login is a password hash
 * on the auth service, seconds under load.
 */
import fs from 'node:fs';
import path from 'node:path';
import { HmsopsError } from '../errors/index.js';
import { connect, HmsopsApiError, type HmsopsClient, type LoginResult } from '../sdk/index.js';
import type { CliContext } from './context.js';
import { importPromptView } from './views/terminal.js';

export const sessionFile = (ctx: CliContext) => path.join(ctx.paths.run, 'session.json');

export async function askPassword(user: string): Promise<string> {
  if (process.env.HMSOPS_PASSWORD) return process.env.HMSOPS_PASSWORD;
  if (!process.stdin.isTTY) throw new HmsopsError('PASSWORD_REQUIRED', `no password for ${user}: set HMSOPS_PASSWORD or run in a terminal`);
  const { promptPassword } = await importPromptView(() => import('./views/password-prompt.js'));
  return promptPassword(`password for ${user}: `);
}

export async function clientFor(ctx: CliContext, opts: { user?: string } = {}): Promise<HmsopsClient> {
  // No fleet: the one answer (exit 4) before anything else is looked at or written. Only a daemon
  // that is not there counts: one slow to answer under load is left to the calls that follow. A
  // fleet an orchestrator runs (--gateway) has no daemon of ours: its gateway is asked directly.
  if (ctx.gatewayUrl === null)
    await ctx.client.call('GET /v1/status', {}, { timeoutMs: 10_000 }).catch((err: unknown) => {
      if (err instanceof HmsopsError && err.code === 'DAEMON_NOT_RUNNING') throw err;
    });
  const gatewayUrl = ctx.gatewayUrl ?? undefined;
  try {
    if (opts.user) {
      const password = await askPassword(opts.user);
      const client = await connect({ stateDir: ctx.paths.root, gatewayUrl, username: opts.user, password });
      await client.auth.login(opts.user, password);
      return client;
    }
    const kept = keptSession(ctx);
    // The local credentials are this state dir's own fleet's: never sent to a gateway given with --gateway.
    const operator = ctx.gatewayUrl === null ? localOperator(ctx) : undefined;
    const keep = (r: LoginResult) => keepSession(ctx, r.user.username, r.token, r.expiresAt);
    // A session of the local operator's is renewed with the local credentials when refused; anyone else's is not.
    if (kept) return await connect({ stateDir: ctx.paths.root, gatewayUrl, token: kept.token, loginWhenRefused: kept.username === operator, onLogin: keep });
    if (operator === undefined)
      throw new HmsopsError(
        'NO_CREDENTIALS',
        ctx.gatewayUrl
          ? `no session for ${ctx.gatewayUrl}: log in first (hmsops login --gateway ${ctx.gatewayUrl} --user NAME, the password from HMSOPS_PASSWORD or a prompt), or give --user`
          : `no credentials: ${ctx.paths.credentials} does not exist yet (is the fleet up?) and no --user was given`,
      );
    return await connect({ stateDir: ctx.paths.root, gatewayUrl, onLogin: keep });
  } catch (err) {
    throw asCliError(err);
  }
}

/** The user name in the state dir's local credentials (written by the daemon), if any. */
function localOperator(ctx: CliContext): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(ctx.paths.credentials, 'utf8')) as { username: string }).username;
  } catch {
    return undefined;
  }
}

/** The session kept in the state dir, while its token has more than 30 s to run (and it is of the same gateway). */
function keptSession(ctx: CliContext): { username: string; token: string } | undefined {
  try {
    const s = JSON.parse(fs.readFileSync(sessionFile(ctx), 'utf8')) as { username: string; token: string; expiresAt: string; gatewayUrl?: string | null };
    if ((s.gatewayUrl ?? null) !== ctx.gatewayUrl) return undefined;
    return Date.parse(s.expiresAt) > Date.now() + 30_000 ? s : undefined;
  } catch {
    return undefined; // none, or unreadable: log in again
  }
}

/** Forgets the kept session when it is `username`'s (their roles changed: the next command logs in again). */
export function dropSessionOf(ctx: CliContext, username: string): void {
  try {
    const s = JSON.parse(fs.readFileSync(sessionFile(ctx), 'utf8')) as { username: string };
    if (s.username === username) fs.rmSync(sessionFile(ctx), { force: true });
  } catch {
    // none kept
  }
}

/** Keeps a login for the next commands (0600: the token is as good as the password until it expires). */
export function keepSession(ctx: CliContext, username: string, token: string, expiresAt: string) {
  try {
    fs.mkdirSync(path.dirname(sessionFile(ctx)), { recursive: true, mode: 0o700 }); // a state dir no daemon made (--gateway)
    fs.writeFileSync(sessionFile(ctx), JSON.stringify({ username, token, expiresAt, gatewayUrl: ctx.gatewayUrl }), { mode: 0o600 });
  } catch {
    // a state dir we cannot write to (read-only): the next command logs in again
  }
}

/** API errors from the SDK become CLI errors with the service's code. */
export function asCliError(err: unknown): unknown {
  if (err instanceof HmsopsApiError) {
    const error = (err.body as { error?: { fields?: { field: string; reason: string }[]; details?: string[] } } | undefined)?.error;
    const details = [...(error?.fields ?? []).map((f) => `${f.field}: ${f.reason}`), ...(error?.details ?? [])];
    return HmsopsError.passedOn(err.code, err.message, { status: err.status, details });
  }
  return err;
}

/** Runs fn with a logged-in client, turns API errors into CLI errors, and always closes the client. */
export async function withClient<T>(ctx: CliContext, opts: { user?: string }, fn: (client: HmsopsClient) => Promise<T>): Promise<T> {
  const client = await clientFor(ctx, opts);
  try {
    return await fn(client);
  } catch (err) {
    throw asCliError(err);
  } finally {
    await client.close();
  }
}

/**
 * How the CLI gets an SDK client: `--user NAME` (password from HMSOPS_PASSWORD or a prompt),
 * else a session saved by `hmsops login`, else the operator's local credentials file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { HmsopsError } from '../errors/index.js';
import { connect, HmsopsApiError, type HmsopsClient } from '../sdk/index.js';
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
  try {
    if (opts.user) {
      const password = await askPassword(opts.user);
      const client = await connect({ stateDir: ctx.paths.root, username: opts.user, password });
      await client.auth.login(opts.user, password);
      return client;
    }
    if (fs.existsSync(sessionFile(ctx))) {
      const s = JSON.parse(fs.readFileSync(sessionFile(ctx), 'utf8')) as { token: string; expiresAt: string };
      if (Date.parse(s.expiresAt) > Date.now() + 30_000) return await connect({ stateDir: ctx.paths.root, token: s.token });
    }
    if (!fs.existsSync(ctx.paths.credentials))
      throw new HmsopsError('NO_CREDENTIALS', `no credentials: ${ctx.paths.credentials} does not exist yet (is the fleet up?) and no --user was given`);
    return await connect({ stateDir: ctx.paths.root });
  } catch (err) {
    throw asCliError(err);
  }
}

/** API errors from the SDK become CLI errors with the service's code. */
export function asCliError(err: unknown): unknown {
  if (err instanceof HmsopsApiError) {
    const fields = (err.body as { error?: { fields?: { field: string; reason: string }[] } } | undefined)?.error?.fields ?? [];
    return HmsopsError.passedOn(err.code, err.message, { status: err.status, details: fields.map((f) => `${f.field}: ${f.reason}`) });
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

/**
 * `hmsops users ls|add|role`: the fleet's users and their roles (admin). `operator` prepares and
 * runs disbursements, `approver` approves grants over approvals.over (not their own), `admin`
 * manages users, `viewer` reads.
 */
import { UsageError } from '../../errors/index.js';
import { ROLES } from '../../api/auth.js';
import type { User } from '../../sdk/index.js';
import { loadContext, type GlobalOptions } from '../context.js';
import { ok, type CommandResult } from '../end.js';
import { color, printJson, table } from '../output.js';
import { askPassword, dropSessionOf, withClient } from '../session.js';

type Opts = GlobalOptions & { json?: boolean; user?: string };
type Role = (typeof ROLES)[number];

/** `operator,approver` -> the roles, each one known. */
function rolesOf(text: string | undefined): Role[] {
  const roles = [
    ...new Set(
      (text ?? '')
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (!roles.length || unknown.length) throw new UsageError(`--role: expected one or more of ${ROLES.join(', ')} (comma-separated), got "${text ?? ''}"`);
  return roles as Role[];
}

const show = (u: User) => [u.username, u.roles.join(','), u.email, u.disabled ? color.red('disabled') : 'active'];

export async function usersLsCommand(opts: Opts): Promise<CommandResult> {
  const ctx = await loadContext(opts);
  return withClient(ctx, opts, async (client) => {
    const { users } = await client.auth.users();
    if (opts.json) printJson({ users });
    else console.log(table(['USER', 'ROLES', 'EMAIL', 'STATE'], users.map(show)));
    return ok;
  });
}

/** The new user's password: HMSOPS_NEW_PASSWORD, else asked on the terminal (twice would be kinder; a typo is fixed by an admin). */
async function newPassword(name: string): Promise<string> {
  const given = process.env.HMSOPS_NEW_PASSWORD;
  if (given !== undefined) return given;
  const saved = process.env.HMSOPS_PASSWORD;
  // askPassword reads HMSOPS_PASSWORD (the caller's own) first: the prompt is for the new user's.
  delete process.env.HMSOPS_PASSWORD;
  try {
    return await askPassword(`the new user ${name} (at least 12 characters; or HMSOPS_NEW_PASSWORD)`);
  } finally {
    if (saved !== undefined) process.env.HMSOPS_PASSWORD = saved;
  }
}

export async function usersAddCommand(name: string, opts: Opts & { role?: string; email?: string }): Promise<CommandResult> {
  const roles = rolesOf(opts.role);
  const ctx = await loadContext(opts);
  const password = await newPassword(name);
  if (password.length < 12) throw new UsageError(`the password of ${name} must have at least 12 characters`);
  return withClient(ctx, opts, async (client) => {
    const u = await client.auth.createUser({ username: name, password, email: opts.email ?? `${name}@hmsops.local`, roles });
    if (opts.json) printJson(u);
    else console.log(`${color.green('added')} ${u.username}: ${u.roles.join(', ')}`);
    return ok;
  });
}

export async function usersRoleCommand(name: string, roleText: string, opts: Opts): Promise<CommandResult> {
  const roles = rolesOf(roleText);
  const ctx = await loadContext(opts);
  return withClient(ctx, opts, async (client) => {
    const u = await client.auth.setRoles(name, roles);
    // A token carries the roles it was issued with: this CLI's own session, if it is this user's, goes.
    dropSessionOf(ctx, name);
    if (opts.json) printJson(u);
    else {
      console.log(`${u.username}: ${u.roles.join(', ')}`);
      console.log(color.dim(`from ${u.username}'s next login (a token issued before keeps its roles until it expires)`));
    }
    return ok;
  });
}

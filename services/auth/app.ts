/** auth: users, scrypt password hashes, per-account lockout, short-lived EdDSA JWTs, JWKS. main.ts runs it as a process. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { SignJWT } from 'jose';
import { TOKEN_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../src/bearer-tokens.js';
import { buildService, registerRoutes, requireRole, type RoutePlugin, type ServiceDefinition } from '../kit/service.js';
import type { ServiceEnv } from '../kit/service-env.js';
import type { Store } from '../kit/store.js';
import { COLUMN_TYPES } from '../kit/store.js';
import { HmsopsError } from '../../src/errors/index.js';
import { auth as api } from '../../src/api/schemas.js';
import { actorOf, appendAudit, type AuditEvent, auditRoutes, auditTable, system } from '../kit/audit.js';
import { loadOrCreateSigningKey } from './keys.js';
import { lockoutMs, MAX_FAILURES, type PasswordHasher, passwordHasher } from './passwords.js';

const usersTable = (bigint: string) => `CREATE TABLE users (
     id TEXT PRIMARY KEY,
     username TEXT NOT NULL UNIQUE,
     email TEXT NOT NULL,
     roles TEXT NOT NULL,
     password_hash TEXT NOT NULL,
     disabled INTEGER NOT NULL DEFAULT 0,
     failed_count INTEGER NOT NULL DEFAULT 0,
     lockouts INTEGER NOT NULL DEFAULT 0,
     locked_until ${bigint} NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL
   );`;
// The signing key in the store, shared by every auth instance (one slot, 'current', for now).
const signingKeysTable = `CREATE TABLE signing_keys (
     slot TEXT PRIMARY KEY,
     kid TEXT NOT NULL,
     private_jwk TEXT NOT NULL,
     public_jwk TEXT NOT NULL,
     created_at TEXT NOT NULL
   );`;
// The audit log (services/kit/audit.ts): logins that failed, lockouts, users and their roles.
const migrations = {
  sqlite: [usersTable(COLUMN_TYPES.sqlite.bigint), signingKeysTable, auditTable(COLUMN_TYPES.sqlite)],
  postgres: [usersTable(COLUMN_TYPES.postgres.bigint) + signingKeysTable, auditTable(COLUMN_TYPES.postgres)],
};

interface UserRow {
  id: string;
  username: string;
  email: string;
  roles: string;
  password_hash: string;
  disabled: number;
  failed_count: number;
  lockouts: number;
  locked_until: number;
}

const publicUser = (u: UserRow) => ({ id: u.id, username: u.username, email: u.email, roles: JSON.parse(u.roles) as string[], disabled: Boolean(u.disabled) });
interface AuthDeps {
  db: Store;
  key: Awaited<ReturnType<typeof loadOrCreateSigningKey>>;
  tokenTtlMs: number;
  passwords: PasswordHasher;
  byName(username: string): Promise<UserRow | undefined>;
  byId(id: string): Promise<UserRow | undefined>;
}

/** Logging in (a token), the keys that verify tokens, the caller. */
const sessionRoutes: RoutePlugin<AuthDeps> = (app, { db, key, tokenTtlMs, passwords, byName, byId }) => {
  app.post(
    '/v1/login',
    {
      config: { public: true },
      schema: {
        summary: 'Log in; returns a short-lived bearer token',
        body: api.LoginRequest,
        response: { 200: api.LoginResult },
      },
    },
    async (req) => {
      const { username, password } = req.body;
      const now = Date.now();
      const user = await byName(username);
      if (user && user.locked_until > now) {
        const retry = Math.ceil((user.locked_until - now) / 1000);
        throw new HmsopsError('ACCOUNT_LOCKED', `too many failed logins; try again in ${retry}s`, {
          extra: { retryAfterSeconds: retry },
          headers: { 'retry-after': String(retry) },
        });
      }
      const ok = await passwords.verify(password, user?.password_hash ?? passwords.dummy);
      if (!user || !ok) {
        // Counted in the store, so failures at every auth instance add up to one lockout; each in the audit log.
        const locked = await db.transaction(async (q) => {
          const events: AuditEvent[] = [{ action: 'login.failed', detail: { username, known: Boolean(user) } }];
          let until = 0;
          if (user) {
            const counted = await q.get<{ failed_count: number; lockouts: number }>(
              'UPDATE users SET failed_count = failed_count + 1 WHERE id = ? RETURNING failed_count, lockouts',
              [user.id],
            );
            if (counted && counted.failed_count >= MAX_FAILURES) {
              until = now + lockoutMs(counted.lockouts);
              if (await q.run('UPDATE users SET failed_count = 0, lockouts = lockouts + 1, locked_until = ? WHERE id = ? AND failed_count >= ?', [until, user.id, MAX_FAILURES]))
                events.push({ action: 'account.locked', detail: { username, until: new Date(until).toISOString() } });
              else until = 0;
            }
          }
          await appendAudit(q, actorOf(req), events);
          return until > 0;
        });
        if (locked) req.log.warn({ user: username }, 'account locked after repeated failed logins');
        throw new HmsopsError('INVALID_CREDENTIALS', 'invalid username or password');
      }
      if (user.disabled) throw new HmsopsError('ACCOUNT_DISABLED', 'this account is disabled');
      await db.run('UPDATE users SET failed_count = 0, lockouts = 0, locked_until = 0 WHERE id = ?', [user.id]);
      const iat = Math.floor(now / 1000);
      const exp = iat + Math.floor(tokenTtlMs / 1000);
      const roles = JSON.parse(user.roles) as string[];
      const token = await new SignJWT({ username: user.username, roles })
        .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: key.kid, typ: 'JWT' })
        .setSubject(user.id)
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt(iat)
        .setJti(crypto.randomUUID())
        .setExpirationTime(exp)
        .sign(key.privateKey);
      return { token, expiresAt: new Date(exp * 1000).toISOString(), user: publicUser(user) };
    },
  );

  app.get('/v1/jwks.json', { config: { public: true }, schema: { summary: 'Public keys that verify tokens', response: { 200: api.Jwks } } }, async () => ({
    keys: key.publicJwks,
  }));

  app.get('/v1/me', { schema: { summary: 'The calling user', response: { 200: api.User } } }, async (req) => {
    const u = await byId(req.identity!.sub);
    if (!u) throw new HmsopsError('NOT_FOUND', 'user not found');
    return publicUser(u);
  });
};

/** Users (admin): listed, created, given roles, disabled. */
const userRoutes: RoutePlugin<AuthDeps> = (app, { db, passwords, byName, byId }) => {
  app.get('/v1/users', { schema: { summary: 'All users (admin)', response: { 200: api.UserList } } }, async (req) => {
    requireRole(req, 'admin');
    return { users: (await db.all<UserRow>('SELECT * FROM users ORDER BY username')).map(publicUser) };
  });

  app.post(
    '/v1/users',
    {
      schema: {
        summary: 'Create a user (admin)',
        body: api.CreateUserRequest,
        response: { 201: api.User },
      },
    },
    async (req, reply) => {
      requireRole(req, 'admin');
      const b = req.body;
      if (await byName(b.username)) throw new HmsopsError('USERNAME_TAKEN', `user ${b.username} exists`);
      const id = crypto.randomUUID();
      const hash = await passwords.hash(b.password);
      const roles = b.roles ?? ['operator'];
      await db.transaction(async (q) => {
        const { inserted } = await q.insert(
          'users',
          ['id', 'username', 'email', 'roles', 'password_hash', 'created_at'],
          [[id, b.username, b.email, JSON.stringify(roles), hash, new Date().toISOString()]],
          { conflict: 'ON CONFLICT (username) DO NOTHING' },
        );
        if (!inserted) throw new HmsopsError('USERNAME_TAKEN', `user ${b.username} exists`);
        await appendAudit(q, actorOf(req), [{ action: 'user.created', detail: { username: b.username, roles } }]);
      });
      return reply.code(201).send(publicUser((await byId(id))!));
    },
  );

  app.put(
    '/v1/users/:username/roles',
    { schema: { summary: "Set a user's roles (admin)", params: api.UsernameParams, body: api.SetRolesRequest, response: { 200: api.User } } },
    async (req) => {
      requireRole(req, 'admin');
      const { username } = req.params;
      const roles = [...req.body.roles].sort();
      const user = await byName(username);
      if (!user) throw new HmsopsError('NOT_FOUND', `no user ${username}`);
      // The last admin keeps the role: nobody could manage users after.
      const isAdmin = (r: string) => (JSON.parse(r) as string[]).includes('admin');
      if (isAdmin(user.roles) && !roles.includes('admin')) {
        const admins = (await db.all<{ roles: string }>('SELECT roles FROM users WHERE disabled = 0')).filter((u) => isAdmin(u.roles));
        if (admins.length <= 1) throw new HmsopsError('LAST_ADMIN', `${username} is the last admin: make another user admin first`);
      }
      await db.transaction(async (q) => {
        await q.run('UPDATE users SET roles = ? WHERE username = ?', [JSON.stringify(roles), username]);
        await appendAudit(q, actorOf(req), [{ action: 'user.roles', detail: { username, from: JSON.parse(user.roles), to: roles } }]);
      });
      return publicUser((await byName(username))!);
    },
  );

  app.post('/v1/users/:username/disable', { schema: { summary: 'Disable a user (admin)', params: api.UsernameParams, response: { 200: api.User } } }, async (req) => {
    requireRole(req, 'admin');
    const { username } = req.params;
    await db.transaction(async (q) => {
      if (!(await q.run('UPDATE users SET disabled = 1 WHERE username = ?', [username]))) throw new HmsopsError('NOT_FOUND', `no user ${username}`);
      await appendAudit(q, actorOf(req), [{ action: 'user.disabled', detail: { username } }]);
    });
    return publicUser((await byName(username))!);
  });
};

/**
 * The first start of a fleet: an operator account (admin), its password in the 0600 credentials
 * file, or the one given in `passwordFile` (an orchestrator's Secret: nothing written).
 */
async function seedOperator(db: Store, passwords: PasswordHasher, credentialsFile: string, passwordFile: string | undefined, log: (file: string) => void) {
  if (await db.get('SELECT 1 FROM users LIMIT 1')) return;
  const given = passwordFile ? fs.readFileSync(passwordFile, 'utf8').trim() : undefined;
  const password = given || crypto.randomBytes(18).toString('base64url');
  const hash = await passwords.hash(password);
  const { inserted } = await db.insert(
    'users',
    ['id', 'username', 'email', 'roles', 'password_hash', 'created_at'],
    [[crypto.randomUUID(), 'operator', 'operator@hmsops.local', '["admin","operator"]', hash, new Date().toISOString()]],
    { conflict: 'ON CONFLICT (username) DO NOTHING' },
  );
  if (inserted === 1) {
    await appendAudit(db, system('auth'), [{ action: 'user.created', detail: { username: 'operator', roles: ['admin', 'operator'], seeded: true } }]);
    if (given) return log(passwordFile!);
    const tmp = `${credentialsFile}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ username: 'operator', password }, null, 2), { mode: 0o600 });
    fs.renameSync(tmp, credentialsFile);
    log(credentialsFile);
  }
}

export const auth: ServiceDefinition = {
  name: 'auth',
  version: '1.0.0',
  migrations,
  async setup(app, ctx) {
    const { db } = ctx;
    const key = await loadOrCreateSigningKey(db, ctx.paths.keys);
    const passwords = passwordHasher(ctx.env.scryptN);
    await seedOperator(db, passwords, ctx.paths.credentials, ctx.env.operatorPasswordFile, (file) =>
      ctx.log.info({ file }, `seeded the operator account; its password is in ${file}`),
    );
    const byName = (username: string) => db.get<UserRow>('SELECT * FROM users WHERE username = ?', [username]);
    const byId = (id: string) => db.get<UserRow>('SELECT * FROM users WHERE id = ?', [id]);
    await registerRoutes<AuthDeps>(app, { db, key, tokenTtlMs: ctx.env.tokenTtlMs, passwords, byName, byId }, [sessionRoutes, userRoutes, auditRoutes('auth')]);
    return undefined;
  },
};

export const build = (env: ServiceEnv, store: Store, opts?: Parameters<typeof buildService>[3]) => buildService(auth, env, store, opts);

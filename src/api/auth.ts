/** The auth service's API, one schema per shape (validation, OpenAPI, serialization, SDK types). */
import { type Static, Type } from 'typebox';
import { StringEnum } from './shared.js';

export const User = Type.Object({
  id: Type.String(),
  username: Type.String(),
  email: Type.String(),
  roles: Type.Array(Type.String()),
  disabled: Type.Boolean(),
});
export type User = Static<typeof User>;

export const LoginRequest = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
);
export const LoginResult = Type.Object({ token: Type.String(), expiresAt: Type.String(), user: User });
export type LoginResult = Static<typeof LoginResult>;

/** The public keys that verify tokens (JWKS): each key as the JWK standard writes it. */
export const Jwks = Type.Object({ keys: Type.Array(Type.Object({}, { additionalProperties: true })) });

export const UserList = Type.Object({ users: Type.Array(User) });

/**
 * What a user may do: `operator` prepares and runs disbursements, `approver` approves grants over
 * the approval limit (not their own), `admin` manages users and roles, `viewer` reads.
 */
export const ROLES = ['admin', 'operator', 'approver', 'viewer'] as const;
const Roles = Type.Array(StringEnum([...ROLES]), { uniqueItems: true, minItems: 1 });

export const CreateUserRequest = Type.Object(
  {
    username: Type.String({ pattern: '^[a-z][a-z0-9._-]{1,31}$' }),
    password: Type.String({ minLength: 12, maxLength: 1024 }),
    email: Type.String({ pattern: '^[^@\\s]+@[^@\\s]+$' }),
    roles: Type.Optional(Roles),
  },
  { additionalProperties: false },
);
export type CreateUserRequest = Static<typeof CreateUserRequest>;

/** A user's roles, all of them (replacing what they had). */
export const SetRolesRequest = Type.Object({ roles: Roles }, { additionalProperties: false });
export type SetRolesRequest = Static<typeof SetRolesRequest>;

export const UsernameParams = Type.Object({ username: Type.String() });

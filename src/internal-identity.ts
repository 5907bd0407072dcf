/**
 * The identity the gateway forwards to services after verifying a bearer token at the edge:
 * `<base64url(json)>.<base64url(hmac-sha256)>` in the x-hmsops-identity header, keyed from the
 * fleet's secret. A call that bypasses the gateway has no valid header and is refused.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';

export const IDENTITY_HEADER = 'x-hmsops-identity';

export interface Identity {
  sub: string;
  username: string;
  roles: string[];
  /** seconds since epoch */
  exp: number;
}

export const identityKey = (fleetToken: string) => crypto.createHash('sha256').update(`hmsops-internal-identity:${fleetToken}`).digest();

/**
 * The key of a fleet process: from the fleet secret every host shares (fleet.secretFile, its
 * path in HMSOPS_FLEET_SECRET_FILE), else from this daemon's token (one machine).
 */
export function fleetIdentityKey(env: NodeJS.ProcessEnv, fallbackToken: string): Buffer {
  const file = env.HMSOPS_FLEET_SECRET_FILE;
  return identityKey(file ? fs.readFileSync(file, 'utf8').trim() : fallbackToken);
}

export function signIdentity(identity: Identity, key: Buffer): string {
  const payload = Buffer.from(JSON.stringify(identity)).toString('base64url');
  const mac = crypto.createHmac('sha256', key).update(payload).digest('base64url');
  return `${payload}.${mac}`;
}

export function verifyIdentity(header: string | undefined, key: Buffer, nowSec = Date.now() / 1000): Identity | undefined {
  if (!header) return undefined;
  const dot = header.indexOf('.');
  if (dot <= 0) return undefined;
  const payload = header.slice(0, dot);
  const given = Buffer.from(header.slice(dot + 1), 'base64url');
  const want = crypto.createHmac('sha256', key).update(payload).digest();
  if (given.length !== want.length || !crypto.timingSafeEqual(given, want)) return undefined;
  try {
    const id = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Identity;
    return typeof id.exp === 'number' && id.exp > nowSec ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * scrypt password hashes, stored as `scrypt$N$r$p$salt$hash` and compared in constant time. New
 * hashes use N=2^17, r=8, p=1 (OWASP's parameters) unless the fleet says another N
 * (HMSOPS_SCRYPT_N, at least 2^14, the scrypt paper's interactive-login setting): a test fleet
 * lowers it, as Devise's and Django's test settings do. A hash keeps the N it was made with, so
 * changing it never locks anyone out.
 */
import crypto from 'node:crypto';
import { DEFAULT_SCRYPT_N, MAX_SCRYPT_N } from '../kit/service-env.js';

const R = 8;
const P = 1;
const KEYLEN = 32;
// scrypt needs 128 * N * r bytes: 1 GiB at 2^20, the most a hash may ask for (a stored hash
// claiming more fails to verify rather than allocate it).
const maxmem = (n: number) => 128 * Math.min(n, MAX_SCRYPT_N) * R + 1024 * 1024;

const scrypt = (password: string, salt: Buffer, n: number, r: number, p: number) =>
  new Promise<Buffer>((resolve, reject) => crypto.scrypt(password, salt, KEYLEN, { N: n, r, p, maxmem: maxmem(n) }, (err, key) => (err ? reject(err) : resolve(key))));

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
  /** A hash at this N to verify against when the user does not exist, so timing does not tell which usernames exist. */
  dummy: string;
}

export function passwordHasher(n: number = DEFAULT_SCRYPT_N): PasswordHasher {
  return {
    async hash(password) {
      const salt = crypto.randomBytes(16);
      const key = await scrypt(password, salt, n, R, P);
      return `scrypt$${n}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
    },
    async verify(password, stored) {
      const [scheme, sn, sr, sp, salt, hash] = stored.split('$');
      if (scheme !== 'scrypt' || !salt || !hash) return false;
      const want = Buffer.from(hash, 'base64url');
      const got = await scrypt(password, Buffer.from(salt, 'base64url'), Number(sn), Number(sr), Number(sp));
      return got.length === want.length && crypto.timingSafeEqual(got, want);
    },
    dummy: `scrypt$${n}$${R}$${P}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(KEYLEN).toString('base64url')}`,
  };
}

/** Lockout window after the n-th lockout: 30 s doubling, capped at an hour. */
export const lockoutMs = (lockouts: number) => Math.min(3_600_000, 30_000 * 2 ** lockouts);
export const MAX_FAILURES = 5;

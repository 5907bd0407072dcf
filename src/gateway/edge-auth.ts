/**
 * Bearer tokens verified at the edge: EdDSA pinned, issuer, audience, expiry, keys from the auth
 * service's JWKS (cached; fetched again when a token names an unknown kid).
 */
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { TOKEN_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER } from '../bearer-tokens.js';
import type { Identity } from '../internal-identity.js';

export class EdgeAuth {
  #jwks: ReturnType<typeof createLocalJWKSet> | undefined;
  #lastFetch = 0;

  constructor(private readonly fetchJwks: () => Promise<JSONWebKeySet>) {}

  async #refresh(force: boolean) {
    // An unknown kid may mean a rotated key; refetch, but at most twice a second.
    if (this.#jwks && (!force || Date.now() - this.#lastFetch < 500)) return;
    this.#lastFetch = Date.now();
    this.#jwks = createLocalJWKSet(await this.fetchJwks());
  }

  /** The identity in a valid token, or a reason it is not valid. */
  async verify(authorization: string | undefined): Promise<{ identity: Identity } | { reason: string }> {
    const m = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '');
    if (!m) return { reason: 'missing bearer token' };
    try {
      await this.#refresh(false);
    } catch (err) {
      return { reason: `cannot load signing keys: ${(err as Error).message}` };
    }
    let payload: JWTPayload;
    try {
      payload = (await jwtVerify(m[1]!, this.#jwks!, { algorithms: [TOKEN_ALGORITHM], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, requiredClaims: ['exp', 'sub'] })).payload;
    } catch (err) {
      if ((err as { code?: string }).code !== 'ERR_JWKS_NO_MATCHING_KEY') return { reason: (err as Error).message };
      try {
        await this.#refresh(true);
        payload = (await jwtVerify(m[1]!, this.#jwks!, { algorithms: [TOKEN_ALGORITHM], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, requiredClaims: ['exp', 'sub'] })).payload;
      } catch (err2) {
        return { reason: (err2 as Error).message };
      }
    }
    return {
      identity: {
        sub: String(payload.sub),
        username: String(payload.username ?? payload.sub),
        roles: Array.isArray(payload.roles) ? payload.roles.map(String) : [],
        exp: payload.exp!,
      },
    };
  }
}

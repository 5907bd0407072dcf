/**
 * The token signing key (Ed25519), kept in the auth store and shared by every auth instance on
 * every host: a token one instance signs verifies with the JWKS another serves.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Store } from '../kit/store.js';

export interface SigningKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

interface KeyRow {
  kid: string;
  private_jwk: string;
  public_jwk: string;
}

/**
 * The current key; the first instance to start makes it (two starting at once: the first insert
 * wins and both read it back). A key from before the store kept it (`keys/auth-signing.json` in
 * the state dir) is taken over, so tokens already out stay valid.
 */
export async function loadOrCreateSigningKey(db: Store, legacyKeysDir: string): Promise<{ kid: string; privateKey: CryptoKey | Uint8Array; publicJwks: JWK[] }> {
  const current = () => db.get<KeyRow>("SELECT kid, private_jwk, public_jwk FROM signing_keys WHERE slot = 'current'");
  let row = await current();
  if (!row) {
    const key = legacyKey(path.join(legacyKeysDir, 'auth-signing.json')) ?? (await newKey());
    await db.insert(
      'signing_keys',
      ['slot', 'kid', 'private_jwk', 'public_jwk', 'created_at'],
      [['current', key.kid, JSON.stringify(key.privateJwk), JSON.stringify(key.publicJwk), new Date().toISOString()]],
      {
        conflict: 'ON CONFLICT (slot) DO NOTHING',
      },
    );
    row = (await current())!;
  }
  const publicJwk = JSON.parse(row.public_jwk) as JWK;
  return {
    kid: row.kid,
    privateKey: await importJWK({ ...(JSON.parse(row.private_jwk) as JWK), alg: 'EdDSA' }, 'EdDSA'),
    publicJwks: [{ ...publicJwk, kid: row.kid, alg: 'EdDSA', use: 'sig' }],
  };
}

async function newKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return { kid: crypto.randomBytes(8).toString('hex'), privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
}

function legacyKey(file: string): SigningKey | undefined {
  try {
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { keys: SigningKey[] }).keys[0];
  } catch {
    return undefined;
  }
}

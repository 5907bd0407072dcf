/** The token signing key (Ed25519), kept in the state dir with mode 0600 and shared by every auth instance. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

export interface SigningKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function loadOrCreateSigningKey(keysDir: string): Promise<{ kid: string; privateKey: CryptoKey | Uint8Array; publicJwks: JWK[] }> {
  fs.mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  const file = path.join(keysDir, 'auth-signing.json');
  if (!fs.existsSync(file)) {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const kid = crypto.randomBytes(8).toString('hex');
    const key: SigningKey = { kid, privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
    // wx: when two instances start together, the first one's key wins and the other reads it.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ keys: [key] }), { mode: 0o600 });
    try {
      fs.linkSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  const { keys } = JSON.parse(fs.readFileSync(file, 'utf8')) as { keys: SigningKey[] };
  const current = keys[0]!;
  return {
    kid: current.kid,
    privateKey: await importJWK({ ...current.privateJwk, alg: 'EdDSA' }, 'EdDSA'),
    publicJwks: keys.map((k) => ({ ...k.publicJwk, kid: k.kid, alg: 'EdDSA', use: 'sig' })),
  };
}

import { describe, expect, it } from 'vitest';
import { passwordHasher } from '../../services/auth/passwords.js';
import { DEFAULT_SCRYPT_N, ServiceEnvError, serviceEnv } from '../../services/kit/service-env.js';

describe('password hashing', () => {
  it("hashes at OWASP's N=2^17 unless HMSOPS_SCRYPT_N says another power of two from 2^14 to 2^20", () => {
    expect(DEFAULT_SCRYPT_N).toBe(131072);
    expect(serviceEnv('auth', {}).scryptN).toBe(131072);
    expect(serviceEnv('auth', { HMSOPS_SCRYPT_N: '16384' }).scryptN).toBe(16384);
    for (const bad of ['8192', '20000', '2097152', 'lots', '-16384']) {
      expect(() => serviceEnv('auth', { HMSOPS_SCRYPT_N: bad })).toThrow(ServiceEnvError);
      expect(() => serviceEnv('auth', { HMSOPS_SCRYPT_N: bad })).toThrow(`HMSOPS_SCRYPT_N: expected a power of two from 16384 (2^14) to 1048576 (2^20), got "${bad}"`);
    }
    expect(() => serviceEnv('ach', { HMSOPS_ACH_ODFI: '{"host":' })).toThrow(/^HMSOPS_ACH_ODFI: expected JSON/);
  });

  it('keeps the N a hash was made with: a hash made at 2^17 verifies under 2^14 and back, a wrong password does not', async () => {
    const strong = passwordHasher(DEFAULT_SCRYPT_N);
    const quick = passwordHasher(16384);
    const made = await strong.hash('correct horse battery staple');
    expect(made).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await quick.verify('correct horse battery staple', made)).toBe(true);
    expect(await quick.verify('correct horse battery stapler', made)).toBe(false);
    const madeQuick = await quick.hash('correct horse battery staple');
    expect(madeQuick).toMatch(/^scrypt\$16384\$/);
    expect(await strong.verify('correct horse battery staple', madeQuick)).toBe(true);
    // Two hashes of one password differ (a salt each); the dummy is at the hasher's own N and matches nothing.
    expect(await quick.hash('x')).not.toBe(await quick.hash('x'));
    expect(quick.dummy).toMatch(/^scrypt\$16384\$/);
    expect(await quick.verify('', quick.dummy)).toBe(false);
    expect(await quick.verify('x', 'md5$abc')).toBe(false);
    // A stored hash that asks for more memory than 2^20 needs is refused, not allocated.
    await expect(quick.verify('x', `scrypt$${2 ** 24}$8$1$${'A'.repeat(22)}$${'A'.repeat(43)}`)).rejects.toThrow(/memory/i);
  });
});

import { hashPassword, passwordNeedsRehash, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('mật-khẩu-rất-dài-123');
    expect(hash).toMatch(/^scrypt\$32768\$8\$3\$[\w-]{22}\$[\w-]{43}$/);
    await expect(verifyPassword('mật-khẩu-rất-dài-123', hash)).resolves.toBe(true);
    await expect(verifyPassword('mật-khẩu-rất-dài-124', hash)).resolves.toBe(false);
  });

  it('salts each hash, so equal passwords give different hashes', async () => {
    expect(await hashPassword('same-password-here')).not.toBe(await hashPassword('same-password-here'));
  });

  it('still verifies a hash made with the earlier, weaker parameters, and asks for it to be rehashed', async () => {
    // scrypt N=2^15, r=8, p=1 of "mật-khẩu-cũ-đủ-dài" (the parameters before p was raised to 3).
    const old = await hashWith('mật-khẩu-cũ-đủ-dài', 1);
    await expect(verifyPassword('mật-khẩu-cũ-đủ-dài', old)).resolves.toBe(true);
    expect(passwordNeedsRehash(old)).toBe(true);
    expect(passwordNeedsRehash(await hashPassword('mật-khẩu-mới-đủ-dài'))).toBe(false);
    expect(passwordNeedsRehash('md5$abc')).toBe(true);
  });

  it('treats a malformed stored hash as a mismatch instead of throwing', async () => {
    await expect(verifyPassword('x', 'md5$abc')).resolves.toBe(false);
    await expect(verifyPassword('x', 'scrypt$0$8$1$AAAA$BBBB')).resolves.toBe(false);
  });
});

/** A hash in the stored format with another p, as an earlier release wrote it. */
async function hashWith(password: string, p: number): Promise<string> {
  const { randomBytes, scryptSync } = await import('node:crypto');
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, 32, { N: 2 ** 15, r: 8, p, maxmem: 256 * 2 ** 15 * 8 });
  return ['scrypt', 2 ** 15, 8, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

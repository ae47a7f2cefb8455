import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

// Staff passwords, hashed with scrypt from node:crypto (memory-hard, no native
// dependency). The parameters travel inside each hash, so raising them later
// keeps old hashes verifiable: "scrypt$<N>$<r>$<p>$<salt>$<key>" (base64url).

/**
 * N = 2^15, r = 8, p = 3: one of OWASP's equivalent scrypt minimums (Password
 * Storage Cheat Sheet). The same work as 2^17 with p = 1 in a quarter of the
 * memory (32 MiB), so concurrent logins don't crowd the API's heap.
 */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 3 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

/** Refuses weak passwords before they are hashed; the message is shown to the operator. */
export const MIN_PASSWORD_LENGTH = 12;

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  // 128·N·r bytes are needed; Node's default cap (32 MiB) is exactly that, so allow headroom.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, SCRYPT_PARAMS);
  const { N, r, p } = SCRYPT_PARAMS;
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface StoredHash {
  readonly params: { N: number; r: number; p: number };
  readonly salt: Buffer;
  readonly key: Buffer;
}

function parseStored(stored: string): StoredHash | null {
  const [scheme, n, r, p, saltText, keyText] = stored.split('$');
  if (scheme !== 'scrypt' || !saltText || !keyText) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every((v) => Number.isInteger(v) && v > 0)) return null;
  return { params, salt: Buffer.from(saltText, 'base64url'), key: Buffer.from(keyText, 'base64url') };
}

/** False for a wrong password or a hash this code cannot read; never throws on user input. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const hash = parseStored(stored);
  if (!hash) return false;
  const actual = await derive(password, hash.salt, hash.params);
  return actual.length === hash.key.length && timingSafeEqual(actual, hash.key);
}

/** Whether a hash was made with weaker parameters than today's: rehash it at the next successful login. */
export function passwordNeedsRehash(stored: string): boolean {
  const hash = parseStored(stored);
  if (!hash) return true;
  const { N, r, p } = hash.params;
  return N * r * p < SCRYPT_PARAMS.N * SCRYPT_PARAMS.r * SCRYPT_PARAMS.p || N < SCRYPT_PARAMS.N;
}

/**
 * A hash of a random password, compared against when the e-mail is unknown, so
 * a login takes as long for a missing user as for a wrong password.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}

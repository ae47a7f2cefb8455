import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

// Links in reminders let an agency officer act on one task without a password:
// HMAC-SHA256 signed, expiring, single-purpose. Single use is enforced by the
// API, which records each nonce (used_links) before acting. A 'calendar-feed'
// link only reads (an agency's deadline feed, fetched again and again by a
// calendar app): long-lived and reusable, never recorded as used. The 'view-…'
// links only read too: a copy of a reminder (to Sở KH&CN, Văn phòng UBND tỉnh,
// or anyone who is not the lead agency) opens the task or report without its
// actions, and a digest's link opens the recipient's list of that day.
// Purposes are never removed: links already in mailboxes must keep verifying.
//
// Keys rotate without killing every link at once: a token names the key it was
// signed with (`kid`, inside the signed payload), each key id maps to a secret
// (LINK_SIGNING_KEYS), and the MAC key of each purpose is derived from that
// secret with HKDF, so a calendar link's key never signs a link that acts.
// Tokens from before key ids (no `kid`) verify with the legacy secret.

export const LINK_PURPOSES = ['acknowledge', 'report-progress', 'submit-report', 'calendar-feed', 'view-task', 'view-report', 'view-digest'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

export interface LinkClaims {
  /** The key the link was signed with; absent in links from before key rotation. */
  readonly kid?: string;
  readonly purpose: LinkPurpose;
  /** The workflow the link acts on (task or agency report). */
  readonly subject: string;
  readonly agencyId: string;
  /** Expiry, epoch seconds. */
  readonly exp: number;
  readonly nonce: string;
}

export type LinkVerification =
  | { readonly ok: true; readonly claims: LinkClaims }
  | { readonly ok: false; readonly reason: 'malformed' | 'bad-signature' | 'expired' | 'wrong-purpose' | 'unknown-key' };

/** The signing keys: secrets by key id, the one that signs new links, and the secret of links from before key ids. */
export interface LinkKeyRing {
  readonly currentKid: string;
  readonly keys: ReadonlyMap<string, string>;
  /** Verifies tokens without a `kid` (signed with the bare secret); absent: such tokens are refused. */
  readonly legacySecret?: string;
}

/** A bare secret is a ring of one key, `k0`, that also verifies links from before key ids. */
export type LinkKeys = string | LinkKeyRing;

export function keyRingOf(keys: LinkKeys): LinkKeyRing {
  return typeof keys === 'string' ? { currentKid: 'k0', keys: new Map([['k0', keys]]), legacySecret: keys } : keys;
}

/**
 * The ring from configuration: LINK_SIGNING_KEYS ("2026a=<secret>,2027a=<secret>") with LINK_SIGNING_KEY_ID naming the
 * current one (default: the last listed); LINK_SIGNING_SECRET alone is the ring `k0`, and stays the legacy secret.
 */
export function linkKeyRingFrom(settings: { readonly LINK_SIGNING_KEYS?: string | undefined; readonly LINK_SIGNING_KEY_ID?: string | undefined; readonly LINK_SIGNING_SECRET?: string | undefined }): LinkKeyRing | null {
  const listed = parseLinkSigningKeys(settings.LINK_SIGNING_KEYS);
  if (listed.size === 0) return settings.LINK_SIGNING_SECRET ? keyRingOf(settings.LINK_SIGNING_SECRET) : null;
  const currentKid = settings.LINK_SIGNING_KEY_ID ?? [...listed.keys()].at(-1)!;
  return { currentKid, keys: listed, ...(settings.LINK_SIGNING_SECRET ? { legacySecret: settings.LINK_SIGNING_SECRET } : {}) };
}

/** "kid=secret,kid=secret" → map; the config schema has checked the form. */
export function parseLinkSigningKeys(text: string | undefined): Map<string, string> {
  const keys = new Map<string, string>();
  for (const pair of (text ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = pair.indexOf('=');
    keys.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return keys;
}

const encode = (data: Buffer | string) => Buffer.from(data).toString('base64url');
const hmac = (payload: string, key: string | Buffer) => createHmac('sha256', key).update(payload).digest();
/** One MAC key per key id and purpose. */
const purposeKey = (secret: string, purpose: string) => Buffer.from(hkdfSync('sha256', secret, 'dondoc-signed-links', `purpose:${purpose}`, 32));

export function createLinkToken(claims: Omit<LinkClaims, 'nonce' | 'kid'> & { nonce?: string }, keys: LinkKeys): string {
  const ring = keyRingOf(keys);
  const secret = ring.keys.get(ring.currentKid);
  if (!secret) throw new Error(`link signing key "${ring.currentKid}" is not among the configured keys`);
  const full: LinkClaims = { kid: ring.currentKid, ...claims, nonce: claims.nonce ?? randomBytes(12).toString('base64url') };
  const payload = encode(JSON.stringify(full));
  return `${payload}.${encode(hmac(payload, purposeKey(secret, full.purpose)))}`;
}

export function verifyLinkToken(token: string, keys: LinkKeys, expectedPurpose: LinkPurpose, nowMs: number): LinkVerification {
  const ring = keyRingOf(keys);
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
  // The key id and purpose choose the MAC key; nothing else is read before the MAC is checked.
  let claims: LinkClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as LinkClaims;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof claims !== 'object' || claims === null) return { ok: false, reason: 'malformed' };
  let macKey: string | Buffer;
  if (claims.kid === undefined) {
    if (!ring.legacySecret) return { ok: false, reason: 'unknown-key' };
    macKey = ring.legacySecret;
  } else {
    const secret = typeof claims.kid === 'string' ? ring.keys.get(claims.kid) : undefined;
    if (!secret) return { ok: false, reason: 'unknown-key' };
    macKey = purposeKey(secret, String(claims.purpose));
  }
  // Compared as text in canonical base64url: decoding the given signature would ignore the
  // padding bits of its last character, so several spellings of one MAC would all verify.
  const expected = Buffer.from(encode(hmac(payload, macKey)));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
  if (typeof claims.exp !== 'number' || typeof claims.subject !== 'string' || typeof claims.nonce !== 'string') return { ok: false, reason: 'malformed' };
  if (claims.exp * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  if (claims.purpose !== expectedPurpose) return { ok: false, reason: 'wrong-purpose' };
  return { ok: true, claims };
}

/** The address of a link in a message: the web app's `/l/<token>` page, which exchanges the token for a session. */
export function linkUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/l/${token}`;
}

/** Vietnamese text for each rejection, shown to the officer who clicked. */
export const LINK_REJECTIONS: Record<Exclude<LinkVerification, { ok: true }>['reason'] | 'used', string> = {
  malformed: 'Đường dẫn không hợp lệ.',
  'bad-signature': 'Đường dẫn không hợp lệ hoặc đã bị sửa đổi.',
  expired: 'Đường dẫn đã hết hạn; vui lòng dùng đường dẫn trong thư nhắc mới nhất.',
  'wrong-purpose': 'Đường dẫn này không dùng cho thao tác này.',
  'unknown-key': 'Đường dẫn không còn hiệu lực (khóa ký đã được thay); vui lòng dùng đường dẫn trong thư nhắc mới nhất.',
  used: 'Đường dẫn đã được sử dụng.',
};

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Links in reminders let an agency officer act on one task without a password:
// HMAC-SHA256 signed, expiring, single-purpose. Single use is enforced by the
// API, which records each nonce (used_links) before acting. A 'calendar-feed'
// link only reads (an agency's deadline feed, fetched again and again by a
// calendar app): long-lived and reusable, never recorded as used. The 'view-…'
// links only read too: a copy of a reminder (to Sở KH&CN, Văn phòng UBND tỉnh,
// or anyone who is not the lead agency) opens the task or report without its
// actions, and a digest's link opens the recipient's list of that day.
// Purposes are never removed: links already in mailboxes must keep verifying.

export const LINK_PURPOSES = ['acknowledge', 'report-progress', 'submit-report', 'calendar-feed', 'view-task', 'view-report', 'view-digest'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

export interface LinkClaims {
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
  | { readonly ok: false; readonly reason: 'malformed' | 'bad-signature' | 'expired' | 'wrong-purpose' };

const encode = (data: Buffer | string) => Buffer.from(data).toString('base64url');
const sign = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest();

export function createLinkToken(claims: Omit<LinkClaims, 'nonce'> & { nonce?: string }, secret: string): string {
  const full: LinkClaims = { ...claims, nonce: claims.nonce ?? randomBytes(12).toString('base64url') };
  const payload = encode(JSON.stringify(full));
  return `${payload}.${encode(sign(payload, secret))}`;
}

export function verifyLinkToken(token: string, secret: string, expectedPurpose: LinkPurpose, nowMs: number): LinkVerification {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
  // Compared as text in canonical base64url: decoding the given signature would ignore the
  // padding bits of its last character, so several spellings of one MAC would all verify.
  const expected = Buffer.from(encode(sign(payload, secret)));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
  let claims: LinkClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as LinkClaims;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
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
  used: 'Đường dẫn đã được sử dụng.',
};

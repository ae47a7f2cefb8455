import { createHmac } from 'node:crypto';

import { createLinkToken, linkKeyRingFrom, linkUrl, verifyLinkToken } from './signed-link';

const secret = 'a'.repeat(64);
const now = Date.UTC(2026, 10, 23, 3, 0);
const claims = { purpose: 'report-progress' as const, subject: 'task/kh-ai-2025-2030/1/so-khcn-qng', agencyId: 'so-khcn-qng', exp: now / 1000 + 3600 };

describe('signed links', () => {
  it('accepts its own token and gives back the claims', () => {
    const result = verifyLinkToken(createLinkToken(claims, secret), secret, 'report-progress', now);
    expect(result).toMatchObject({ ok: true, claims: { subject: claims.subject, agencyId: 'so-khcn-qng' } });
  });

  it('gives each link its own nonce', () => {
    expect(createLinkToken(claims, secret)).not.toBe(createLinkToken(claims, secret));
  });

  it('rejects a forged payload, a wrong key, an expired link and another purpose', () => {
    const token = createLinkToken(claims, secret);
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ ...claims, agencyId: 'so-tai-chinh-qng', nonce: 'x' })).toString('base64url')}.${signature}`;
    expect(verifyLinkToken(forged, secret, 'report-progress', now)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyLinkToken(token, 'b'.repeat(64), 'report-progress', now)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyLinkToken(token, secret, 'report-progress', now + 3_601_000)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyLinkToken(token, secret, 'acknowledge', now)).toEqual({ ok: false, reason: 'wrong-purpose' });
    expect(verifyLinkToken('not-a-token', secret, 'acknowledge', now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('keeps a calendar-feed link apart from the links that act', () => {
    const feed = createLinkToken({ ...claims, purpose: 'calendar-feed', subject: 'calendar/so-khcn-qng' }, secret);
    expect(verifyLinkToken(feed, secret, 'calendar-feed', now)).toMatchObject({ ok: true, claims: { purpose: 'calendar-feed', agencyId: 'so-khcn-qng' } });
    expect(verifyLinkToken(feed, secret, 'report-progress', now)).toEqual({ ok: false, reason: 'wrong-purpose' });
  });

  it('rejects a signature whose last character differs only in its padding bits (issue 12 §9)', () => {
    const token = createLinkToken(claims, secret);
    const [payload, signature = ''] = token.split('.');
    // 32 MAC bytes are 43 base64url characters: the last one carries 4 bits of MAC and 2 bits of padding.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(signature.at(-1) ?? '');
    const variants = [1, 2, 3].map((bits) => `${payload}.${signature.slice(0, -1)}${alphabet[last ^ bits]}`);
    // The variants decode to the very same MAC bytes: only a canonical comparison tells them apart.
    for (const variant of variants) expect(Buffer.from(variant.split('.')[1]!, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
    for (const variant of variants) expect(verifyLinkToken(variant, secret, 'report-progress', now)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyLinkToken(token, secret, 'report-progress', now)).toMatchObject({ ok: true });
  });

  it('rejects a signature with base64 padding or standard-alphabet characters', () => {
    const token = createLinkToken(claims, secret);
    const [payload, signature = ''] = token.split('.');
    const standard = Buffer.from(signature, 'base64url').toString('base64');
    expect(verifyLinkToken(`${payload}.${signature}=`, secret, 'report-progress', now)).toEqual({ ok: false, reason: 'bad-signature' });
    if (standard.replace(/=+$/, '') !== signature) expect(verifyLinkToken(`${payload}.${standard}`, secret, 'report-progress', now)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('builds the /l/<token> address of the web app, whatever the base ends with', () => {
    expect(linkUrl('https://dondoc.kontum.gov.vn', 'abc.def')).toBe('https://dondoc.kontum.gov.vn/l/abc.def');
    expect(linkUrl('https://dondoc.kontum.gov.vn/app/', 'abc.def')).toBe('https://dondoc.kontum.gov.vn/app/l/abc.def');
  });
});

describe('signing key rotation (issue 17)', () => {
  const a = 'A'.repeat(48);
  const b = 'B'.repeat(48);
  const ringA = linkKeyRingFrom({ LINK_SIGNING_KEYS: `2026a=${a}` })!;
  const ringAB = linkKeyRingFrom({ LINK_SIGNING_KEYS: `2026a=${a},2027a=${b}`, LINK_SIGNING_KEY_ID: '2027a' })!;
  const ringB = linkKeyRingFrom({ LINK_SIGNING_KEYS: `2027a=${b}` })!;

  it('names its key in the token; a link signed with key A still works once B is current, and is refused once A is removed', () => {
    const old = createLinkToken(claims, ringA);
    expect(verifyLinkToken(old, ringA, 'report-progress', now)).toMatchObject({ ok: true, claims: { kid: '2026a' } });
    expect(verifyLinkToken(old, ringAB, 'report-progress', now)).toMatchObject({ ok: true });
    expect(verifyLinkToken(createLinkToken(claims, ringAB), ringAB, 'report-progress', now)).toMatchObject({ ok: true, claims: { kid: '2027a' } });
    expect(verifyLinkToken(old, ringB, 'report-progress', now)).toEqual({ ok: false, reason: 'unknown-key' });
  });

  it('derives a MAC key per purpose: the same payload signed for one purpose does not verify as another', () => {
    const feed = createLinkToken({ ...claims, purpose: 'calendar-feed' }, ringA);
    const [payload, signature] = feed.split('.') as [string, string];
    const claimed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const relabelled = `${Buffer.from(JSON.stringify({ ...claimed, purpose: 'report-progress' })).toString('base64url')}.${signature}`;
    expect(verifyLinkToken(relabelled, ringA, 'report-progress', now)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('verifies links from before key ids with the legacy secret, and only with it', () => {
    const legacy = `${Buffer.from(JSON.stringify({ ...claims, nonce: 'n' })).toString('base64url')}`;
    const token = `${legacy}.${createHmac('sha256', secret).update(legacy).digest('base64url')}`;
    expect(verifyLinkToken(token, linkKeyRingFrom({ LINK_SIGNING_KEYS: `2026a=${a}`, LINK_SIGNING_SECRET: secret })!, 'report-progress', now)).toMatchObject({ ok: true });
    expect(verifyLinkToken(token, ringA, 'report-progress', now)).toEqual({ ok: false, reason: 'unknown-key' });
  });
});

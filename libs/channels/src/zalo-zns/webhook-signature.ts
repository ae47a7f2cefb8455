import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Zalo signs each webhook call: header `X-ZEvent-Signature: mac=<hex>` where
 * hex = sha256(appId + rawBody + timestamp + OA secret key).
 */
export function zaloWebhookSignature(appId: string, rawBody: string, timestamp: string, oaSecretKey: string): string {
  return `mac=${createHash('sha256').update(`${appId}${rawBody}${timestamp}${oaSecretKey}`).digest('hex')}`;
}

export function verifyZaloWebhookSignature(header: string | undefined, appId: string, rawBody: string, timestamp: string, oaSecretKey: string): boolean {
  if (!header) return false;
  const expected = Buffer.from(zaloWebhookSignature(appId, rawBody, timestamp, oaSecretKey));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

import { createHmac, timingSafeEqual } from 'node:crypto';

// Temporal's visibility page tokens are opaque server state: a garbled one
// makes the server fail with "Unknown" (retried, then a 500) rather than
// "invalid argument". So the API hands out its own tokens: Temporal's token
// bound to the query it continues, signed, and refuses any other up front.

export class PageTokens {
  constructor(private readonly key: string) {}

  seal(query: string, temporalToken: Uint8Array): string {
    const token = Buffer.from(temporalToken).toString('base64url');
    return `${token}.${this.mac(query, token)}`;
  }

  /** Temporal's token, or null when the token was not issued by us for this very query. */
  open(query: string, pageToken: string): Buffer | null {
    const [token, mac, extra] = pageToken.split('.');
    if (!token || !mac || extra !== undefined) return null;
    const expected = Buffer.from(this.mac(query, token), 'base64url');
    const given = Buffer.from(mac, 'base64url');
    return given.length === expected.length && timingSafeEqual(given, expected) ? Buffer.from(token, 'base64url') : null;
  }

  private mac(query: string, token: string): string {
    return createHmac('sha256', this.key).update(`dondoc-page-token\n${query}\n${token}`).digest('base64url');
  }
}

// The short session a link is exchanged for: a signed cookie (HttpOnly,
// SameSite=Strict) bound to the link's task or report and agency, so the token
// itself leaves the address bar, the history and every Referer at once.
import type { LinkClaims, LinkPurpose } from '@dondoc/links';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { CookieOptions } from 'express';
import { hkdfSync } from 'node:crypto';

import { AppConfigService } from '../app-config.service';

export const LINK_SESSION_COOKIE = 'dondoc_link';
/**
 * How long a link's session lasts (never past the link's own expiry): long
 * enough to fill in a yearly report, short enough not to be a login.
 * @defaultValue 2 hours
 */
export const LINK_SESSION_SECONDS = 2 * 3600;
const AUDIENCE = 'dondoc-link-session';

export interface LinkSession {
  readonly purpose: LinkPurpose;
  /** The task or report workflow the link is for. */
  readonly subject: string;
  readonly agencyId: string;
  /** The link's nonce: each action is claimed once per link (`<nonce>:<action>`). */
  readonly nonce: string;
  /** The link's expiry, epoch seconds. */
  readonly linkExp: number;
  /** The session's expiry, epoch seconds. */
  readonly exp: number;
}

@Injectable()
export class LinkSessionTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfigService,
  ) {}

  /**
   * A key of its own, derived from the current link signing key: a session cookie is
   * never a staff token nor a link. Rotating the link key ends open sessions (two hours at most).
   */
  private key(): string {
    const ring = this.config.linkKeys();
    const secret = ring.keys.get(ring.currentKid)!;
    return Buffer.from(hkdfSync('sha256', secret, '', `dondoc link session v1 ${ring.currentKid}`, 32)).toString('hex');
  }

  async seal(claims: LinkClaims, nowMs = Date.now()): Promise<{ token: string; session: LinkSession }> {
    const exp = Math.min(Math.floor(nowMs / 1000) + LINK_SESSION_SECONDS, claims.exp);
    const session: LinkSession = { purpose: claims.purpose, subject: claims.subject, agencyId: claims.agencyId, nonce: claims.nonce, linkExp: claims.exp, exp };
    const token = await this.jwt.signAsync({ ...session }, { secret: this.key(), audience: AUDIENCE });
    return { token, session };
  }

  /** The session, or null for a missing, forged or expired cookie. */
  async open(token: string | undefined): Promise<LinkSession | null> {
    if (!token) return null;
    try {
      const claims = await this.jwt.verifyAsync<LinkSession & { aud: string }>(token, { secret: this.key(), audience: AUDIENCE });
      return { purpose: claims.purpose, subject: claims.subject, agencyId: claims.agencyId, nonce: claims.nonce, linkExp: claims.linkExp, exp: claims.exp };
    } catch {
      return null;
    }
  }

  cookieOptions(session: LinkSession, nowMs = Date.now()): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'strict',
      secure: new URL(this.config.values.PUBLIC_BASE_URL).protocol === 'https:',
      path: '/',
      maxAge: Math.max(0, session.exp * 1000 - nowMs),
    };
  }
}

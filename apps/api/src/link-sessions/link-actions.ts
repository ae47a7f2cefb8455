// Single use, per link and per action: an action claims `<nonce>:<action>`
// before it runs, so a replayed request (or two racing clicks) finds it taken;
// a reporting action (progress, completion, report submission) also claims
// the link's own nonce, after which opening the link again says it was used.
// If the action fails, both claims are given back so the officer can retry.
import { UsedLinkRepository } from '@dondoc/db';
import { GoneError } from '@dondoc/domain';
import { Injectable } from '@nestjs/common';

import type { LinkSession } from './link-session.tokens';

export const ACTION_DONE = 'Thao tác này đã được thực hiện bằng đường dẫn này; mỗi đường dẫn chỉ dùng một lần cho mỗi thao tác.';

@Injectable()
export class LinkActions {
  constructor(private readonly usedLinks: UsedLinkRepository) {}

  actionKey = (session: LinkSession, action: string) => `${session.nonce}:${action}`;

  async done(session: LinkSession, action: string): Promise<boolean> {
    return this.usedLinks.isUsed(this.actionKey(session, action));
  }

  /** Runs `act` once for this link and action; `usesLink` marks the link itself as used. */
  async once<T>(session: LinkSession, action: string, usesLink: boolean, act: () => Promise<T>): Promise<T> {
    const expiresAt = new Date(session.linkExp * 1000);
    const key = this.actionKey(session, action);
    if (!(await this.usedLinks.claim(key, session.purpose, expiresAt))) throw new GoneError(ACTION_DONE, { reason: 'action-done', action });
    // The link may already be used by another action; only a claim made here is given back.
    const claimedLink = usesLink && (await this.usedLinks.claim(session.nonce, session.purpose, expiresAt));
    try {
      return await act();
    } catch (error) {
      await this.usedLinks.release(key);
      if (claimedLink) await this.usedLinks.release(session.nonce);
      throw error;
    }
  }
}

// Single use of signed links: a nonce is claimed once, atomically, before the
// action runs, so two clicks racing each other cannot both act.
import type { Kysely } from 'kysely';

import type { Database } from '../database';

export class UsedLinkRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** True when this call claimed the nonce; false when it had been used before. */
  async claim(nonce: string, purpose: string, expiresAt: Date): Promise<boolean> {
    const row = await this.db
      .insertInto('used_links')
      .values({ nonce, purpose, expires_at: expiresAt })
      .onConflict((oc) => oc.column('nonce').doNothing())
      .returning('nonce')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Gives a claim back when the action it guarded failed, so the officer can try the link again. */
  async release(nonce: string): Promise<void> {
    await this.db.deleteFrom('used_links').where('nonce', '=', nonce).execute();
  }

  async isUsed(nonce: string): Promise<boolean> {
    const row = await this.db.selectFrom('used_links').select('nonce').where('nonce', '=', nonce).executeTakeFirst();
    return row !== undefined;
  }
}

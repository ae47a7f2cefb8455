// The calendar subscription links an agency has been given: listed, revoked one
// by one, and checked on every feed fetch (the token's hash must match a live row).
import { createHash } from 'node:crypto';

import type { Kysely } from 'kysely';

import type { Database } from '../database';

export interface CalendarLink {
  readonly id: string;
  readonly agencyId: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
  readonly revokedBy: string | null;
}

export type CalendarLinkCheck = 'live' | 'revoked' | 'unknown';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export class CalendarLinkRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(link: { id: string; agencyId: string; token: string; createdBy: string; expiresAt: Date }): Promise<void> {
    await this.db
      .insertInto('calendar_links')
      .values({ id: link.id, agency_id: link.agencyId, token_sha256: sha256(link.token), created_by: link.createdBy, expires_at: link.expiresAt })
      .execute();
  }

  /** Whether the token is the live link recorded under its id (and notes the fetch). */
  async check(id: string, agencyId: string, token: string): Promise<CalendarLinkCheck> {
    const row = await this.db.selectFrom('calendar_links').select(['token_sha256', 'agency_id', 'revoked_at']).where('id', '=', id).executeTakeFirst();
    if (!row || row.agency_id !== agencyId || row.token_sha256 !== sha256(token)) return 'unknown';
    if (row.revoked_at) return 'revoked';
    await this.db.updateTable('calendar_links').set({ last_used_at: new Date() }).where('id', '=', id).execute();
    return 'live';
  }

  async list(agencyId: string): Promise<CalendarLink[]> {
    const rows = await this.db.selectFrom('calendar_links').selectAll().where('agency_id', '=', agencyId).orderBy('created_at', 'desc').execute();
    return rows.map((row) => ({
      id: row.id,
      agencyId: row.agency_id,
      createdBy: row.created_by,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      lastUsedAt: row.last_used_at,
      revokedAt: row.revoked_at,
      revokedBy: row.revoked_by,
    }));
  }

  /** Revokes a live link of the agency; false when there is none by that id (or it was revoked before). */
  async revoke(id: string, agencyId: string, by: string): Promise<boolean> {
    const result = await this.db
      .updateTable('calendar_links')
      .set({ revoked_at: new Date(), revoked_by: by })
      .where('id', '=', id)
      .where('agency_id', '=', agencyId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

// Reports being filled in from the report form: saved as they are (possibly
// incomplete), one per agency and cycle, until the report is submitted.
import type { Kysely } from 'kysely';

import type { Database } from '../database';
import { type JsonObject, toJsonb } from '../tables/column-types';

export interface ReportDraft {
  readonly planId: string;
  readonly cycleKey: string;
  readonly agencyId: string;
  readonly payload: JsonObject;
  readonly savedBy: string;
  readonly savedAt: Date;
}

export class ReportDraftRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Saves (or overwrites) the agency's draft. */
  async save(planId: string, cycleKey: string, agencyId: string, payload: JsonObject, by: string, at = new Date()): Promise<ReportDraft> {
    const row = await this.db
      .insertInto('report_drafts')
      .values({ plan_id: planId, cycle_key: cycleKey, agency_id: agencyId, payload: toJsonb(payload), saved_by: by, saved_at: at })
      .onConflict((oc) => oc.columns(['plan_id', 'cycle_key', 'agency_id']).doUpdateSet({ payload: toJsonb(payload), saved_by: by, saved_at: at }))
      .returningAll()
      .executeTakeFirstOrThrow();
    return { planId: row.plan_id, cycleKey: row.cycle_key, agencyId: row.agency_id, payload: row.payload, savedBy: row.saved_by, savedAt: row.saved_at };
  }

  async get(planId: string, cycleKey: string, agencyId: string): Promise<ReportDraft | null> {
    const row = await this.db
      .selectFrom('report_drafts')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('cycle_key', '=', cycleKey)
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    return row ? { planId: row.plan_id, cycleKey: row.cycle_key, agencyId: row.agency_id, payload: row.payload, savedBy: row.saved_by, savedAt: row.saved_at } : null;
  }

  /** After a submission the draft has served its purpose; the submitted revision is what the form shows next. */
  async remove(planId: string, cycleKey: string, agencyId: string): Promise<void> {
    await this.db.deleteFrom('report_drafts').where('plan_id', '=', planId).where('cycle_key', '=', cycleKey).where('agency_id', '=', agencyId).execute();
  }
}

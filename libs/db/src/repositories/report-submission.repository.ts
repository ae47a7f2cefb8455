// Agencies' reports, one row per revision. The API or CLI stores a validated
// report as a draft; the agency's report workflow turns it into a submission
// (and Sở KH&CN's review into accepted or returned), so the workflow carries
// only the row id and the text never enters workflow history.
import type { Kysely, Selectable } from 'kysely';

import type { Database } from '../database';
import { type JsonObject, toJsonb } from '../tables/column-types';
import type { ReportSubmissionStatus, ReportSubmissionsTable } from '../tables/report-submissions.table';
import { isUniqueViolation } from './unique-violation';

export interface ReportCycleRef {
  readonly planId: string;
  readonly year: number;
  readonly cycleKey: string;
}

export interface ReportSubmission extends ReportCycleRef {
  readonly id: string;
  readonly agencyId: string;
  readonly revision: number;
  readonly status: ReportSubmissionStatus;
  readonly payload: JsonObject;
  readonly submittedBy: string | null;
  readonly submittedAt: Date | null;
  readonly reviewedBy: string | null;
  readonly reviewedAt: Date | null;
  readonly reviewComment: string | null;
}

/** Two drafts of one agency racing for the next revision number: the loser retries. */
const MAX_REVISION_RACES = 5;

export class ReportSubmissionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async createDraft(cycle: ReportCycleRef, agencyId: string, payload: JsonObject, by: string): Promise<ReportSubmission> {
    for (let attempt = 1; ; attempt++) {
      const last = await this.db
        .selectFrom('report_submissions')
        .select((eb) => eb.fn.max('revision').as('revision'))
        .where('plan_id', '=', cycle.planId)
        .where('cycle_key', '=', cycle.cycleKey)
        .where('agency_id', '=', agencyId)
        .executeTakeFirst();
      try {
        const row = await this.db
          .insertInto('report_submissions')
          .values({
            plan_id: cycle.planId,
            year: cycle.year,
            cycle_key: cycle.cycleKey,
            agency_id: agencyId,
            revision: (last?.revision ?? 0) + 1,
            status: 'draft',
            payload: toJsonb(payload),
            submitted_by: by,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toSubmission(row);
      } catch (error) {
        if (!isUniqueViolation(error, 'report_submissions_revision_key') || attempt >= MAX_REVISION_RACES) throw error;
      }
    }
  }

  async get(id: string): Promise<ReportSubmission | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    const row = await this.db.selectFrom('report_submissions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSubmission(row) : null;
  }

  /**
   * Draft → submitted, at the workflow's time. Idempotent for a retried
   * activity: a row already submitted at that instant is returned as it is.
   */
  async markSubmitted(id: string, at: Date): Promise<ReportSubmission | null> {
    const row = await this.db
      .updateTable('report_submissions')
      .set({ status: 'submitted', submitted_at: at, updated_at: new Date() })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('status', '=', 'draft'), eb.and([eb('status', '=', 'submitted'), eb('submitted_at', '=', at)])]))
      .returningAll()
      .executeTakeFirst();
    return row ? toSubmission(row) : null;
  }

  /** submitted → accepted | returned. Idempotent for the same decision. */
  async review(id: string, decision: 'accepted' | 'returned', by: string, comment: string, at: Date): Promise<ReportSubmission | null> {
    const row = await this.db
      .updateTable('report_submissions')
      .set({ status: decision, reviewed_by: by, reviewed_at: at, review_comment: comment || null, updated_at: new Date() })
      .where('id', '=', id)
      .where('status', 'in', ['submitted', decision])
      .returningAll()
      .executeTakeFirst();
    return row ? toSubmission(row) : null;
  }

  /** The latest non-draft revision of each agency in a cycle. */
  async latestOfCycle(planId: string, cycleKey: string): Promise<ReportSubmission[]> {
    const rows = await this.db
      .selectFrom('report_submissions')
      .selectAll()
      .distinctOn('agency_id')
      .where('plan_id', '=', planId)
      .where('cycle_key', '=', cycleKey)
      .where('status', '<>', 'draft')
      .orderBy('agency_id')
      .orderBy('revision', 'desc')
      .execute();
    return rows.map(toSubmission);
  }

  /**
   * Each agency's latest reviewed revision in a cycle: after a return and a
   * resubmission the newest revision has no review yet, yet the agency still
   * needs to read what it was asked to correct.
   */
  async latestReviews(planId: string, cycleKey: string, agencyId?: string): Promise<ReportSubmission[]> {
    let query = this.db
      .selectFrom('report_submissions')
      .selectAll()
      .distinctOn('agency_id')
      .where('plan_id', '=', planId)
      .where('cycle_key', '=', cycleKey)
      .where('reviewed_at', 'is not', null);
    if (agencyId !== undefined) query = query.where('agency_id', '=', agencyId);
    const rows = await query.orderBy('agency_id').orderBy('revision', 'desc').execute();
    return rows.map(toSubmission);
  }

  /** Every revision of one agency, newest first. */
  async history(planId: string, cycleKey: string, agencyId: string): Promise<ReportSubmission[]> {
    const rows = await this.db
      .selectFrom('report_submissions')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('cycle_key', '=', cycleKey)
      .where('agency_id', '=', agencyId)
      .orderBy('revision', 'desc')
      .execute();
    return rows.map(toSubmission);
  }
}

function toSubmission(row: Selectable<ReportSubmissionsTable>): ReportSubmission {
  return {
    id: row.id,
    planId: row.plan_id,
    year: row.year,
    cycleKey: row.cycle_key,
    agencyId: row.agency_id,
    revision: row.revision,
    status: row.status,
    payload: row.payload,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    reviewComment: row.review_comment,
  };
}

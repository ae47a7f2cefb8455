// An agency's yearly report for a plan. Each resubmission after a review is a
// new revision; earlier revisions stay as they were reviewed.
import type { ColumnType } from 'kysely';

import type { CreatedAt, IdentityId, JsonObject, Jsonb } from './column-types';

export const REPORT_SUBMISSION_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type ReportSubmissionStatus = (typeof REPORT_SUBMISSION_STATUSES)[number];

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface ReportSubmissionsTable {
  id: IdentityId;
  plan_id: string;
  year: number;
  /** "2026" for the yearly cycle, "2026-dx-<id>" for an ad-hoc request (migration 0003). */
  cycle_key: string;
  agency_id: string;
  /** 1, 2, … per (plan, year, agency). */
  revision: number;
  status: ReportSubmissionStatus;
  payload: Jsonb<JsonObject>;
  submitted_by: Nullable<string>;
  submitted_at: Nullable<Date>;
  reviewed_by: Nullable<string>;
  reviewed_at: Nullable<Date>;
  review_comment: Nullable<string>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

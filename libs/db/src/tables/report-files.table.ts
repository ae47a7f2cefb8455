// Generated yearly report documents (the aggregated report and its annexes).
import type { ColumnType } from 'kysely';

import type { CreatedAt, IdentityId } from './column-types';

export const REPORT_FILE_KINDS = ['docx', 'xlsx', 'json'] as const;
export type ReportFileKind = (typeof REPORT_FILE_KINDS)[number];

export interface ReportFilesTable {
  id: IdentityId;
  plan_id: string;
  year: number;
  /** "2026" for the yearly cycle, "2026-dx-<id>" for an ad-hoc request (migration 0003). */
  cycle_key: string;
  kind: ReportFileKind;
  /** 1, 2, … per cycle: each consolidation writes all its files under one number (migration 0005). */
  generation: ColumnType<number, number | undefined, number>;
  /** Relative to the product's data folder. */
  path: string;
  /** Lower-case hex. */
  sha256: string;
  created_at: CreatedAt;
}

// Evidence files attached to an agency's report in a cycle (migration 0004).
import type { ColumnType } from 'kysely';

import type { CreatedAt, IdentityId } from './column-types';

export interface ReportEvidenceTable {
  id: IdentityId;
  plan_id: string;
  year: number;
  cycle_key: string;
  agency_id: string;
  /** As uploaded (Vietnamese, NFC), for display and the download's filename. */
  file_name: string;
  content_type: string;
  /** `pg` returns int8 as a string. */
  size_bytes: ColumnType<string, number, never>;
  /** Lower-case hex. */
  sha256: string;
  /** Relative to the product's data folder. */
  path: string;
  uploaded_by: string;
  created_at: CreatedAt;
}

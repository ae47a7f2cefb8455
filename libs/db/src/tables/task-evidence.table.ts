// Evidence files attached to a task by its agency (migration 0011).
import type { ColumnType } from 'kysely';

import type { CreatedAt, IdentityId } from './column-types';

export interface TaskEvidenceTable {
  id: IdentityId;
  /** `task/<plan>/<task>/<agency>`. */
  workflow_id: string;
  /** The agency that attached it (the task's agency at the time). */
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

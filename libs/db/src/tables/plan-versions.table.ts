// Every distinct content of a plan that was ever imported, numbered 1, 2, 3…
// per plan. The content hash makes importing the same document twice a no-op.
import type { Plan } from '@dondoc/domain';

import type { CreatedAt, Jsonb } from './column-types';

export interface PlanVersionsTable {
  plan_id: string;
  version: number;
  /** Hash of the canonical document, computed by the importer. */
  content_hash: string;
  document: Jsonb<Plan>;
  imported_at: CreatedAt;
  /** Who imported it: a user's e-mail, or "cli" / "seed". */
  imported_by: string;
}

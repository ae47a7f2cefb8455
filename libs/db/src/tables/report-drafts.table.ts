// An agency's report being filled in, not yet submitted (migration 0012).
import type { ColumnType } from 'kysely';

import type { JsonObject, Jsonb } from './column-types';

export interface ReportDraftsTable {
  plan_id: string;
  cycle_key: string;
  agency_id: string;
  payload: Jsonb<JsonObject>;
  saved_by: string;
  saved_at: ColumnType<Date, Date | undefined, Date>;
}

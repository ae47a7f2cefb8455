import type { CreatedAt } from './column-types';

export interface CalendarLinksTable {
  id: string;
  agency_id: string;
  token_sha256: string;
  created_by: string;
  created_at: CreatedAt;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  revoked_by: string | null;
}

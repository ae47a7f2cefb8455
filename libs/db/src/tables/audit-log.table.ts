// Who did what to which object, kept for inspection by the province.
import type { CreatedAt, IdentityId, JsonObject, Jsonb } from './column-types';

export interface AuditLogTable {
  id: IdentityId;
  /** A user's e-mail, or "system", "cli", "signed-link:<agency>". */
  actor: string;
  role: string | null;
  /** Dotted verb, e.g. "plan.import", "report.review". */
  action: string;
  /** What was acted on, e.g. "plan/kh-nq03-2025". */
  target: string | null;
  payload: Jsonb<JsonObject>;
  /** Text, not inet: an audit write must never fail on an odd proxy address. */
  ip: string | null;
  request_id: string | null;
  at: CreatedAt;
}

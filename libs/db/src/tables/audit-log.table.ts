// Who did what to which object, kept for inspection by the province.
import type { CreatedAt, IdentityId, JsonObject, Jsonb } from './column-types';

export const AUDIT_OUTCOMES = ['pending', 'applied', 'refused', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

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
  /** pending (recorded before the action), applied, refused, failed; null in rows from before outcomes (applied). */
  outcome: AuditOutcome | null;
  /** Why it was refused or failed, as the user was told. */
  outcome_detail: string | null;
  at: CreatedAt;
}

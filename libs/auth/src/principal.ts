// Who is acting: the claims of a staff session (JWT) or of a signed link.
import type { AgencyId } from '@dondoc/domain';

export const STAFF_ROLES = ['admin', 'viewer', 'officer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The JWT payload of a staff session. `sub` is the user id. */
export interface SessionClaims {
  readonly sub: string;
  readonly email: string;
  readonly role: StaffRole;
  /** Only for officers: the one agency they see and act for. */
  readonly agencyId: AgencyId | null;
  /** The user's session version when the session began; absent in tokens issued before versions existed (= 0). */
  readonly ver?: number;
}

export interface Principal {
  /** E-mail of a staff member, or "signed-link:<agency>". */
  readonly actor: string;
  readonly role: StaffRole;
  readonly agencyId: AgencyId | null;
}

export const principalOf = (claims: SessionClaims): Principal => ({ actor: claims.email, role: claims.role, agencyId: claims.agencyId });

/** Admins and viewers see every agency; an officer only their own. */
export function canSeeAgency(principal: Principal, agencyId: AgencyId): boolean {
  return principal.role !== 'officer' || principal.agencyId === agencyId;
}

/** Viewers only read. */
export const canAct = (principal: Principal): boolean => principal.role !== 'viewer';

// Staff who sign in to the web app. Agencies' focal points act through signed
// links instead and have no row here.
import type { ColumnType, Generated } from 'kysely';

import type { CreatedAt } from './column-types';

export const USER_ROLES = ['admin', 'viewer', 'officer'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export interface UsersTable {
  id: Generated<string>;
  /** Unique regardless of case. */
  email: string;
  display_name: string | null;
  password_hash: string;
  role: UserRole;
  /** Required for officers: the agency they act for. */
  agency_id: string | null;
  created_at: CreatedAt;
  /** Users are disabled, never deleted, so the audit log keeps its meaning. */
  disabled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_login_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** In every session token; raised when the user is disabled or the password changes, which ends older sessions. */
  session_version: ColumnType<number, never, number>;
}

/** One-time password reset links: only the SHA-256 of the token is stored. */
export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  requested_by: string;
  created_at: CreatedAt;
  expires_at: Date;
  used_at: ColumnType<Date | null, never, Date>;
}

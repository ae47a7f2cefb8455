// The agency directory's living part (migration 0006): contacts, merges
// recorded through the API, and the revision every change raises.
import type { ContactChannel, ContactRole } from '@dondoc/domain';
import type { ColumnType, Generated } from 'kysely';

import type { CreatedAt, IdentityId } from './column-types';

export interface AgencyContactsTable {
  id: IdentityId;
  agency_id: string;
  role: ContactRole;
  name: string;
  /** Position, e.g. "Giám đốc", "Chuyên viên". */
  title: string;
  email: string;
  phone: string | null;
  zalo_user_id: string | null;
  /** Null: the agency's preference. Written as JSON text (see toJsonb). */
  channels: ColumnType<ContactChannel[] | null, string | null, string | null>;
  quiet_from: string | null;
  quiet_to: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  updated_by: string;
}

export interface AgencyReorganisationsTable {
  id: IdentityId;
  kind: 'merge';
  from_agency: string;
  into_agency: string;
  /** YYYY-MM-DD, the first day the successor holds the tasks. */
  effective: string;
  note: string | null;
  recorded_at: CreatedAt;
  recorded_by: string;
}

export interface DirectoryStateTable {
  id: Generated<number>;
  /** bigint: pg returns it as a string. */
  revision: ColumnType<string, never, string>;
  contacts_seeded_at: ColumnType<Date | null, never, Date>;
}

// The directory's living part: contacts and API-recorded merges. Every change
// raises directory_state.revision and writes its audit row in the same
// transaction, so a change is never visible without its audit entry, and a
// reader comparing revisions never misses one.
import type { ContactChannel, ContactRole, QuietHours } from '@dondoc/domain';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';

import type { Database } from '../database';
import type { AgencyContactsTable, AgencyReorganisationsTable } from '../tables/agency-directory.table';
import { type JsonObject, toJsonb } from '../tables/column-types';
import { type AuditEntryInput, AuditLogRepository } from './audit-log.repository';
import { isUniqueViolation } from './unique-violation';

/** What a contact says about a person; the rest of a row is bookkeeping. */
export interface ContactFields {
  readonly name: string;
  readonly title: string;
  readonly email: string;
  readonly phone: string | null;
  readonly zaloUserId: string | null;
  /** Null: the agency's channels. */
  readonly channels: readonly ContactChannel[] | null;
  readonly quietHours: QuietHours | null;
}

export interface ContactInput extends ContactFields {
  readonly agencyId: string;
  readonly role: ContactRole;
}

export interface StoredContact extends ContactInput {
  readonly id: string;
  readonly updatedAt: Date;
  readonly updatedBy: string;
}

export interface StoredMerge {
  readonly id: string;
  readonly kind: 'merge';
  readonly from: string;
  readonly into: string;
  readonly effective: string;
  readonly note: string | null;
  readonly recordedAt: Date;
  readonly recordedBy: string;
}

export interface DirectorySnapshot {
  /** Raised by every change; compare it to know whether a cached copy is stale. */
  readonly revision: string;
  /** False until the seeds' contacts were copied in: until then the seeds are the contacts. */
  readonly seeded: boolean;
  readonly contacts: readonly StoredContact[];
  readonly merges: readonly StoredMerge[];
}

/** Who changes the directory, for the audit row written with the change. */
export type DirectoryActor = Omit<AuditEntryInput, 'action' | 'target' | 'payload'>;

export class MergeAlreadyRecordedError extends Error {
  override readonly name = 'MergeAlreadyRecordedError';
}

export const CONTACT_FIELD_NAMES = ['name', 'title', 'email', 'phone', 'zaloUserId', 'channels', 'quietHours'] as const satisfies ReadonlyArray<keyof ContactFields>;

export class AgencyDirectoryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async revision(): Promise<string> {
    const row = await this.db.selectFrom('directory_state').select('revision').executeTakeFirstOrThrow();
    return row.revision;
  }

  async snapshot(): Promise<DirectorySnapshot> {
    // The revision first: a change landing between the reads makes this copy look older than it is, never newer.
    const state = await this.db.selectFrom('directory_state').select(['revision', 'contacts_seeded_at']).executeTakeFirstOrThrow();
    const [contacts, merges] = await Promise.all([
      this.db.selectFrom('agency_contacts').selectAll().orderBy('agency_id').orderBy('role').execute(),
      this.db.selectFrom('agency_reorganisations').selectAll().orderBy('id').execute(),
    ]);
    return { revision: state.revision, seeded: state.contacts_seeded_at !== null, contacts: contacts.map(toContact), merges: merges.map(toMerge) };
  }

  async contactsOf(agencyId: string): Promise<StoredContact[]> {
    const rows = await this.db.selectFrom('agency_contacts').selectAll().where('agency_id', '=', agencyId).orderBy('role').execute();
    return rows.map(toContact);
  }

  /**
   * Copies the seeds' contacts in, once: the first caller seeds, every later one
   * (or one racing it, held by the row lock) finds it done. True when this call seeded.
   */
  async seedContacts(contacts: readonly ContactInput[], actor: DirectoryActor): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const state = await trx.selectFrom('directory_state').select('contacts_seeded_at').forUpdate().executeTakeFirstOrThrow();
      if (state.contacts_seeded_at !== null) return false;
      for (const contact of contacts) {
        await trx.insertInto('agency_contacts').values(contactRow(contact, actor.actor)).onConflict((oc) => oc.columns(['agency_id', 'role']).doNothing()).execute();
      }
      await trx.updateTable('directory_state').set({ contacts_seeded_at: new Date(), revision: sql`revision + 1` }).execute();
      await audit(trx, actor, 'agency.contacts.seed', 'directory', { contacts: contacts.length });
      return true;
    });
  }

  /** An explicit re-import: writes and removes contacts in one transaction, audited as one action. */
  async applyImport(changes: { readonly save: readonly ContactInput[]; readonly remove: ReadonlyArray<{ agencyId: string; role: ContactRole }> }, actor: DirectoryActor, payload: JsonObject): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const contact of changes.save) await upsert(trx, contact, actor.actor);
      for (const { agencyId, role } of changes.remove) await trx.deleteFrom('agency_contacts').where('agency_id', '=', agencyId).where('role', '=', role).execute();
      await trx.updateTable('directory_state').set({ contacts_seeded_at: new Date(), revision: sql`revision + 1` }).execute();
      await audit(trx, actor, 'agency.contacts.import', 'directory', payload);
    });
  }

  /** Writes one contact (creating the role's contact when the agency had none); returns it as it was and as it is. */
  async saveContact(contact: ContactInput, actor: DirectoryActor): Promise<{ before: StoredContact | null; after: StoredContact }> {
    return this.db.transaction().execute(async (trx) => {
      const previous = await trx.selectFrom('agency_contacts').selectAll().where('agency_id', '=', contact.agencyId).where('role', '=', contact.role).forUpdate().executeTakeFirst();
      const after = toContact(await upsert(trx, contact, actor.actor));
      const before = previous ? toContact(previous) : null;
      await trx.updateTable('directory_state').set({ revision: sql`revision + 1` }).execute();
      await audit(trx, actor, 'agency.contact.update', `agency/${contact.agencyId}/contacts/${contact.role}`, { contactId: after.id, changed: changedFields(before, after) });
      return { before, after };
    });
  }

  /** Records a merge made through the API; MergeAlreadyRecordedError when `from` already has an ending here. */
  async recordMerge(merge: { from: string; into: string; effective: string; note: string | null }, actor: DirectoryActor): Promise<StoredMerge> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('agency_reorganisations')
          .values({ kind: 'merge', from_agency: merge.from, into_agency: merge.into, effective: merge.effective, note: merge.note, recorded_by: actor.actor })
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx.updateTable('directory_state').set({ revision: sql`revision + 1` }).execute();
        await audit(trx, actor, 'agency.merge.record', `agency/${merge.from}`, { into: merge.into, effective: merge.effective });
        return toMerge(row);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'agency_reorganisations_from_key')) throw new MergeAlreadyRecordedError(`a merge of ${merge.from} is already recorded`);
      throw error;
    }
  }
}

/** Names of the fields that differ, with both values: what an audit reader wants to see. */
export function changedFields(before: ContactFields | null, after: ContactFields): JsonObject {
  const changed: JsonObject = {};
  for (const field of CONTACT_FIELD_NAMES) {
    const was = before ? JSON.stringify(before[field]) : undefined;
    const now = JSON.stringify(after[field]);
    if (was !== now) changed[field] = { from: was === undefined ? null : JSON.parse(was), to: JSON.parse(now) };
  }
  return changed;
}

async function upsert(trx: Transaction<Database>, contact: ContactInput, by: string) {
  const row = contactRow(contact, by);
  return trx
    .insertInto('agency_contacts')
    .values(row)
    .onConflict((oc) => oc.columns(['agency_id', 'role']).doUpdateSet({ ...row, updated_at: new Date() }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

function contactRow(contact: ContactInput, by: string) {
  return {
    agency_id: contact.agencyId,
    role: contact.role,
    name: contact.name,
    title: contact.title,
    email: contact.email,
    phone: contact.phone,
    zalo_user_id: contact.zaloUserId,
    channels: contact.channels === null ? null : toJsonb(contact.channels),
    quiet_from: contact.quietHours?.from ?? null,
    quiet_to: contact.quietHours?.to ?? null,
    updated_by: by,
  };
}

async function audit(trx: Transaction<Database>, actor: DirectoryActor, action: string, target: string, payload: JsonObject): Promise<void> {
  await new AuditLogRepository(trx).record({ ...actor, action, target, payload });
}

function toContact(row: Selectable<AgencyContactsTable>): StoredContact {
  return {
    id: row.id,
    agencyId: row.agency_id,
    role: row.role,
    name: row.name,
    title: row.title,
    email: row.email,
    phone: row.phone,
    zaloUserId: row.zalo_user_id,
    channels: row.channels,
    quietHours: row.quiet_from !== null && row.quiet_to !== null ? { from: row.quiet_from, to: row.quiet_to } : null,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

function toMerge(row: Selectable<AgencyReorganisationsTable>): StoredMerge {
  return { id: row.id, kind: row.kind, from: row.from_agency, into: row.into_agency, effective: row.effective, note: row.note, recordedAt: row.recorded_at, recordedBy: row.recorded_by };
}

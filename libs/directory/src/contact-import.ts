// Re-reading the contacts of seeds/agencies.yaml on purpose: what would change,
// field by field, then the change itself in one audited transaction. The file
// wins: a contact edited through the API and different in the file is
// overwritten, one the file no longer has is removed; the plan says so first.
import { type AgencyDirectoryRepository, CONTACT_FIELD_NAMES, type ContactFields, type ContactInput, type DirectoryActor, type StoredContact } from '@dondoc/db';
import type { AgencyDirectory } from '@dondoc/domain';

import { contactsOfDirectory } from './overlay';

export interface ContactImportPlan {
  readonly added: readonly ContactInput[];
  readonly changed: ReadonlyArray<{ readonly contact: ContactInput; readonly fields: ReadonlyArray<keyof ContactFields> }>;
  readonly removed: readonly StoredContact[];
  readonly unchanged: number;
}

const keyOf = (c: { agencyId: string; role: string }) => `${c.agencyId}/${c.role}`;

export function planContactImport(stored: readonly StoredContact[], file: readonly ContactInput[]): ContactImportPlan {
  const current = new Map(stored.map((c) => [keyOf(c), c]));
  const wanted = new Set(file.map(keyOf));
  const added: ContactInput[] = [];
  const changed: Array<{ contact: ContactInput; fields: Array<keyof ContactFields> }> = [];
  let unchanged = 0;
  for (const contact of file) {
    const existing = current.get(keyOf(contact));
    if (!existing) {
      added.push(contact);
      continue;
    }
    const fields = CONTACT_FIELD_NAMES.filter((field) => JSON.stringify(existing[field]) !== JSON.stringify(contact[field]));
    if (fields.length) changed.push({ contact, fields });
    else unchanged++;
  }
  const removed = stored.filter((c) => !wanted.has(keyOf(c)));
  return { added, changed, removed, unchanged };
}

export const importChangesAnything = (plan: ContactImportPlan) => plan.added.length + plan.changed.length + plan.removed.length > 0;

/** Plans the import of `directory`'s contacts and, unless `dryRun` or nothing changes, applies it. */
export async function importContacts(repository: AgencyDirectoryRepository, directory: AgencyDirectory, actor: DirectoryActor, options: { readonly dryRun?: boolean; readonly file?: string } = {}): Promise<ContactImportPlan> {
  const snapshot = await repository.snapshot();
  const plan = planContactImport(snapshot.contacts, contactsOfDirectory(directory));
  if (options.dryRun || (!importChangesAnything(plan) && snapshot.seeded)) return plan;
  await repository.applyImport(
    { save: [...plan.added, ...plan.changed.map((c) => c.contact)], remove: plan.removed.map(({ agencyId, role }) => ({ agencyId, role })) },
    actor,
    {
      ...(options.file ? { file: options.file } : {}),
      added: plan.added.map(keyOf),
      changed: plan.changed.map((c) => `${keyOf(c.contact)} (${c.fields.join(', ')})`),
      removed: plan.removed.map(keyOf),
    },
  );
  return plan;
}

/** First start: the seeds' contacts become the database's, once. True when this call copied them. */
export function ensureContactsSeeded(repository: AgencyDirectoryRepository, directory: AgencyDirectory, actor: DirectoryActor): Promise<boolean> {
  return repository.seedContacts(contactsOfDirectory(directory), actor);
}

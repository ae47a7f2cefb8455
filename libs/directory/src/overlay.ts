// The directory as it stands: the seeds' agencies, groups and reorganisations,
// with the contacts kept in the database and the merges recorded through the
// API laid over them. Pure, so every process builds the same directory from
// the same snapshot.
import type { ContactInput, DirectorySnapshot, StoredContact } from '@dondoc/db';
import { type Agency, type AgencyDirectory, CONTACT_CHANNELS, type Contact, CONTACT_ROLES, type Reorganisation } from '@dondoc/domain';

export function overlayDirectory(base: AgencyDirectory, snapshot: DirectorySnapshot): AgencyDirectory {
  const merges: Reorganisation[] = snapshot.merges.map((m) => ({ kind: 'merge', effective: m.effective, from: [m.from], into: m.into, note: m.note }));
  if (!snapshot.seeded) return { ...base, reorganisations: [...base.reorganisations, ...merges] };
  const stored = new Map<string, StoredContact>(snapshot.contacts.map((c) => [`${c.agencyId}/${c.role}`, c]));
  const contactOf = (agency: Agency, role: 'head' | 'focal'): Contact | null => {
    const row = stored.get(`${agency.id}/${role}`);
    return row ? toContact(row, agency) : null;
  };
  return {
    agencies: base.agencies.map((agency) => ({ ...agency, head: contactOf(agency, 'head'), focal: contactOf(agency, 'focal') })),
    groups: base.groups,
    reorganisations: [...base.reorganisations, ...merges],
  };
}

function toContact(row: StoredContact, agency: Agency): Contact {
  const own = row.channels !== null || row.quietHours !== null;
  return {
    name: row.name,
    title: row.title,
    email: row.email,
    phone: row.phone,
    zaloUserId: row.zaloUserId,
    preferences: own ? { channels: row.channels ?? agency.preferences?.channels ?? CONTACT_CHANNELS, quietHours: row.quietHours } : null,
  };
}

/**
 * The seeds' contacts as database rows: each person gets their own
 * preferences, or else their agency's, so a row says everything about how to reach them.
 */
export function contactsOfDirectory(directory: AgencyDirectory): ContactInput[] {
  return directory.agencies.flatMap((agency) =>
    CONTACT_ROLES.flatMap((role) => {
      const contact = agency[role];
      if (!contact) return [];
      const preferences = contact.preferences ?? agency.preferences;
      return [
        {
          agencyId: agency.id,
          role,
          name: contact.name,
          title: contact.title,
          email: contact.email,
          phone: contact.phone,
          zaloUserId: contact.zaloUserId ?? null,
          channels: preferences ? [...preferences.channels] : null,
          quietHours: preferences?.quietHours ?? null,
        },
      ];
    }),
  );
}

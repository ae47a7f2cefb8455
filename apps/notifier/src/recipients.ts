// From a role in a reminder step to people and channels: the task's agency
// (or whoever holds its tasks today) for focal/head, Sở KH&CN and Văn phòng
// UBND tỉnh (or their successors) for department/provincial-office. Each
// role yields an ordered list of contacts so a bad address moves on to the next.
import { type AgencyIndex, resolveSuccessor } from '@dondoc/catalog';
import type { DirectorySource } from '@dondoc/directory';
import type { Channel, DeliveryContact, RecipientRole } from '@dondoc/contracts';
import type { Agency, Contact, ContactPreferences } from '@dondoc/domain';

export const DEPARTMENT_AGENCY = 'so-khcn';
export const PROVINCIAL_OFFICE_AGENCY = 'van-phong-ubnd-tinh';

export type ResolvedRecipient =
  | { readonly ok: true; readonly agency: Agency; readonly contacts: DeliveryContact[]; readonly first: Contact }
  | { readonly ok: false; readonly reason: string };

export function resolveRecipient(index: AgencyIndex, taskAgencyId: string, role: RecipientRole, onDate: string): ResolvedRecipient {
  const named = role === 'department' ? DEPARTMENT_AGENCY : role === 'provincial-office' ? PROVINCIAL_OFFICE_AGENCY : taskAgencyId;
  if (!index.agency(named)) return { ok: false, reason: `cơ quan "${named}" không có trong danh mục` };
  const holder = resolveSuccessor(index, named, onDate);
  if (!holder.agency) return { ok: false, reason: holder.reason };
  const agency = holder.agency;
  const order: Array<Contact | null> = role === 'head' ? [agency.head, agency.focal] : [agency.focal, agency.head];
  const people = order.filter((c): c is Contact => c !== null).filter((c, i, all) => all.findIndex((o) => o.email === c.email && o.phone === c.phone) === i);
  const contacts = people.map((c) => ({ name: c.name, title: c.title, agencyId: agency.id, agencyName: agency.name, email: c.email, phone: c.phone }));
  if (people.length === 0) return { ok: false, reason: `${agency.name} chưa có người liên hệ trong danh mục` };
  return { ok: true, agency, contacts, first: people[0]! };
}

/**
 * How the first person of a role wants to be reached: their own channels and quiet
 * hours (kept with their contact in the database), else their agency's. Whether
 * reminders come one by one or in a digest stays the agency's choice.
 */
export function preferencesOf(recipient: { readonly agency: Agency; readonly first: Contact }): ContactPreferences | null {
  const own = recipient.first.preferences;
  return own ? { ...own, ...(recipient.agency.preferences?.delivery ? { delivery: recipient.agency.preferences.delivery } : {}) } : recipient.agency.preferences;
}

/**
 * The channels of a step for one recipient, in their preferred order. A
 * channel they do not accept, or one switched off here, is dropped;
 * if none is left, e-mail (the official channel everyone has) is used.
 */
export function channelsFor(requested: readonly Channel[], preferences: ContactPreferences | null, enabled: ReadonlySet<Channel>): Channel[] {
  const preferred = preferences?.channels ?? requested;
  const chosen = preferred.filter((c) => requested.includes(c) && enabled.has(c));
  return chosen.length > 0 ? chosen : ['email'];
}

/**
 * Who receives what, as the notifier asks it. Behind an interface so the directory can
 * live elsewhere (the database) without the dispatcher changing; every call may do I/O.
 */
export interface RecipientDirectory {
  /** The contacts a role of a task's reminder reaches, on a Vietnamese civil date. */
  resolve(taskAgencyId: string, role: RecipientRole, onDate: string): Promise<ResolvedRecipient>;
  /** The task's agency as it is called on that date (its successor after a merger). */
  leadAgencyName(agencyId: string, onDate: string): Promise<string>;
}

/**
 * The directory as its source has it at each call: in production the live
 * directory (contacts from the database, checked against its revision on every
 * call), in tests a fixed one. The resolved agency carries its preferences.
 */
export class CatalogRecipientDirectory implements RecipientDirectory {
  constructor(private readonly source: DirectorySource) {}

  async resolve(taskAgencyId: string, role: RecipientRole, onDate: string): Promise<ResolvedRecipient> {
    return resolveRecipient(await this.source.current(), taskAgencyId, role, onDate);
  }

  async leadAgencyName(agencyId: string, onDate: string): Promise<string> {
    const index: AgencyIndex = await this.source.current();
    if (!index.agency(agencyId)) return index.nameOf(agencyId);
    return resolveSuccessor(index, agencyId, onDate).agency?.name ?? index.nameOf(agencyId);
  }
}

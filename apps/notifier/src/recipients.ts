// From a role in a reminder step to people and channels: the task's agency
// (or whoever holds its tasks today) for focal/head, Sở KH&CN and Văn phòng
// UBND tỉnh (or their successors) for department/provincial-office. Each
// role yields an ordered list of contacts so a bad address moves on to the next.
import { type AgencyIndex, resolveSuccessor } from '@dondoc/catalog';
import type { Channel, DeliveryContact, RecipientRole } from '@dondoc/contracts';
import type { Agency, Contact } from '@dondoc/domain';

export const DEPARTMENT_AGENCY = 'so-khcn';
export const PROVINCIAL_OFFICE_AGENCY = 'van-phong-ubnd-tinh';

export type ResolvedRecipient =
  | { readonly ok: true; readonly agency: Agency; readonly contacts: DeliveryContact[] }
  | { readonly ok: false; readonly reason: string };

export function resolveRecipient(index: AgencyIndex, taskAgencyId: string, role: RecipientRole, onDate: string): ResolvedRecipient {
  const named = role === 'department' ? DEPARTMENT_AGENCY : role === 'provincial-office' ? PROVINCIAL_OFFICE_AGENCY : taskAgencyId;
  if (!index.agency(named)) return { ok: false, reason: `cơ quan "${named}" không có trong danh mục` };
  const holder = resolveSuccessor(index, named, onDate);
  if (!holder.agency) return { ok: false, reason: holder.reason };
  const agency = holder.agency;
  const order: Array<Contact | null> = role === 'head' ? [agency.head, agency.focal] : [agency.focal, agency.head];
  const contacts = order
    .filter((c): c is Contact => c !== null)
    .filter((c, i, all) => all.findIndex((o) => o.email === c.email && o.phone === c.phone) === i)
    .map((c) => ({ name: c.name, title: c.title, agencyId: agency.id, agencyName: agency.name, email: c.email, phone: c.phone }));
  if (contacts.length === 0) return { ok: false, reason: `${agency.name} chưa có người liên hệ trong danh mục` };
  return { ok: true, agency, contacts };
}

/**
 * The channels of a step for one agency, in the agency's preferred order. A
 * channel the agency does not accept, or one switched off here, is dropped;
 * if none is left, e-mail (the official channel everyone has) is used.
 */
export function channelsFor(requested: readonly Channel[], agency: Agency, enabled: ReadonlySet<Channel>): Channel[] {
  const preferred = agency.preferences?.channels ?? requested;
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

/** The directory of seeds/agencies.yaml, loaded at start; the resolved agency carries its preferences (channels, quiet hours, delivery). */
export class CatalogRecipientDirectory implements RecipientDirectory {
  constructor(private readonly index: AgencyIndex) {}

  async resolve(taskAgencyId: string, role: RecipientRole, onDate: string): Promise<ResolvedRecipient> {
    return resolveRecipient(this.index, taskAgencyId, role, onDate);
  }

  async leadAgencyName(agencyId: string, onDate: string): Promise<string> {
    if (!this.index.agency(agencyId)) return this.index.nameOf(agencyId);
    return resolveSuccessor(this.index, agencyId, onDate).agency?.name ?? this.index.nameOf(agencyId);
  }
}

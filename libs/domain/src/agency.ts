// The agency directory: who can be given a task, the collective names plans
// use for many agencies at once, and the reorganisations that move tasks from
// a defunct agency to its successor.
import type { IsoDate } from './calendar-date';

/** Stable kebab-case ASCII id, e.g. "so-khcn". */
export type AgencyId = string;

export const AGENCY_KINDS = [
  'province',
  'department',
  'sector',
  'district',
  'commune',
  'enterprise',
  'school',
  'press',
  'central',
  'organisation',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const CONTACT_CHANNELS = ['email', 'zalo'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export interface Contact {
  readonly name: string;
  readonly title: string;
  readonly email: string;
  readonly phone: string | null;
  /** The person's Zalo user id, when known (ZNS itself sends by phone number). */
  readonly zaloUserId?: string | null;
  /** The person's own channels and quiet hours; absent or null: the agency's. */
  readonly preferences?: ContactPreferences | null;
}

/** The two people of an agency the directory names: its head and its focal point for Đôn Đốc. */
export const CONTACT_ROLES = ['head', 'focal'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** Local office hours "HH:MM" during which nobody should be reminded. */
export interface QuietHours {
  readonly from: string;
  readonly to: string;
}

/** `digest`: one message a day per person listing every reminder (the default); `each`: one message per reminder. */
export const DELIVERY_MODES = ['digest', 'each'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export interface ContactPreferences {
  readonly channels: readonly ContactChannel[];
  readonly quietHours: QuietHours | null;
  /** How the agency's people receive reminders; absent: `digest`. */
  readonly delivery?: DeliveryMode;
}

export interface Agency {
  readonly id: AgencyId;
  /** Short code for tables and e-mail subjects, e.g. "SKHCN". */
  readonly code: string;
  readonly name: string;
  readonly kind: AgencyKind;
  /** Every spelling the plans use for this agency. */
  readonly aliases: readonly string[];
  readonly head: Contact | null;
  readonly focal: Contact | null;
  readonly preferences: ContactPreferences | null;
}

/** A collective lead such as "Các sở, ban, ngành" that stands for its members. */
export interface AgencyGroup {
  readonly id: AgencyId;
  readonly name: string;
  readonly aliases: readonly string[];
  /** Agency ids or other group ids. */
  readonly members: readonly AgencyId[];
}

export const REORGANISATION_KINDS = ['merge', 'rename', 'dissolve'] as const;
export type ReorganisationKind = (typeof REORGANISATION_KINDS)[number];

interface ReorganisationBase {
  /** The first day on which the successor holds the tasks. */
  readonly effective: IsoDate;
  readonly from: readonly AgencyId[];
  readonly note: string | null;
}

export interface MergeReorganisation extends ReorganisationBase {
  readonly kind: 'merge';
  readonly into: AgencyId;
}

export interface RenameReorganisation extends ReorganisationBase {
  readonly kind: 'rename';
  readonly into: AgencyId;
}

/** No successor: open tasks need an administrator to reassign them. */
export interface DissolveReorganisation extends ReorganisationBase {
  readonly kind: 'dissolve';
  readonly into: null;
}

export type Reorganisation = MergeReorganisation | RenameReorganisation | DissolveReorganisation;

export interface AgencyDirectory {
  readonly agencies: readonly Agency[];
  readonly groups: readonly AgencyGroup[];
  readonly reorganisations: readonly Reorganisation[];
}

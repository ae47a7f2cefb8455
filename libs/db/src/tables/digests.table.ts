// One person's digest of one day on one channel (see migration 0006), and its entries.
import type { ColumnType } from 'kysely';

import type { CreatedAt, IdentityId, JsonObject, Jsonb } from './column-types';

export const DIGEST_STATUSES = ['open', 'sealed', 'sent', 'failed'] as const;
export type DigestStatus = (typeof DIGEST_STATUSES)[number];
export const DIGEST_ENTRY_OUTCOMES = ['sent', 'handed-on', 'dead'] as const;
export type DigestEntryOutcome = (typeof DIGEST_ENTRY_OUTCOMES)[number];

export interface DigestsTable {
  /** `digest|<day>|<channel>|<hash of address>`: also the BullMQ job id and the Message-ID / tracking_id seed. */
  id: string;
  /** The Vietnamese civil date the digest belongs to, YYYY-MM-DD. */
  day: ColumnType<string, string, never>;
  channel: 'email' | 'zalo';
  /** E-mail address (lower case) or Zalo phone number. */
  address: string;
  /** The agency whose preferences (quiet hours) apply to the person. */
  recipient_agency_id: string;
  quiet_hours: Jsonb<JsonObject> | null;
  status: ColumnType<DigestStatus, DigestStatus | undefined, DigestStatus>;
  /** Not before: moved on by each entry (a quiet period), never past `send_by`. */
  send_after: Date;
  send_by: Date;
  provider_message_id: string | null;
  sent_at: Date | null;
  created_at: CreatedAt;
}

export interface DigestEntriesTable {
  id: IdentityId;
  digest_id: string;
  /** The delivery job id it stands for: `<key>|<role>|<channel>[|<contact>]`. */
  delivery_key: string;
  idempotency_key: string;
  workflow_id: string;
  /** The DeliveryJob payload, rendered when the digest is sent. */
  delivery: Jsonb<JsonObject>;
  outcome: DigestEntryOutcome | null;
  created_at: CreatedAt;
}

// One row per delivery attempt of a reminder. Rows are only ever added: a
// duplicate send must stay visible (two "sent" rows for one idempotency key),
// not be hidden by a unique constraint.
import type { ContactChannel } from '@dondoc/domain';

import type { CreatedAt, IdentityId } from './column-types';

export const DELIVERY_STATUSES = ['queued', 'sent', 'delivered', 'failed_permanent', 'failed_retryable', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface DeliveryLogTable {
  id: IdentityId;
  /** Workflow id + cycle + step: also the BullMQ job id and the Message-ID seed. */
  idempotency_key: string;
  channel: ContactChannel;
  /** E-mail address or Zalo phone number the attempt went to. */
  recipient: string;
  agency_id: string | null;
  /** The Temporal workflow that asked for the reminder, e.g. "task/<plan>/<task>/<agency>". */
  workflow_id: string | null;
  status: DeliveryStatus;
  error: string | null;
  provider_message_id: string | null;
  /** Recipient role of the reminder step (focal, head, department, provincial-office); null before 0002. */
  role: string | null;
  /** The BullMQ job of the attempt: `<key>|<role>|<channel>[|<contact>]`; null before 0002. */
  job_id: string | null;
  /** 0 for the "queued" row, then 1, 2, … per send attempt. */
  attempt: number;
  created_at: CreatedAt;
}

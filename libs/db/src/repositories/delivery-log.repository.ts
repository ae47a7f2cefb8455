// The delivery log: every attempt to deliver a reminder, as the notifier saw it.
import type { ContactChannel } from '@dondoc/domain';
import type { Kysely, Selectable } from 'kysely';

import type { Database } from '../database';
import type { DeliveryLogTable, DeliveryStatus } from '../tables/delivery-log.table';
import { type Page, type PageRequest, pageCursor, pageLimit, toPage } from './page';

export interface DeliveryAttemptInput {
  readonly idempotencyKey: string;
  readonly channel: ContactChannel;
  readonly recipient: string;
  readonly agencyId?: string | null;
  readonly workflowId?: string | null;
  readonly status: DeliveryStatus;
  readonly error?: string | null;
  readonly providerMessageId?: string | null;
  readonly attempt: number;
  readonly role?: string | null;
  readonly jobId?: string | null;
}

export interface DeliveryAttempt {
  readonly id: string;
  readonly idempotencyKey: string;
  readonly channel: ContactChannel;
  readonly recipient: string;
  readonly agencyId: string | null;
  readonly workflowId: string | null;
  readonly status: DeliveryStatus;
  readonly error: string | null;
  readonly providerMessageId: string | null;
  readonly attempt: number;
  readonly role: string | null;
  readonly jobId: string | null;
  readonly createdAt: Date;
}

export interface DeliveryLogFilter {
  readonly workflowId?: string;
  /** E.g. "task/kh-nq03-2025/" for every task of a plan. */
  readonly workflowIdPrefix?: string;
  readonly agencyId?: string;
  readonly status?: DeliveryStatus | readonly DeliveryStatus[];
  readonly idempotencyKey?: string;
  /** One delivery (reminder × role × channel × contact). */
  readonly jobId?: string;
}

export class DeliveryLogRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(input: DeliveryAttemptInput): Promise<DeliveryAttempt> {
    const row = await this.db.insertInto('delivery_log').values(toRow(input)).returningAll().executeTakeFirstOrThrow();
    return toDeliveryAttempt(row);
  }

  /** Several attempts in one statement (a digest's entries), in the given order. */
  async recordMany(inputs: readonly DeliveryAttemptInput[]): Promise<DeliveryAttempt[]> {
    if (inputs.length === 0) return [];
    const rows = await this.db.insertInto('delivery_log').values(inputs.map(toRow)).returningAll().execute();
    return rows.map(toDeliveryAttempt).sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** Newest first. */
  async list(filter: DeliveryLogFilter = {}, page: PageRequest = {}): Promise<Page<DeliveryAttempt>> {
    const limit = pageLimit(page.limit);
    const cursor = pageCursor(page.cursor);
    let query = this.db.selectFrom('delivery_log').selectAll();
    if (filter.workflowId !== undefined) query = query.where('workflow_id', '=', filter.workflowId);
    if (filter.workflowIdPrefix !== undefined) {
      query = query.where('workflow_id', 'like', `${escapeLike(filter.workflowIdPrefix)}%`);
    }
    if (filter.agencyId !== undefined) query = query.where('agency_id', '=', filter.agencyId);
    if (filter.idempotencyKey !== undefined) query = query.where('idempotency_key', '=', filter.idempotencyKey);
    if (filter.jobId !== undefined) query = query.where('job_id', '=', filter.jobId);
    if (filter.status !== undefined) {
      const statuses: readonly DeliveryStatus[] = typeof filter.status === 'string' ? [filter.status] : filter.status;
      if (statuses.length === 0) return { items: [], nextCursor: null };
      query = query.where('status', 'in', statuses);
    }
    if (cursor !== null) query = query.where('id', '<', cursor);
    const rows = await query.orderBy('id', 'desc').limit(limit + 1).execute();
    return toPage(rows.map(toDeliveryAttempt), limit);
  }

  /** True when some attempt of this delivery job already reached the provider (a crash before the queue heard of it). */
  async wasSent(jobId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('delivery_log')
      .select('id')
      .where('job_id', '=', jobId)
      .where('status', 'in', ['sent', 'delivered'])
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Every attempt for one reminder, oldest first: its whole delivery story. */
  async forKey(idempotencyKey: string): Promise<DeliveryAttempt[]> {
    const rows = await this.db
      .selectFrom('delivery_log')
      .selectAll()
      .where('idempotency_key', '=', idempotencyKey)
      .orderBy('id', 'asc')
      .execute();
    return rows.map(toDeliveryAttempt);
  }
}

function toRow(input: DeliveryAttemptInput) {
  return {
    idempotency_key: input.idempotencyKey,
    channel: input.channel,
    recipient: input.recipient,
    agency_id: input.agencyId ?? null,
    workflow_id: input.workflowId ?? null,
    status: input.status,
    error: input.error ?? null,
    provider_message_id: input.providerMessageId ?? null,
    attempt: input.attempt,
    role: input.role ?? null,
    job_id: input.jobId ?? null,
  };
}

/** LIKE treats % and _ as wildcards; plan and task ids may contain "_". */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toDeliveryAttempt(row: Selectable<DeliveryLogTable>): DeliveryAttempt {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    channel: row.channel,
    recipient: row.recipient,
    agencyId: row.agency_id,
    workflowId: row.workflow_id,
    status: row.status,
    error: row.error,
    providerMessageId: row.provider_message_id,
    attempt: row.attempt,
    role: row.role,
    jobId: row.job_id,
    createdAt: row.created_at,
  };
}

// Totals over the delivery log for metrics: one grouped count, cheap enough for every scrape.
import type { Kysely } from 'kysely';

import type { Database } from '../database';
import type { DeliveryStatus } from '../tables/delivery-log.table';

export interface DeliveryCount {
  readonly channel: string;
  readonly status: DeliveryStatus;
  /** Rows: one per reminder and recipient. */
  readonly count: number;
  /** Distinct messages those rows went in (a daily digest carries many reminders); only from outcomesSince. */
  readonly messages?: number;
}

export class DeliveryStatsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async countsByChannelAndStatus(): Promise<DeliveryCount[]> {
    const rows = await this.db
      .selectFrom('delivery_log')
      .select(['channel', 'status', (eb) => eb.fn.countAll<string>().as('count')])
      .groupBy(['channel', 'status'])
      .execute();
    return rows.map((row) => ({ channel: row.channel, status: row.status, count: Number(row.count) }));
  }

  /** Attempts that ended (sent, or given up) since a moment, by channel and status: the run command's per-minute line. */
  async outcomesSince(since: Date): Promise<DeliveryCount[]> {
    const rows = await this.db
      .selectFrom('delivery_log')
      .select(['channel', 'status', (eb) => eb.fn.countAll<string>().as('count'), (eb) => eb.fn.count<string>(eb.fn.coalesce('job_id', 'provider_message_id')).distinct().as('messages')])
      .where('created_at', '>=', since)
      .where('status', 'in', ['sent', 'dead', 'failed_permanent'])
      .groupBy(['channel', 'status'])
      .execute();
    return rows.map((row) => ({ channel: row.channel, status: row.status, count: Number(row.count), messages: Number(row.messages) }));
  }
}

// The notifier's needs (issue 6): which role and BullMQ job each delivery
// attempt belongs to, a `delivered` status for provider receipts, the Zalo
// OAuth tokens (the refresh token is single-use and rotates: it must survive
// restarts and be shared by every notifier), and ZNS delivery receipts keyed
// by msg_id so a webhook retried by Zalo is recorded once.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('delivery_log')
    .addColumn('role', 'text')
    .addColumn('job_id', 'text')
    .execute();
  await sql`alter table delivery_log drop constraint delivery_log_status_check`.execute(db);
  await sql`alter table delivery_log add constraint delivery_log_status_check
    check (status in ('queued', 'sent', 'delivered', 'failed_permanent', 'failed_retryable', 'dead'))`.execute(db);
  await db.schema.createIndex('delivery_log_provider_message_id_idx').on('delivery_log').column('provider_message_id').execute();
  // The notifier asks "was this job already sent?" before every send.
  await db.schema.createIndex('delivery_log_job_id_idx').on('delivery_log').columns(['job_id', 'status']).execute();

  await db.schema
    .createTable('zalo_tokens')
    .addColumn('app_id', 'text', (c) => c.primaryKey())
    .addColumn('refresh_token', 'text', (c) => c.notNull())
    .addColumn('access_token', 'text')
    .addColumn('access_expires_at', 'timestamptz')
    .addColumn('rotated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('zns_receipts')
    .addColumn('msg_id', 'text', (c) => c.primaryKey())
    .addColumn('delivered_at', 'timestamptz', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('zns_receipts').execute();
  await db.schema.dropTable('zalo_tokens').execute();
  await db.schema.dropIndex('delivery_log_job_id_idx').execute();
  await db.schema.dropIndex('delivery_log_provider_message_id_idx').execute();
  await sql`delete from delivery_log where status = 'delivered'`.execute(db);
  await sql`alter table delivery_log drop constraint delivery_log_status_check`.execute(db);
  await sql`alter table delivery_log add constraint delivery_log_status_check
    check (status in ('queued', 'sent', 'failed_permanent', 'failed_retryable', 'dead'))`.execute(db);
  await db.schema.alterTable('delivery_log').dropColumn('job_id').dropColumn('role').execute();
}

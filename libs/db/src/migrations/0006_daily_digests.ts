// Daily digests (issue 13 §2): a person receives at most one message a day per
// channel, listing every reminder due for them that day. A digest is open
// while it collects entries, sealed when its delivery job takes it (entries
// arriving later go to the next working day's digest), then sent or failed.
// Each entry is one delivery (reminder × role × channel × contact) with the
// job payload the notifier renders; its delivery key is unique, so a reminder
// dispatched twice joins one digest once.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('digests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('day', 'text', (c) => c.notNull().check(sql`day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('email', 'zalo')`))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('recipient_agency_id', 'text', (c) => c.notNull())
    .addColumn('quiet_hours', 'jsonb')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'sealed', 'sent', 'failed')`))
    .addColumn('send_after', 'timestamptz', (c) => c.notNull())
    .addColumn('send_by', 'timestamptz', (c) => c.notNull())
    .addColumn('provider_message_id', 'text')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('digests_person_day_key', ['channel', 'address', 'day'])
    .execute();

  await db.schema
    .createTable('digest_entries')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('digest_id', 'text', (c) => c.notNull().references('digests.id').onDelete('cascade'))
    .addColumn('delivery_key', 'text', (c) => c.notNull().unique())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('workflow_id', 'text', (c) => c.notNull())
    .addColumn('delivery', 'jsonb', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('sent', 'handed-on', 'dead')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('digest_entries_digest_idx').on('digest_entries').column('digest_id').execute();
  // Deferred digests and the ones still to send, by day.
  await db.schema.createIndex('digests_status_day_idx').on('digests').columns(['status', 'day']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('digest_entries').execute();
  await db.schema.dropTable('digests').execute();
}

// First schema: plan versions, delivery log, audit log, staff users, used
// signed links, yearly report submissions and files.
//
// A migration is frozen once released: allowed values are spelled out here
// rather than imported, so later changes to the TypeScript constants need a
// new migration instead of silently rewriting history.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plan_versions')
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version > 0`))
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('document', 'jsonb', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_versions_pkey', ['plan_id', 'version'])
    .addUniqueConstraint('plan_versions_plan_id_content_hash_key', ['plan_id', 'content_hash'])
    .execute();

  await db.schema
    .createTable('delivery_log')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('email', 'zalo')`))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text')
    .addColumn('workflow_id', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued', 'sent', 'failed_permanent', 'failed_retryable', 'dead')`),
    )
    .addColumn('error', 'text')
    .addColumn('provider_message_id', 'text')
    .addColumn('attempt', 'integer', (c) => c.notNull().check(sql`attempt >= 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('delivery_log_idempotency_key_idx').on('delivery_log').columns(['idempotency_key', 'id']).execute();
  // The list views filter by one of these and show the newest first (ordered by id).
  await db.schema.createIndex('delivery_log_workflow_id_idx').on('delivery_log').columns(['workflow_id', 'id']).execute();
  await db.schema.createIndex('delivery_log_agency_id_idx').on('delivery_log').columns(['agency_id', 'id']).execute();
  await db.schema.createIndex('delivery_log_status_idx').on('delivery_log').columns(['status', 'id']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('ip', 'text')
    .addColumn('request_id', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor', 'id']).execute();
  await db.schema.createIndex('audit_log_target_idx').on('audit_log').columns(['target', 'id']).execute();
  await db.schema.createIndex('audit_log_action_idx').on('audit_log').columns(['action', 'id']).execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'viewer', 'officer')`))
    .addColumn('agency_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('last_login_at', 'timestamptz')
    .addCheckConstraint('users_officer_has_agency', sql`role <> 'officer' or agency_id is not null`)
    .execute();
  await db.schema.createIndex('users_email_key').on('users').unique().expression(sql`lower(email)`).execute();

  await db.schema
    .createTable('used_links')
    .addColumn('nonce', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('used_links_expires_at_idx').on('used_links').column('expires_at').execute();

  await db.schema
    .createTable('report_submissions')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2000 and 2999`))
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().check(sql`revision > 0`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'submitted', 'accepted', 'returned')`),
    )
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('review_comment', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('report_submissions_revision_key', ['plan_id', 'year', 'agency_id', 'revision'])
    .addCheckConstraint(
      'report_submissions_submitted_has_time',
      sql`status = 'draft' or submitted_at is not null`,
    )
    .execute();
  await db.schema
    .createIndex('report_submissions_status_idx')
    .on('report_submissions')
    .columns(['plan_id', 'year', 'status'])
    .execute();

  await db.schema
    .createTable('report_files')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('docx', 'xlsx', 'json')`))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Generating the same document twice records it once.
    .addUniqueConstraint('report_files_content_key', ['plan_id', 'year', 'kind', 'sha256'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'report_files',
    'report_submissions',
    'used_links',
    'users',
    'audit_log',
    'delivery_log',
    'plan_versions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

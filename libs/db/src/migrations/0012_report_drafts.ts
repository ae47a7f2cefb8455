// An agency's unfinished report for a cycle, saved from the report form so an
// officer can come back to it: one row per (plan, cycle, agency), overwritten
// on every save and removed once the report is submitted. Unlike
// report_submissions, a draft need not be complete or valid yet.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_drafts')
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('cycle_key', 'text', (c) => c.notNull().check(sql`cycle_key ~ '^[0-9]{4}(-dx-[a-z0-9-]{1,40})?$'`))
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('saved_by', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('report_drafts_pkey', ['plan_id', 'cycle_key', 'agency_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_drafts').execute();
}

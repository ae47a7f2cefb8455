// Report cycles: an ad-hoc (đột xuất) request for a plan runs in the same year
// as the yearly cycle, so submissions and files are keyed by a cycle key
// ("2026" or "2026-dx-<id>") instead of the year alone. Existing rows belong
// to their yearly cycle.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['report_submissions', 'report_files']) {
    await db.schema.alterTable(table).addColumn('cycle_key', 'text').execute();
    await sql`update ${sql.table(table)} set cycle_key = year::text`.execute(db);
    await db.schema.alterTable(table).alterColumn('cycle_key', (c) => c.setNotNull()).execute();
    await db.schema
      .alterTable(table)
      .addCheckConstraint(`${table}_cycle_key_check`, sql`cycle_key ~ '^[0-9]{4}(-dx-[a-z0-9-]{1,40})?$'`)
      .execute();
  }

  await db.schema.alterTable('report_submissions').dropConstraint('report_submissions_revision_key').execute();
  await db.schema
    .alterTable('report_submissions')
    .addUniqueConstraint('report_submissions_revision_key', ['plan_id', 'cycle_key', 'agency_id', 'revision'])
    .execute();
  await db.schema.dropIndex('report_submissions_status_idx').execute();
  await db.schema
    .createIndex('report_submissions_status_idx')
    .on('report_submissions')
    .columns(['plan_id', 'cycle_key', 'status'])
    .execute();

  await db.schema.alterTable('report_files').dropConstraint('report_files_content_key').execute();
  // Generating the same document twice records it once.
  await db.schema
    .alterTable('report_files')
    .addUniqueConstraint('report_files_content_key', ['plan_id', 'cycle_key', 'kind', 'sha256'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('report_files').dropConstraint('report_files_content_key').execute();
  await db.schema.alterTable('report_files').addUniqueConstraint('report_files_content_key', ['plan_id', 'year', 'kind', 'sha256']).execute();
  await db.schema.dropIndex('report_submissions_status_idx').execute();
  await db.schema.createIndex('report_submissions_status_idx').on('report_submissions').columns(['plan_id', 'year', 'status']).execute();
  await db.schema.alterTable('report_submissions').dropConstraint('report_submissions_revision_key').execute();
  await db.schema
    .alterTable('report_submissions')
    .addUniqueConstraint('report_submissions_revision_key', ['plan_id', 'year', 'agency_id', 'revision'])
    .execute();
  for (const table of ['report_submissions', 'report_files']) {
    await db.schema.alterTable(table).dropConstraint(`${table}_cycle_key_check`).execute();
    await db.schema.alterTable(table).dropColumn('cycle_key').execute();
  }
}

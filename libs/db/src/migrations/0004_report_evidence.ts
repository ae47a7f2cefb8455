// Evidence files an agency attaches to its report in a cycle (PDF, DOCX, XLSX,
// images). The files live under the data folder; the database keeps what a
// download and the consolidated report need: the name as uploaded, its type,
// size and content hash. The same content attached twice is recorded once.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_evidence')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('cycle_key', 'text', (c) => c.notNull().check(sql`cycle_key ~ '^[0-9]{4}(-dx-[a-z0-9-]{1,40})?$'`))
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull().check(sql`length(file_name) between 1 and 200`))
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull().check(sql`size_bytes > 0`))
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('report_evidence_content_key', ['plan_id', 'cycle_key', 'agency_id', 'sha256'])
    .execute();
  await db.schema.createIndex('report_evidence_agency_idx').on('report_evidence').columns(['plan_id', 'cycle_key', 'agency_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_evidence').execute();
}

// Every consolidation of a report cycle is a generation of its own (DOCX, XLSX
// and JSON under reports/<plan>/<cycle>/<generation>/): re-generating on demand
// no longer overwrites the files that were e-mailed at the deadline. Before
// this, each kind had one file on disk, rewritten by every consolidation, and a
// row per distinct content: the newest row of every kind becomes the cycle's
// latest generation (they describe the files there now), older rows count back
// from it, so a download of the latest finds all three kinds.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('report_files').addColumn('generation', 'integer', (c) => c.notNull().defaultTo(1).check(sql`generation > 0`)).execute();
  await sql`
    with ranked as (
      select id, plan_id, cycle_key, row_number() over (partition by plan_id, cycle_key, kind order by id desc) as newest_first from report_files
    ), sized as (
      select id, newest_first, max(newest_first) over (partition by plan_id, cycle_key) as depth from ranked
    )
    update report_files f set generation = s.depth - s.newest_first + 1 from sized s where f.id = s.id`.execute(db);
  await db.schema.alterTable('report_files').dropConstraint('report_files_content_key').execute();
  await db.schema.alterTable('report_files').addUniqueConstraint('report_files_generation_key', ['plan_id', 'cycle_key', 'generation', 'kind']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('report_files').dropConstraint('report_files_generation_key').execute();
  // Only the newest file of each content stays, as before generations.
  await sql`
    delete from report_files f using report_files g
    where f.plan_id = g.plan_id and f.cycle_key = g.cycle_key and f.kind = g.kind and f.sha256 = g.sha256 and f.id < g.id`.execute(db);
  await db.schema.alterTable('report_files').addUniqueConstraint('report_files_content_key', ['plan_id', 'cycle_key', 'kind', 'sha256']).execute();
  await db.schema.alterTable('report_files').dropColumn('generation').execute();
}

// Each audited action gets its outcome. An API action is recorded as intended
// before it is applied (outcome "pending") and marked "applied", "refused" or
// "failed" afterwards, so the log never lacks an action a workflow carried out
// and never shows one that was refused as done. Rows written before this
// migration (and after-the-fact records) have "applied" or null: done.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('audit_log')
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('pending', 'applied', 'refused', 'failed')`))
    .addColumn('outcome_detail', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').dropColumn('outcome_detail').dropColumn('outcome').execute();
}

// Calendar subscription links, one row each: a link stays valid a year and is
// fetched again and again by a calendar app, so it must be revocable on its own.
// Only the SHA-256 of the token is kept (OWASP ASVS: long-lived tokens hashed).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_links')
    // The token's nonce: the id an admin names to revoke it.
    .addColumn('id', 'text', (c) => c.primaryKey().check(sql`id ~ '^[A-Za-z0-9_-]{16,64}$'`))
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('token_sha256', 'text', (c) => c.notNull().check(sql`token_sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'text')
    .execute();
  await db.schema.createIndex('calendar_links_agency_idx').on('calendar_links').columns(['agency_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_links').execute();
}

// The directory's living part moves into the database: the contacts of each
// agency (seeded from seeds/agencies.yaml on first start, then edited here) and
// the merges recorded through the API. directory_state holds one revision
// number that every change raises in the same transaction, so a process that
// caches the directory knows with one small read whether it is stale.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agency_contacts')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('head', 'focal')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('zalo_user_id', 'text')
    // A JSON array of channels ("email", "zalo"); null: the agency's preference.
    .addColumn('channels', 'jsonb')
    .addColumn('quiet_from', 'text', (c) => c.check(sql`quiet_from ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`))
    .addColumn('quiet_to', 'text', (c) => c.check(sql`quiet_to ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('agency_contacts_role_key', ['agency_id', 'role'])
    .addCheckConstraint('agency_contacts_quiet_hours_pair', sql`(quiet_from is null) = (quiet_to is null)`)
    .execute();

  await db.schema
    .createTable('agency_reorganisations')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('merge')`))
    .addColumn('from_agency', 'text', (c) => c.notNull())
    .addColumn('into_agency', 'text', (c) => c.notNull())
    // Text, not date: a day in Vietnam, never shifted by a time zone on the way.
    .addColumn('effective', 'text', (c) => c.notNull().check(sql`effective ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
    .addColumn('note', 'text')
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    // An agency ends once.
    .addUniqueConstraint('agency_reorganisations_from_key', ['from_agency'])
    .addCheckConstraint('agency_reorganisations_not_into_itself', sql`from_agency <> into_agency`)
    .execute();

  await db.schema
    .createTable('directory_state')
    .addColumn('id', 'smallint', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('revision', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('contacts_seeded_at', 'timestamptz')
    .execute();
  await sql`insert into directory_state (id) values (1)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['directory_state', 'agency_reorganisations', 'agency_contacts']) await db.schema.dropTable(table).execute();
}

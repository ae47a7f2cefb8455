// Migrations against the real PostgreSQL, each suite in its own schema.
import { sql } from 'kysely';

import { createDatabase, migrateToLatest, MigrationError, migrations } from '@dondoc/db';

import { createTestDatabase, type TestDatabase } from '../../../libs/db/src/testing';

jest.setTimeout(60_000);

describe(migrateToLatest.name, () => {
  let testDb: TestDatabase;

  beforeAll(async () => {
    testDb = await createTestDatabase({ label: 'migrations' });
  });

  afterAll(() => testDb.destroy());

  it('creates every table in the suite schema, not in public', async () => {
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = ${testDb.schema} order by table_name`.execute(testDb.db);
    expect(rows.map((r) => r.table_name)).toEqual([
      'agency_contacts',
      'agency_reorganisations',
      'audit_log',
      'calendar_links',
      'delivery_log',
      'digest_entries',
      'digests',
      'directory_state',
      'kysely_migration',
      'kysely_migration_lock',
      'password_resets',
      'plan_versions',
      'report_drafts',
      'report_evidence',
      'report_files',
      'report_submissions',
      'task_evidence',
      'used_links',
      'users',
      'zalo_tokens',
      'zns_receipts',
    ]);
  });

  it('has nothing left to do the second time', async () => {
    expect(await migrateToLatest(testDb.db)).toEqual([]);
  });

  it('does not mistake another schema’s migration table for its own', async () => {
    const other = await createTestDatabase({ label: 'migrations other' });
    try {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(other.db);
      expect(rows[0]?.n).toBe(Object.keys(migrations).length);
    } finally {
      await other.destroy();
    }
  });

  it('enforces the allowed values', async () => {
    const { db } = testDb;
    await expect(
      db.insertInto('users').values({ email: 'a@example.vn', password_hash: 'x', role: 'officer' }).execute(),
    ).rejects.toMatchObject({ code: '23514', constraint: 'users_officer_has_agency' });
    await db.insertInto('users').values({ email: 'Admin@Example.vn', password_hash: 'x', role: 'admin' }).execute();
    await expect(
      db.insertInto('users').values({ email: 'admin@example.vn', password_hash: 'y', role: 'viewer' }).execute(),
    ).rejects.toMatchObject({ code: '23505' });
    await expect(
      sql`insert into report_files (plan_id, year, cycle_key, kind, path, sha256) values ('p', 2025, '2025', 'pdf', 'x', ${'a'.repeat(64)})`.execute(db),
    ).rejects.toMatchObject({ code: '23514' });
    // 0003: a cycle is a year, or a year and an ad-hoc request id.
    await expect(
      sql`insert into report_files (plan_id, year, cycle_key, kind, path, sha256) values ('p', 2025, '2025 extra', 'docx', 'x', ${'a'.repeat(64)})`.execute(db),
    ).rejects.toMatchObject({ code: '23514', constraint: 'report_files_cycle_key_check' });
  });

  it('explains a search_path that names no existing schema', async () => {
    const db = createDatabase(testDb.url, { schema: 'dondoc_missing_schema' });
    try {
      await expect(migrateToLatest(db)).rejects.toThrow(MigrationError);
      await expect(migrateToLatest(db)).rejects.toThrow(/none of the schemas in the search_path exists/);
    } finally {
      await db.destroy();
    }
  });
});

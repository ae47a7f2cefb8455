// Test-only helper: a private, fully migrated schema in the real PostgreSQL
// for one test suite, dropped afterwards. Not exported from the barrel, so
// production bundles never contain it.
import { randomBytes } from 'node:crypto';

import type { Kysely } from 'kysely';
import { Client } from 'pg';

import { createDatabase } from './create-database';
import type { Database } from './database';
import { migrateToLatest } from './migrate';
import { quoteSchemaName } from './schema-name';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  readonly db: Kysely<Database>;
  /** The server URL; pair it with `schema` to open more connections (e.g. for an app under test). */
  readonly url: string;
  readonly schema: string;
  /** Closes `db` and drops the schema with everything in it. */
  destroy(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** @defaultValue TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres */
  readonly url?: string;
  /** Readable part of the schema name, e.g. the suite's name. @defaultValue "test" */
  readonly label?: string;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  // Test code may read the environment; production code gets its URL from libs/config.
  const url = options.url ?? process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
  const schema = uniqueSchemaName(options.label ?? 'test');
  await admin(url, `CREATE SCHEMA ${quoteSchemaName(schema)}`);
  const db = createDatabase(url, { schema, maxConnections: 5, applicationName: `dondoc-test-${schema}` });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    await admin(url, `DROP SCHEMA IF EXISTS ${quoteSchemaName(schema)} CASCADE`);
    throw error;
  }
  let destroyed: Promise<void> | null = null;
  return {
    db,
    url,
    schema,
    destroy: () => {
      destroyed ??= db.destroy().then(() => admin(url, `DROP SCHEMA IF EXISTS ${quoteSchemaName(schema)} CASCADE`));
      return destroyed;
    },
  };
}

/** "t_<label>_<time>_<random>": unique across parallel Jest workers, sortable, and easy to spot when left behind. */
export function uniqueSchemaName(label: string): string {
  const clean = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 30) || 'test';
  return `t_${clean}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

// Brings a database up to the newest schema. Safe to call from every process
// at boot: Kysely serialises concurrent runs with an advisory lock and skips
// what was already applied.
import { type Kysely, sql } from 'kysely';
import { Migrator } from 'kysely/migration';

import type { Database } from './database';
import { migrationProvider } from './migrations';

export class MigrationError extends Error {
  override readonly name = 'MigrationError';

  constructor(
    message: string,
    /** The migration that failed, when one did. */
    readonly migration: string | null,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Applies every pending migration and returns the names applied now (empty when up to date). */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    // Kysely looks for its bookkeeping tables in every schema unless told
    // which one; with a schema per test suite it would find another suite's.
    migrationTableSchema: await currentSchema(db),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? null;
    const where = failed ? `migration ${failed} failed` : 'cannot migrate the database';
    throw new MigrationError(`${where}: ${describe(error)}`, failed, { cause: error });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) {
    throw new MigrationError('no schema to migrate: none of the schemas in the search_path exists', null);
  }
  return schema;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

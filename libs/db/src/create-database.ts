// The one way the product opens PostgreSQL: a `pg` pool behind Kysely.
// The URL is a parameter; libs/config decides which one (DATABASE_URL or the
// embedded server's).
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';

import type { Database } from './database';
import { quoteSchemaName } from './schema-name';

export interface CreateDatabaseOptions {
  /**
   * Schema every connection works in (its search_path), e.g. one per test suite.
   * On the embedded server all connections share one session, so use at most one schema there.
   * @defaultValue the server's default, normally "public"
   */
  readonly schema?: string;
  /** @defaultValue 10 */
  readonly maxConnections?: number;
  /** Shown in pg_stat_activity, e.g. "dondoc-api". */
  readonly applicationName?: string;
  /**
   * Called when an idle pooled connection breaks (server restart, network).
   * `pg` already dropped that connection and the next query opens a new one;
   * without a listener the error would crash the process.
   * @defaultValue ignore
   */
  readonly onIdleConnectionError?: (error: Error) => void;
}

export function createDatabase(url: string, options: CreateDatabaseOptions = {}): Kysely<Database> {
  const setSearchPath =
    options.schema === undefined ? null : CompiledQuery.raw(`SET search_path TO ${quoteSchemaName(options.schema)}`);
  const pool = new Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    ...(options.applicationName ? { application_name: options.applicationName } : {}),
  });
  pool.on('error', options.onIdleConnectionError ?? (() => undefined));
  return new Kysely<Database>({
    dialect: new PostgresDialect({
      pool,
      // A SET rather than the startup "options" parameter: PGlite ignores startup options.
      ...(setSearchPath ? { onCreateConnection: async (connection) => void (await connection.executeQuery(setSearchPath)) } : {}),
    }),
  });
}

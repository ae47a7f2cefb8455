// The embedded default database: PGlite (PostgreSQL compiled to WebAssembly)
// keeping its files in a local folder, served over the PostgreSQL wire
// protocol on a loopback port. Every process (api, worker, notifier, CLI)
// then connects with the same `pg` driver and the same code path as in
// production; only the URL differs.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { PGlite } from '@electric-sql/pglite';

import { lockDataDir } from './embedded/data-dir-lock';
import { PgliteWireServer } from './embedded/wire-server';

export interface EmbeddedPostgresOptions {
  /** Folder holding the database files; created when missing. One server per folder at a time. */
  readonly dataDir: string;
  /** @defaultValue '127.0.0.1' (the server has no authentication, keep it on loopback) */
  readonly host?: string;
  /** @defaultValue 0 (a free port chosen by the operating system; read it from `url`) */
  readonly port?: number;
  /** Client connections accepted at once; they share one PGlite session in turn. @defaultValue 64 */
  readonly maxConnections?: number;
  /**
   * How long a request waits while another connection holds the session (for
   * example an open transaction) before failing with SQLSTATE 55P03.
   * @defaultValue 30000
   */
  readonly lockTimeoutMs?: number;
  /**
   * Told when a client connection is dropped because it broke the protocol or
   * PGlite failed while serving it; the server itself keeps running.
   * @defaultValue ignore
   */
  readonly onConnectionError?: (error: unknown, connectionId: number) => void;
}

export interface EmbeddedPostgres {
  /** `postgres://postgres@<host>:<port>/postgres`, for `pg` and `createDatabase`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** Disconnects every client, then closes PGlite so that its files are consistent. */
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {
  override readonly name = 'EmbeddedPostgresError';
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const host = options.host ?? '127.0.0.1';
  await mkdir(dataDir, { recursive: true });
  const lock = await lockDataDir(dataDir);

  let db: PGlite;
  try {
    db = await PGlite.create(dataDir);
  } catch (error) {
    await lock.release();
    throw new EmbeddedPostgresError(`cannot open the PGlite database in ${dataDir}: ${describe(error)}${hint(error)}`, {
      cause: error,
    });
  }

  const server = new PgliteWireServer(db, {
    host,
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 64,
    lockTimeoutMs: options.lockTimeoutMs ?? 30_000,
    onConnectionError: options.onConnectionError ?? (() => undefined),
  });
  let port: number;
  try {
    ({ port } = await server.start());
  } catch (error) {
    await db.close();
    await lock.release();
    throw new EmbeddedPostgresError(
      `cannot serve the PGlite database on ${host}:${options.port ?? 0}: ${describe(error)}`,
      { cause: error },
    );
  }

  let stopping: Promise<void> | null = null;
  return {
    url: `postgres://postgres@${urlHost(host)}:${port}/postgres`,
    host,
    port,
    dataDir,
    stop: () => {
      stopping ??= server
        .stop()
        .then(() => db.close())
        .finally(() => lock.release());
      return stopping;
    },
  };
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** PGlite loads parts of itself with import(), which Jest's module sandbox only allows behind a flag. */
function hint(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG'
    ? ' (under Jest, run with NODE_OPTIONS=--experimental-vm-modules or start the server in a child process)'
    : '';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

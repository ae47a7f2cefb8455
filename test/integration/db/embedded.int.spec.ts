// The embedded default database: PGlite served over the wire protocol, used
// through the same pg pool and Kysely code as a real server.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { sql } from 'kysely';
import { Client, Pool } from 'pg';

import { createDatabase, migrateToLatest, migrations, PlanVersionRepository } from '@dondoc/db';
import type { Plan } from '@dondoc/domain';

import { type EmbeddedProcess, EmbeddedStartError, spawnEmbeddedPostgres } from './support/embedded-process';

// The integration project's testTimeout is not applied per project by Jest 30; PGlite's first start runs initdb.
jest.setTimeout(120_000);

const plan = { id: 'kh-test', title: 'Kế hoạch thử' } as unknown as Plan;

describe('embedded PostgreSQL (PGlite over the wire protocol)', () => {
  let dir: string;
  let dataDir: string;
  let server: EmbeddedProcess | undefined;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-embedded-'));
    dataDir = path.join(dir, 'pglite');
  });

  afterAll(async () => {
    await server?.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrates and answers concurrent queries and transactions from two pools', async () => {
    server = await spawnEmbeddedPostgres({ dataDir });
    const db = createDatabase(server.url, { maxConnections: 5 });
    const raw = new Pool({ connectionString: server.url, max: 5 });
    raw.on('error', () => undefined);
    try {
      expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
      await sql`create table counter (id int primary key, n int not null)`.execute(db);
      await sql`insert into counter values (1, 0)`.execute(db);

      // Different statement shapes on the two pools: interleaved protocol messages would mix them up.
      const reads = Array.from({ length: 200 }, async (_, i) => {
        if (i % 2 === 0) {
          const { rows } = await raw.query<{ v: number; t: string }>('select $1::int as v, $2::text as t', [i, `x${i}`]);
          return rows[0]?.v === i && rows[0]?.t === `x${i}`;
        }
        const { rows } = await sql<{ t: string; v: number; extra: number }>`select ${`x${i}`}::text as t, ${i}::int as v, 1 as extra`.execute(db);
        return rows[0]?.v === i && rows[0]?.t === `x${i}`;
      });
      // Read-modify-write inside transactions: only correct if each transaction has the session to itself.
      const increments = Array.from({ length: 40 }, async (_, i) => {
        if (i % 2 === 0) {
          await db.transaction().execute(async (trx) => {
            const { rows } = await sql<{ n: number }>`select n from counter where id = 1`.execute(trx);
            await new Promise((resolve) => setTimeout(resolve, 1));
            await sql`update counter set n = ${(rows[0]?.n ?? 0) + 1} where id = 1`.execute(trx);
          });
        } else {
          const client = await raw.connect();
          try {
            await client.query('begin');
            const { rows } = await client.query<{ n: number }>('select n from counter where id = 1');
            await client.query('update counter set n = $1 where id = 1', [(rows[0]?.n ?? 0) + 1]);
            await client.query('commit');
          } finally {
            client.release();
          }
        }
      });
      const [results] = await Promise.all([Promise.all(reads), Promise.all(increments)]);
      expect(results.every(Boolean)).toBe(true);
      const { rows } = await raw.query<{ n: number }>('select n from counter');
      expect(rows[0]?.n).toBe(40);

      const repository = new PlanVersionRepository(db);
      const saved = await Promise.all(Array.from({ length: 8 }, () => repository.saveIfNew('kh-test', 'hash-1', plan, 'test')));
      expect(saved.filter((s) => s.created)).toHaveLength(1);
    } finally {
      await raw.end();
      await db.destroy();
    }
  });

  it('reports SQL errors as PostgreSQL does and stays usable', async () => {
    const client = new Client({ connectionString: server!.url });
    await client.connect();
    try {
      await expect(client.query('select * from no_such_table where id = $1', [1])).rejects.toMatchObject({ code: '42P01' });
      await expect(client.query('selec 1')).rejects.toMatchObject({ code: '42601' });
      await client.query('begin');
      await expect(client.query('select 1 / 0')).rejects.toMatchObject({ code: '22012' });
      await client.query('rollback');
      expect((await client.query('select $1::text as ok', ['yes'])).rows).toEqual([{ ok: 'yes' }]);
    } finally {
      await client.end();
    }
  });

  it('refuses a second server on the same folder', async () => {
    const second = spawnEmbeddedPostgres({ dataDir });
    await expect(second).rejects.toThrow(EmbeddedStartError);
    await expect(second).rejects.toMatchObject({ errorName: 'DataDirInUseError' });
  });

  it('keeps the data across a stop and a start', async () => {
    await server?.stop();
    server = await spawnEmbeddedPostgres({ dataDir });
    const db = createDatabase(server.url);
    try {
      expect(await migrateToLatest(db)).toEqual([]);
      const latest = await new PlanVersionRepository(db).latest('kh-test');
      expect(latest).toMatchObject({ version: 1, contentHash: 'hash-1', document: plan });
      const { rows } = await sql<{ n: number }>`select n from counter`.execute(db);
      expect(rows[0]?.n).toBe(40);
    } finally {
      await db.destroy();
    }
  });

  it('keeps committed data across a crash', async () => {
    const db = createDatabase(server!.url);
    try {
      await sql`update counter set n = 41`.execute(db);
    } finally {
      await db.destroy();
    }
    await server?.kill();
    server = await spawnEmbeddedPostgres({ dataDir });
    const after = new Client({ connectionString: server.url });
    await after.connect();
    try {
      expect((await after.query('select n from counter')).rows[0]).toEqual({ n: 41 });
    } finally {
      await after.end();
    }
  });

  it('rolls back the open transaction of a client that disconnects, and serves the others', async () => {
    const quitter = new Client({ connectionString: server!.url });
    await quitter.connect();
    await quitter.query('begin');
    await quitter.query('update counter set n = 999');
    const other = new Client({ connectionString: server!.url });
    await other.connect();
    try {
      const waiting = other.query<{ n: number }>('select n from counter');
      // The socket drops without COMMIT or ROLLBACK.
      await quitter.end();
      expect((await waiting).rows[0]).toEqual({ n: 41 });
    } finally {
      await other.end();
    }
  });
});

describe('embedded PostgreSQL with a short session timeout', () => {
  let dir: string;
  let server: EmbeddedProcess;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-embedded-'));
    server = await spawnEmbeddedPostgres({ dataDir: path.join(dir, 'pglite'), lockTimeoutMs: 300 });
  });

  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails a query that waits too long behind an open transaction with SQLSTATE 55P03', async () => {
    const holder = new Client({ connectionString: server.url });
    const waiter = new Client({ connectionString: server.url });
    await holder.connect();
    await waiter.connect();
    try {
      await holder.query('begin');
      await expect(waiter.query('select $1::int as one', [1])).rejects.toMatchObject({ code: '55P03' });
      await expect(waiter.query('select 2 as two')).rejects.toMatchObject({ code: '55P03' });
      await holder.query('commit');
      // Both connections are still in step with the protocol afterwards.
      expect((await waiter.query('select $1::int as one', [1])).rows).toEqual([{ one: 1 }]);
      expect((await holder.query('select 2 as two')).rows).toEqual([{ two: 2 }]);
    } finally {
      await holder.end();
      await waiter.end();
    }
  });
});

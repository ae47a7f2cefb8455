// Migration 0005 over files consolidated before generations were kept: one
// file per kind on disk, a row per distinct content. The newest row of each
// kind must become the latest generation, so downloads find all three kinds.
import { ReportFileRepository } from '@dondoc/db';
import { sql } from 'kysely';

import { migrations } from '../../../libs/db/src/migrations';
import { createTestDatabase, type TestDatabase } from '../../../libs/db/src/testing';

const migration = migrations['0005_report_file_generations']!;
const hash = (c: string) => c.repeat(64);

describe('report file generations (migration 0005)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ label: 'report file generations' });
  });
  afterAll(() => database?.destroy());

  it('numbers the rows of earlier consolidations so the newest of every kind is the latest generation, and goes back down', async () => {
    const { db } = database;
    await migration.down!(db);
    const insert = (cycleKey: string, kind: string, sha: string) =>
      sql`insert into report_files (plan_id, year, cycle_key, kind, path, sha256) values ('kh-x', 2026, ${cycleKey}, ${kind}, ${`reports/kh-x/${cycleKey}/bao-cao-kh-x-${cycleKey}.${kind}`}, ${sha})`.execute(db);
    // 2026: the DOCX changed at every one of three consolidations, the XLSX once, the JSON never.
    for (const [kind, sha] of [['docx', 'a'], ['xlsx', 'b'], ['json', 'c'], ['docx', 'd'], ['xlsx', 'e'], ['docx', 'f']] as const) await insert('2026', kind, hash(sha));
    await insert('2025', 'json', hash('9'));
    await migration.up(db);

    const files = new ReportFileRepository(db);
    expect((await files.latest('kh-x', '2026')).map((f) => [f.kind, f.generation, f.sha256[0]])).toEqual([
      ['json', 3, 'c'],
      ['xlsx', 3, 'e'],
      ['docx', 3, 'f'],
    ]);
    expect((await files.generations('kh-x', '2026')).map((g) => [g.generation, g.files.map((f) => `${f.kind}:${f.sha256[0]}`)])).toEqual([
      [1, ['docx:a']],
      [2, ['xlsx:b', 'docx:d']],
      [3, ['json:c', 'xlsx:e', 'docx:f']],
    ]);
    expect((await files.latest('kh-x', '2025')).map((f) => f.generation)).toEqual([1]);
    expect(await files.nextGeneration('kh-x', '2026')).toBe(4);
    // A generation takes each kind once.
    await expect(files.recordGeneration({ planId: 'kh-x', year: 2026, cycleKey: '2026' }, 3, [{ kind: 'json', path: 'x', sha256: hash('0') }])).rejects.toMatchObject({ code: '23505', constraint: 'report_files_generation_key' });

    await migration.down!(db);
    const { rows } = await sql<{ kind: string; sha256: string }>`select kind, sha256 from report_files where cycle_key = '2026' order by id`.execute(db);
    expect(rows.map((r) => `${r.kind}:${r.sha256[0]}`)).toEqual(['docx:a', 'xlsx:b', 'json:c', 'docx:d', 'xlsx:e', 'docx:f']);
    await migration.up(db);
  });
});

import { PlanVersionRepository } from '@dondoc/db';
import type { Plan } from '@dondoc/domain';

import { createTestDatabase, type TestDatabase } from '../../../libs/db/src/testing';

jest.setTimeout(60_000);

// Only the repository's handling matters here, not the plan's content.
const planDocument = (title: string) => ({ id: 'kh-nq03-2025', title, groups: [] }) as unknown as Plan;

describe(PlanVersionRepository.name, () => {
  let testDb: TestDatabase;
  let sut: PlanVersionRepository;

  beforeAll(async () => {
    testDb = await createTestDatabase({ label: 'plan versions' });
    sut = new PlanVersionRepository(testDb.db);
  });

  afterAll(() => testDb.destroy());

  it('has no version before the first import', async () => {
    expect(await sut.latest('kh-never-imported')).toBeNull();
  });

  it('numbers distinct contents 1, 2, … and ignores a repeated import', async () => {
    expect(await sut.saveIfNew('kh-a', 'h1', planDocument('v1'), 'cli')).toEqual({ version: 1, created: true });
    expect(await sut.saveIfNew('kh-a', 'h1', planDocument('v1'), 'cli')).toEqual({ version: 1, created: false });
    expect(await sut.saveIfNew('kh-a', 'h2', planDocument('v2'), 'admin@example.vn')).toEqual({ version: 2, created: true });
    // Re-importing an older content does not make it the latest again.
    expect(await sut.saveIfNew('kh-a', 'h1', planDocument('v1'), 'cli')).toEqual({ version: 1, created: false });

    const latest = await sut.latest('kh-a');
    expect(latest).toMatchObject({
      planId: 'kh-a',
      version: 2,
      contentHash: 'h2',
      document: planDocument('v2'),
      importedBy: 'admin@example.vn',
    });
    expect(latest?.importedAt).toBeInstanceOf(Date);
    expect((await sut.get('kh-a', 1))?.document).toEqual(planDocument('v1'));
  });

  it('keeps versions of different plans apart', async () => {
    expect(await sut.saveIfNew('kh-b', 'h1', planDocument('b'), 'cli')).toEqual({ version: 1, created: true });
  });

  it('creates exactly one version when the same content is imported concurrently', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => sut.saveIfNew('kh-race', 'same', planDocument('race'), 'cli')),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.version))).toEqual(new Set([1]));
    const [row] = await testDb.db
      .selectFrom('plan_versions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('plan_id', '=', 'kh-race')
      .execute();
    // count(*) is a bigint, which pg returns as a string.
    expect(row?.n).toBe('1');
  });

  it('gives concurrent imports of different contents consecutive versions', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => sut.saveIfNew('kh-many', `h${i}`, planDocument(`m${i}`), 'cli')),
    );
    expect(results.every((r) => r.created)).toBe(true);
    expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

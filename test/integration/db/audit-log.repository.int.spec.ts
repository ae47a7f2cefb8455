import { AuditLogRepository } from '@dondoc/db';

import { createTestDatabase, type TestDatabase } from '../../../libs/db/src/testing';

jest.setTimeout(60_000);

describe(AuditLogRepository.name, () => {
  let testDb: TestDatabase;
  let sut: AuditLogRepository;

  beforeAll(async () => {
    testDb = await createTestDatabase({ label: 'audit log' });
    sut = new AuditLogRepository(testDb.db);
  });

  afterAll(() => testDb.destroy());

  it('records an entry and gives it back with its payload intact', async () => {
    const entry = await sut.record({
      actor: 'admin@example.vn',
      role: 'admin',
      action: 'plan.import',
      target: 'plan/kh-nq03-2025',
      payload: { version: 2, tasks: ['I.1', 'I.2'], note: 'Kế hoạch số 12/KH-UBND' },
      ip: '::ffff:10.0.0.7',
      requestId: 'req-1',
    });
    expect(entry).toMatchObject({
      actor: 'admin@example.vn',
      role: 'admin',
      action: 'plan.import',
      target: 'plan/kh-nq03-2025',
      payload: { version: 2, tasks: ['I.1', 'I.2'], note: 'Kế hoạch số 12/KH-UBND' },
      ip: '::ffff:10.0.0.7',
      requestId: 'req-1',
    });
    expect(entry.at).toBeInstanceOf(Date);
  });

  it('fills in what a system actor leaves out', async () => {
    const entry = await sut.record({ actor: 'system', action: 'report.cycle.start' });
    expect(entry).toMatchObject({ role: null, target: null, payload: {}, ip: null, requestId: null });
  });

  it('lists newest first, filtered and paged', async () => {
    for (let i = 0; i < 3; i++) await sut.record({ actor: 'viewer@example.vn', action: 'report.download', target: `report/${i}` });
    const first = await sut.list({ actor: 'viewer@example.vn' }, { limit: 2 });
    expect(first.items.map((e) => e.target)).toEqual(['report/2', 'report/1']);
    const second = await sut.list({ actor: 'viewer@example.vn' }, { limit: 2, cursor: first.nextCursor });
    expect(second).toMatchObject({ items: [{ target: 'report/0' }], nextCursor: null });
    expect((await sut.list({ action: 'plan.import' })).items).toHaveLength(1);
    expect((await sut.list({ target: 'report/1' })).items).toHaveLength(1);
  });

  it('an action recorded before it is applied gets its outcome once, and can be listed by it', async () => {
    const intended = await sut.begin({ actor: 'admin@example.vn', role: 'admin', action: 'task.pause', target: 'task/p/1/so-khcn', payload: { reason: 'Rà soát' } });
    expect(intended.outcome).toBe('pending');
    await sut.settle(intended.id, 'refused', 'Nhiệm vụ đang tạm dừng.');
    await sut.settle(intended.id, 'applied'); // a second outcome never overwrites the first
    const [entry] = (await sut.list({ target: 'task/p/1/so-khcn' })).items;
    expect(entry).toMatchObject({ outcome: 'refused', outcomeDetail: 'Nhiệm vụ đang tạm dừng.', payload: { reason: 'Rà soát' } });
    expect((await sut.list({ outcome: 'refused' })).items.map((e) => e.id)).toEqual([intended.id]);
    expect((await sut.record({ actor: 'cli', action: 'plan.import' })).outcome).toBe('applied');
  });
});

import { DeliveryLogRepository, InvalidPageRequestError } from '@dondoc/db';

import { createTestDatabase, type TestDatabase } from '../../../libs/db/src/testing';

jest.setTimeout(60_000);

describe(DeliveryLogRepository.name, () => {
  let testDb: TestDatabase;
  let sut: DeliveryLogRepository;

  const taskA = 'task/kh-nq03-2025/I.1/so-khcn';
  const taskB = 'task/kh-nq03-2025/I.2/so-tttt';

  beforeAll(async () => {
    testDb = await createTestDatabase({ label: 'delivery log' });
    sut = new DeliveryLogRepository(testDb.db);
    const key = `${taskA}#1#due-7`;
    await sut.record({ idempotencyKey: key, channel: 'email', recipient: 'vanthu@skhcn.gov.vn', agencyId: 'so-khcn', workflowId: taskA, status: 'queued', attempt: 0 });
    await sut.record({ idempotencyKey: key, channel: 'email', recipient: 'vanthu@skhcn.gov.vn', agencyId: 'so-khcn', workflowId: taskA, status: 'failed_retryable', error: '421 try later', attempt: 1 });
    await sut.record({ idempotencyKey: key, channel: 'email', recipient: 'vanthu@skhcn.gov.vn', agencyId: 'so-khcn', workflowId: taskA, status: 'sent', providerMessageId: '<abc@dondoc>', attempt: 2 });
    await sut.record({ idempotencyKey: `${taskB}#1#due-7`, channel: 'zalo', recipient: '0912345678', agencyId: 'so-tttt', workflowId: taskB, status: 'dead', error: 'user blocked OA', attempt: 3 });
    await sut.record({ idempotencyKey: 'guidance/123#1', channel: 'email', recipient: 'x@y.vn', status: 'sent', attempt: 1 });
  });

  afterAll(() => testDb.destroy());

  it('records an attempt with every field', async () => {
    const [attempt] = await sut.forKey(`${taskA}#1#due-7`).then((all) => all.slice(-1));
    expect(attempt).toMatchObject({
      idempotencyKey: `${taskA}#1#due-7`,
      channel: 'email',
      recipient: 'vanthu@skhcn.gov.vn',
      agencyId: 'so-khcn',
      workflowId: taskA,
      status: 'sent',
      error: null,
      providerMessageId: '<abc@dondoc>',
      attempt: 2,
    });
    expect(attempt?.id).toMatch(/^\d+$/);
    expect(attempt?.createdAt).toBeInstanceOf(Date);
  });

  it('tells the whole story of one reminder in order', async () => {
    const story = await sut.forKey(`${taskA}#1#due-7`);
    expect(story.map((a) => [a.attempt, a.status])).toEqual([
      [0, 'queued'],
      [1, 'failed_retryable'],
      [2, 'sent'],
    ]);
  });

  it('filters by task, plan prefix, agency and status, newest first', async () => {
    expect((await sut.list({ workflowId: taskB })).items.map((a) => a.status)).toEqual(['dead']);
    expect((await sut.list({ workflowIdPrefix: 'task/kh-nq03-2025/' })).items).toHaveLength(4);
    expect((await sut.list({ workflowIdPrefix: 'task/kh_nq03' })).items).toHaveLength(0);
    expect((await sut.list({ agencyId: 'so-khcn' })).items.map((a) => a.attempt)).toEqual([2, 1, 0]);
    expect((await sut.list({ status: ['sent', 'dead'] })).items).toHaveLength(3);
    expect((await sut.list({ status: [] })).items).toHaveLength(0);
    expect((await sut.list({ status: 'sent', agencyId: 'so-khcn' })).items).toHaveLength(1);
  });

  it('pages through everything without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await sut.list({}, { limit: 2, cursor });
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect([...seen].sort((a, b) => Number(b) - Number(a))).toEqual(seen);
  });

  it('rejects a cursor it did not hand out', async () => {
    await expect(sut.list({}, { cursor: 'abc' })).rejects.toThrow(InvalidPageRequestError);
  });
});

import { type NotificationJob, reminderKey } from '@dondoc/contracts';
import { BullNotificationQueue } from '@dondoc/queue';
import type { RunningRedisServer } from '@dondoc/runtime';
import { startTestRedis } from '@dondoc/test-harness';
import { Redis } from 'ioredis';

const job = (stepId: string): NotificationJob => ({
  idempotencyKey: reminderKey('task/kh-ai-2025-2030/1/so-khcn', '2026-12-31', stepId),
  template: 'reminder-before',
  workflowId: 'task/kh-ai-2025-2030/1/so-khcn',
  planId: 'kh-ai-2025-2030',
  taskId: '1',
  agencyId: 'so-khcn',
  cycle: 0,
  stepId,
  recipients: [{ role: 'focal', channels: ['email', 'zalo'] }],
  data: { taskName: 'Triển khai các văn bản…', planTitle: 'Kế hoạch TTNT', dueDate: '2026-12-31', daysLeft: 30, deadlineText: '2025-2026' },
  scheduledFor: Date.UTC(2026, 11, 1, 1, 0),
});

describe(BullNotificationQueue.name, () => {
  let redisServer: RunningRedisServer;
  let redis: Redis;
  let sut: BullNotificationQueue;

  beforeAll(async () => {
    redisServer = await startTestRedis();
    redis = new Redis(redisServer.url, { maxRetriesPerRequest: null });
  });
  beforeEach(() => {
    sut = new BullNotificationQueue(redis, `test-${Date.now()}-${Math.random()}`);
  });
  afterEach(() => sut.close());
  afterAll(async () => {
    await redis.quit();
    await redisServer.stop();
  });

  it('adds one job per idempotency key, however often the same reminder is enqueued', async () => {
    const first = await sut.enqueue(job('before-30d'));
    const again = await Promise.all([sut.enqueue(job('before-30d')), sut.enqueue(job('before-30d'))]);
    expect(first).toEqual({ enqueued: true, jobId: 'task/kh-ai-2025-2030/1/so-khcn|2026-12-31|before-30d' });
    expect(again.map((r) => r.enqueued)).toEqual([false, false]);
    await sut.enqueue(job('before-7d'));
    expect((await sut.counts()).waiting).toBe(2);
  });

  it('rejects a malformed job before it reaches Redis', async () => {
    await expect(sut.enqueue({ ...job('x'), recipients: [] })).rejects.toThrow(/recipients/);
    await expect(sut.enqueue({ ...job('x'), idempotencyKey: 'a:b' })).rejects.toThrow(/may not contain ":"/);
    expect((await sut.counts()).waiting).toBe(0);
  });
});

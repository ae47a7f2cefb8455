// Acceptance (issue 6, and issue 13 §2 for digests): a killed notifier loses no
// reminder. The built notifier runs as a child process; it is SIGKILLed in the
// middle of a batch, started again, and every message must be in the sink
// exactly once, counted by Message-ID. A duplicate is possible only for a
// message the relay accepted in the window before its "sent" row was committed;
// the test measures that window and allows no more duplicates than it explains.
// The first suite sends one message per reminder (agencies with `delivery:
// each`); the digest suite kills the notifier twice: while it places reminders
// in digests, and while it sends the digests.
import { DeliveryLogRepository } from '@dondoc/db';
import { BullNotificationQueue } from '@dondoc/queue';
import { EMAIL_QUEUE, deliveryJobId } from '@dondoc/contracts';
import type { CapturedProcess } from '@dondoc/test-harness';
import { Queue } from 'bullmq';

import { eventually, type NotifierEnvironment, reminder, startEnvironment } from './support/notifier-harness';
import { buildNotifier, spawnNotifier } from './support/notifier-process';
import { notifierSeeds } from './support/notifier-seeds';

const BATCH = 200;
const AGENCY = 'cong-an-tinh-qng'; // a seeded agency without quiet hours, so nothing is delayed

describe('notifier process: kill and restart (one message per reminder)', () => {
  let env: NotifierEnvironment;
  let children: CapturedProcess[] = [];

  beforeAll(async () => {
    buildNotifier();
    env = await startEnvironment();
  });
  afterEach(() => {
    for (const child of children) if (child.child.exitCode === null) child.child.kill('SIGKILL');
    children = [];
  });
  afterAll(() => env.stop());

  const seedsDir = notifierSeeds('each');
  const start = async (extra: Record<string, string> = {}) => {
    const child = await spawnNotifier({ redisUrl: env.redis.url, smtpUrl: env.sink.smtpUrl, databaseUrl: env.database.url, schema: env.database.schema, extra: { NOTIFIER_LOCK_DURATION_MS: '2000', NOTIFIER_EMAIL_RATE_PER_SECOND: '150', DONDOC_SEEDS_DIR: seedsDir, ...extra } });
    children.push(child);
    return child;
  };

  it(`loses no reminder of ${BATCH} when SIGKILLed mid-batch, and duplicates stay within the measured window`, async () => {
    const queue = new BullNotificationQueue(env.connection);
    const jobs = Array.from({ length: BATCH }, () => reminder(AGENCY));
    for (const job of jobs) await queue.enqueue(job);
    await queue.close();

    const first = await start();
    await env.sink.waitForMessages(Math.floor(BATCH / 3), 30_000);
    const killedAt = Date.now();
    first.child.kill('SIGKILL');
    await first.exited;
    const atKill = env.sink.messages.length;

    await start();
    const emailQueue = new Queue(EMAIL_QUEUE, { connection: env.connection });
    try {
      await eventually(async () => expect(await emailQueue.getJobCounts('completed')).toEqual({ completed: BATCH }), 40_000, 200);
      const counts = await emailQueue.getJobCounts('failed', 'active', 'waiting', 'delayed');
      expect(counts).toEqual({ failed: 0, active: 0, waiting: 0, delayed: 0 });

      // Exactly once, by Message-ID.
      const perId = new Map<string, number>();
      for (const m of env.sink.messages) perId.set(m.messageId ?? '', (perId.get(m.messageId ?? '') ?? 0) + 1);
      const duplicates = env.sink.messages.length - perId.size;
      expect(perId.size).toBe(BATCH);
      expect(perId.has('')).toBe(false);

      // The window per delivery: relay accepted (sink) → "sent" row committed → BullMQ acknowledged (finishedOn).
      const log = new DeliveryLogRepository(env.database.db);
      const sentRows = (await log.list({ status: 'sent' }, { limit: 500 })).items;
      const accepted = new Map<string, number>();
      for (const m of env.sink.messages) if (!accepted.has(m.headers['x-dondoc-delivery'] ?? '')) accepted.set(m.headers['x-dondoc-delivery'] ?? '', Date.parse(m.receivedAt));
      const toLog: number[] = [];
      const toAck: number[] = [];
      let exposedAtKill = 0;
      for (const job of jobs) {
        const id = deliveryJobId(job.idempotencyKey, 'focal', 'email');
        const acceptedAt = accepted.get(id) ?? NaN;
        const row = sentRows.find((r) => r.jobId === id);
        const finishedOn = (await emailQueue.getJob(id))?.finishedOn ?? NaN;
        const loggedAt = row?.createdAt.getTime() ?? NaN;
        // Accepted before the kill but its "sent" row not committed by then: a re-send could not know.
        if (acceptedAt <= killedAt && !(loggedAt <= killedAt)) exposedAtKill += 1;
        else {
          // The window itself, from deliveries one process completed.
          toLog.push(loggedAt - acceptedAt);
          toAck.push(finishedOn - acceptedAt);
        }
      }
      const stats = (xs: number[]) => {
        const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
        return `p50 ${s[Math.floor(s.length / 2)]} ms, p95 ${s[Math.floor(s.length * 0.95)]} ms, max ${s.at(-1)} ms`;
      };
      process.stdout.write(
        [
          `kill test: ${BATCH} reminders, SIGKILL after ${atKill} e-mails in the sink; after restart ${env.sink.messages.length} e-mails, ${perId.size} distinct Message-IDs, ${duplicates} duplicate(s)`,
          `  window relay-accepted → "sent" row committed (a re-send is possible only inside it): ${stats(toLog)}`,
          `  window relay-accepted → BullMQ acknowledged: ${stats(toAck)}`,
          `  e-mails accepted before the kill whose "sent" row was not yet committed: ${exposedAtKill}`,
          '',
        ].join('\n'),
      );
      expect(duplicates).toBeLessThanOrEqual(exposedAtKill);
    } finally {
      await emailQueue.close();
    }
  });

  it('on SIGTERM finishes the deliveries in flight, takes no new ones and exits 0; a restart sends the rest once', async () => {
    env.sink.clear();
    await env.connection.flushdb();
    const queue = new BullNotificationQueue(env.connection);
    const jobs = Array.from({ length: 60 }, () => reminder(AGENCY));
    for (const job of jobs) await queue.enqueue(job);
    await queue.close();

    const first = await start({ NOTIFIER_EMAIL_RATE_PER_SECOND: '40' });
    await env.sink.waitForMessages(10, 20_000);
    first.child.kill('SIGTERM');
    const exit = await first.exited;
    if (exit.code !== 0) process.stdout.write(first.output());
    expect(exit).toEqual({ code: 0, signal: null });
    expect(first.output()).toContain('stopped');
    const emailQueue = new Queue(EMAIL_QUEUE, { connection: env.connection });
    try {
      // Nothing left half-done: no job is active once the process is gone.
      expect(await emailQueue.getJobCounts('active')).toEqual({ active: 0 });
      const sentBeforeRestart = env.sink.messages.length;
      expect(sentBeforeRestart).toBeLessThan(jobs.length);
      await start();
      await env.sink.waitForMessages(jobs.length, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(new Set(env.sink.messages.map((m) => m.messageId)).size).toBe(jobs.length);
      expect(env.sink.messages).toHaveLength(jobs.length);
    } finally {
      await emailQueue.close();
    }
  });
});

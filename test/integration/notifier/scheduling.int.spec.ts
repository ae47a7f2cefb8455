// When deliveries happen: quiet hours hold a reminder until they end, and the
// per-channel rate limit spaces deliveries out (measured on job timestamps).
import { deliveryJobId } from '@dondoc/contracts';
import { DeliveryLogRepository } from '@dondoc/db';

import { eventually, type NotifierEnvironment, reminder, runNotifier, type RunningNotifier, startEnvironment } from './support/notifier-harness';

describe('notifier: quiet hours and rate limits', () => {
  let env: NotifierEnvironment;
  let running: RunningNotifier | undefined;

  beforeAll(async () => {
    env = await startEnvironment();
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
    env.sink.clear();
  });
  afterAll(() => env.stop());

  it('delays a reminder that falls in the agency quiet hours until they end', async () => {
    // The notifier's clock reads 13:29:58.5 in Vietnam: the lunch break (11:30–13:30) ends in 1.5 s.
    const offset = Date.parse('2026-03-09T13:29:58.500+07:00') - Date.now();
    running = runNotifier(env, { now: () => Date.now() + offset });
    const job = reminder('so-nghi-trua');
    const enqueuedAt = Date.now();
    await running.queue.enqueue(job);
    const jobId = deliveryJobId(job.idempotencyKey, 'focal', 'email');
    await eventually(async () => expect(await running!.notifier.queues.email.getJobState(jobId)).toBe('delayed'));
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(env.sink.messages).toHaveLength(0);
    const [message] = await env.sink.waitForMessages(1, 10_000);
    expect(Date.parse(message?.receivedAt ?? '') - enqueuedAt).toBeGreaterThanOrEqual(1_300);
    const queued = (await new DeliveryLogRepository(env.database.db).forKey(job.idempotencyKey))[0];
    expect(queued?.error).toContain('giờ không làm phiền');
  });

  it('keeps the e-mail rate limit (5 per second)', async () => {
    running = runNotifier(env, { settings: { limits: { email: { concurrency: 10, rateLimit: { max: 5, durationMs: 1_000 } }, zalo: { concurrency: 1, rateLimit: { max: 1, durationMs: 1_000 } } } } });
    const jobs = Array.from({ length: 15 }, () => reminder('so-thu'));
    for (const job of jobs) await running.queue.enqueue(job);
    await env.sink.waitForMessages(15, 15_000);
    const started = await Promise.all(jobs.map(async (job) => (await running!.notifier.queues.email.getJob(deliveryJobId(job.idempotencyKey, 'focal', 'email')))?.processedOn ?? NaN));
    const sorted = started.sort((a, b) => a - b);
    // A fixed window of 1 s holds at most 5 jobs, so any 11 consecutive starts span more than one whole window.
    const spans = sorted.slice(10).map((t, i) => t - (sorted[i] ?? 0));
    process.stdout.write(`rate limit: 15 e-mails started over ${(sorted.at(-1) ?? 0) - (sorted[0] ?? 0)} ms; shortest span of 11 consecutive starts ${Math.min(...spans)} ms\n`);
    expect(Math.min(...spans)).toBeGreaterThanOrEqual(950);
    expect((sorted.at(-1) ?? 0) - (sorted[0] ?? 0)).toBeGreaterThanOrEqual(1_900);
  });
});

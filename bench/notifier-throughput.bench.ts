// How many reminders per second the notifier delivers by e-mail on this
// machine: N reminders through the real path (notification queue → dispatcher
// → e-mail queue → pooled SMTP → local sink, every attempt logged in
// PostgreSQL), one message per reminder (the agency's `delivery: each`; with
// the default daily digest, N reminders to one person would be one e-mail). Compare with ../shared/REFERENCE.md: raw nodemailer ~1,350–1,550
// msgs/s into the same sink, raw BullMQ ~8,000 no-op jobs/s.
import { WorkingCalendar } from '@dondoc/calendar';
import { AgencyIndex } from '@dondoc/catalog';
import { EmailChannel } from '@dondoc/channels';
import { AgencyDirectoryRepository, createDatabase } from '@dondoc/db';
import { ensureContactsSeeded, LiveDirectory } from '@dondoc/directory';
import { NOTIFICATION_QUEUE, type NotificationJob, reminderKey } from '@dondoc/contracts';
import { loadSeedCatalog } from '@dondoc/plan-sync';
import { SmtpSink, startRedisServer } from '@dondoc/runtime';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startNotifier } from '../apps/notifier/src/notifier';
import { CatalogRecipientDirectory } from '../apps/notifier/src/recipients';
import { RecordingOutcomeReporter } from '../apps/notifier/src/outcome-reporter';
import { createTestDatabase } from '../libs/db/src/testing';
import { percentile, writeBenchResult } from './bench-results';

const N = Number(process.argv[2] ?? 3_000);
const AGENCY = 'cong-an-tinh-qng'; // no quiet hours

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-bench-'));
  const redisServer = await startRedisServer({ dir, persistent: false, logDir: dir });
  const sink = await new SmtpSink().start();
  const database = await createTestDatabase({ label: 'bench notifier' });
  const redis = new Redis(redisServer.url, { maxRetriesPerRequest: null });
  const email = new EmailChannel({ url: sink.smtpUrl, poolSize: 5, from: '"Đôn Đốc – Sở KH&CN" <dondoc@skhcn.bench.example>', replyTo: 'vanphong@skhcn.bench.example' });
  const seeds = loadSeedCatalog(path.join(process.cwd(), 'seeds'));
  const { calendarOverrides } = seeds;
  const directory = seeds.index.directory;
  const index = new AgencyIndex({ ...directory, agencies: directory.agencies.map((a) => (a.id === AGENCY ? { ...a, preferences: { channels: ['email'], quietHours: null, delivery: 'each' } } : a)) });
  const calendar = new WorkingCalendar({ overrides: calendarOverrides });
  // The test helper's pool has 5 connections; the notifier process uses more (see main.ts).
  const db = createDatabase(database.url, { schema: database.schema, maxConnections: 20 });
  // As in production: contacts in the database, the live directory checked for each reminder.
  const contacts = new AgencyDirectoryRepository(db);
  await ensureContactsSeeded(contacts, index.directory, { actor: 'bench', role: 'system' });
  const recipients = new CatalogRecipientDirectory(new LiveDirectory(contacts, index.directory));
  const notifier = startNotifier(
    { redis, db, index, directory: recipients, calendar, channels: { email }, outcomes: new RecordingOutcomeReporter(), log: (line) => console.error(line) },
    {
      limits: {
        email: { concurrency: 50, rateLimit: { max: 1_000_000, durationMs: 1_000 } },
        zalo: { concurrency: 1, rateLimit: { max: 1, durationMs: 1_000 } },
      },
      maxAttempts: 3,
      backoffMs: 1_000,
      lockDurationMs: 30_000,
      publicBaseUrl: 'http://localhost:3000',
      linkSigningSecret: 'bench-link-secret-0123456789abcdef0123456789',
      linkTtlDays: 30,
    },
  );

  let maxRss = 0;
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, process.memoryUsage().rss)), 100);
  const producer = new Queue(NOTIFICATION_QUEUE, { connection: redis });
  const jobs = Array.from({ length: N }, (_, i) => reminderJob(i));
  const started = Date.now();
  await producer.addBulk(jobs.map((data) => ({ name: data.template, data, opts: { jobId: data.idempotencyKey } })));
  const enqueuedMs = Date.now() - started;
  await sink.waitForMessages(N, 600_000);
  const elapsedMs = Date.now() - started;
  clearInterval(sampler);

  // Latency of each reminder: added to the queue → accepted by the SMTP server.
  const enqueuedAt = new Map<string, number>();
  for (const job of await producer.getJobs(['completed'], 0, -1)) if (job.id) enqueuedAt.set(job.id, job.timestamp);
  const latencies = sink.messages
    .map((m) => Date.parse(m.receivedAt) - (enqueuedAt.get((m.headers['x-dondoc-delivery'] ?? '').split('|focal|')[0] ?? '') ?? NaN))
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const distinct = new Set(sink.messages.map((m) => m.messageId)).size;

  await notifier.close();
  await producer.close();
  await email.close();
  await db.destroy();
  await database.destroy();
  redis.disconnect();
  await sink.stop();
  await redisServer.stop();

  writeBenchResult('notifier', {
    reminders: N,
    path: 'notification queue → dispatcher → e-mail queue → nodemailer pool (5) → local smtp-server sink; delivery_log in PostgreSQL',
    emailsReceived: sink.messages.length,
    distinctMessageIds: distinct,
    enqueueMs: enqueuedMs,
    elapsedMs,
    messagesPerSecond: Math.round((N / elapsedMs) * 1000),
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies.at(-1) ?? null, measured: latencies.length },
    maxRssMiB: Math.round(maxRss / 2 ** 20),
    settings: { emailConcurrency: 50, smtpPool: 5, dispatcherConcurrency: 16, dbConnections: 20 },
  });
}

function reminderJob(i: number): NotificationJob {
  const workflowId = `task/kh-bench/${i}/${AGENCY}`;
  return {
    idempotencyKey: reminderKey(workflowId, '2026-12-31', 'before-7d'),
    template: 'reminder-before',
    workflowId,
    planId: 'kh-bench',
    taskId: String(i),
    agencyId: AGENCY,
    cycle: 0,
    stepId: 'before-7d',
    recipients: [{ role: 'focal', channels: ['email'] }],
    data: { taskName: `Nhiệm vụ thử tải số ${i}: triển khai nền tảng số dùng chung của tỉnh`, planTitle: 'Kế hoạch thực hiện Nghị quyết 03/NQ-CP', dueDate: '2026-12-31', daysLeft: 7, deadlineText: 'Năm 2026' },
    scheduledFor: Date.now(),
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

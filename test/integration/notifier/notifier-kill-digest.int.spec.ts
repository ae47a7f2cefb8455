// Acceptance (issue 13 §2): a notifier killed at any point loses no reminder of
// a digest and sends no digest twice, outside the measured window. The built
// notifier runs as a child process over the seeded directory (every agency on
// digests): reminders for the focal person and the head of every agency, two
// each, are placed in the people's digests and sent. It is SIGKILLed twice:
// while it places the reminders, and while it sends the digests; after the
// last restart every person has exactly one digest (by Message-ID), every
// reminder and role exactly one 'sent' row naming the digest that carried it.
import { loadSeedCatalog } from '@dondoc/plan-sync';
import { vietnamDate } from '@dondoc/policy';
import { BullNotificationQueue } from '@dondoc/queue';
import { EMAIL_QUEUE } from '@dondoc/contracts';
import type { CapturedProcess } from '@dondoc/test-harness';
import { Queue } from 'bullmq';
import { sql } from 'kysely';

import { resolveRecipient } from '../../../apps/notifier/src/recipients';
import { digestId } from '../../../apps/notifier/src/digest/digest-slots';
import { eventually, type NotifierEnvironment, reminder, startEnvironment } from './support/notifier-harness';
import { buildNotifier, spawnNotifier } from './support/notifier-process';
import { notifierSeeds } from './support/notifier-seeds';

const PER_AGENCY = 2;

describe('notifier process: kill and restart (daily digests)', () => {
  let env: NotifierEnvironment;
  let children: CapturedProcess[] = [];
  const seedsDir = notifierSeeds('digest');

  beforeAll(async () => {
    buildNotifier();
    env = await startEnvironment();
  });
  afterEach(() => {
    for (const child of children) if (child.child.exitCode === null) child.child.kill('SIGKILL');
    children = [];
  });
  afterAll(() => env.stop());

  const start = async () => {
    const child = await spawnNotifier({
      redisUrl: env.redis.url,
      smtpUrl: env.sink.smtpUrl,
      databaseUrl: env.database.url,
      schema: env.database.schema,
      extra: {
        DONDOC_SEEDS_DIR: seedsDir,
        NOTIFIER_LOCK_DURATION_MS: '2000',
        // Slow enough that the second kill lands while digests are going out.
        NOTIFIER_EMAIL_RATE_PER_SECOND: '40',
        // Longer than a killed dispatcher's jobs take to come back (lock 2 s, stalled check 2 s, restart),
        // as the default (2 min) is longer than the default lock (30 s): a crash must not split a person's day.
        NOTIFIER_DIGEST_WINDOW_MS: '10000',
        NOTIFIER_DIGEST_MAX_WAIT_MS: '120000',
        NOTIFIER_DIGEST_NOT_BEFORE: '00:00',
      },
    });
    children.push(child);
    return child;
  };
  const kill = async (child: CapturedProcess) => {
    child.child.kill('SIGKILL');
    await child.exited;
  };
  const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(env.database.db)).rows[0]?.n ?? 0;

  it('places and sends every reminder in exactly one digest per person when SIGKILLed while placing and while sending', async () => {
    const { index } = loadSeedCatalog(seedsDir);
    const today = vietnamDate(Date.now());
    // Agencies whose focal person and head are two people today (successors included).
    const people = new Set<string>();
    const agencies = index.directory.agencies.filter((agency) => {
      const [focal, head] = (['focal', 'head'] as const).map((role) => resolveRecipient(index, agency.id, role, today));
      if (!focal?.ok || !head?.ok || focal.contacts[0]!.email === head.contacts[0]!.email) return false;
      people.add(focal.contacts[0]!.email.toLowerCase()).add(head.contacts[0]!.email.toLowerCase());
      return true;
    });
    const jobs = agencies.flatMap((agency) =>
      Array.from({ length: PER_AGENCY }, () => reminder(agency.id, { recipients: [{ role: 'focal', channels: ['email'] }, { role: 'head', channels: ['email'] }] })),
    );
    const entries = jobs.length * 2;
    expect(people.size).toBeGreaterThan(60);
    const queue = new BullNotificationQueue(env.connection);
    for (const job of jobs) await queue.enqueue(job);
    await queue.close();

    // Kill 1: while reminders are being placed in digests (none can be due yet: the window is 10 s).
    const first = await start();
    await eventually(async () => expect(await count(sql<{ n: number }>`select count(*)::int as n from digest_entries`)).toBeGreaterThanOrEqual(Math.floor(entries / 3)), 30_000, 10);
    await kill(first);
    const placedAtKill = await count(sql<{ n: number }>`select count(*)::int as n from digest_entries`);
    const sentBeforeSecond = env.sink.messages.length;

    // Kill 2: while digests are going out.
    const second = await start();
    await env.sink.waitForMessages(sentBeforeSecond + Math.floor(people.size / 3), 60_000);
    const killedAt = Date.now();
    await kill(second);
    const atKill = env.sink.messages.length;

    await start();
    const emailQueue = new Queue(EMAIL_QUEUE, { connection: env.connection });
    try {
      await eventually(async () => expect(await emailQueue.getJobCounts('completed')).toEqual({ completed: people.size }), 60_000, 200);
      expect(await emailQueue.getJobCounts('failed', 'active', 'waiting', 'delayed')).toEqual({ failed: 0, active: 0, waiting: 0, delayed: 0 });

      // Every reminder and role is in exactly one digest, and each digest went out.
      expect(await count(sql<{ n: number }>`select count(*)::int as n from digest_entries`)).toBe(entries);
      expect(await count(sql<{ n: number }>`select count(*)::int as n from digest_entries where outcome = 'sent'`)).toBe(entries);
      const digests = await env.database.db.selectFrom('digests').select(['id', 'status', 'address']).execute();
      expect(digests.map((d) => d.status)).toEqual(digests.map(() => 'sent'));
      expect(digests.map((d) => d.id).sort()).toEqual([...people].map((address) => digestId(today, 'email', address)).sort());

      // One digest per person in the sink, by Message-ID.
      const perId = new Map<string, number>();
      for (const m of env.sink.messages) perId.set(m.messageId ?? '', (perId.get(m.messageId ?? '') ?? 0) + 1);
      expect(perId.size).toBe(people.size);
      expect(perId.has('')).toBe(false);
      const duplicates = env.sink.messages.length - perId.size;

      // Per reminder and role exactly one 'sent' row, naming the digest whose message the sink holds.
      const sentRows = await env.database.db.selectFrom('delivery_log').selectAll().where('status', '=', 'sent').execute();
      expect(sentRows).toHaveLength(entries);
      expect(new Set(sentRows.map((r) => `${r.idempotency_key}|${r.role}`)).size).toBe(entries);
      const byDigest = new Map(env.sink.messages.map((m) => [m.headers['x-dondoc-delivery'] ?? '', m]));
      for (const row of sentRows) expect(byDigest.get(row.job_id ?? '')?.messageId).toBe(row.provider_message_id);

      // The window per digest: relay accepted → 'sent' rows committed → BullMQ acknowledged.
      const accepted = new Map<string, number>();
      for (const m of env.sink.messages) if (!accepted.has(m.headers['x-dondoc-delivery'] ?? '')) accepted.set(m.headers['x-dondoc-delivery'] ?? '', Date.parse(m.receivedAt));
      const toLog: number[] = [];
      const toAck: number[] = [];
      let exposedAtKill = 0;
      for (const digest of digests) {
        const acceptedAt = accepted.get(digest.id) ?? NaN;
        const loggedAt = sentRows.find((r) => r.job_id === digest.id)?.created_at.getTime() ?? NaN;
        const finishedOn = (await emailQueue.getJob(digest.id))?.finishedOn ?? NaN;
        if (acceptedAt <= killedAt && !(loggedAt <= killedAt)) exposedAtKill += 1;
        else {
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
          `digest kill test: ${jobs.length} reminders × 2 roles = ${entries} entries for ${people.size} people; first SIGKILL after ${placedAtKill} entries placed, second after ${atKill} digests in the sink; after restart ${env.sink.messages.length} e-mails, ${perId.size} distinct Message-IDs, ${duplicates} duplicate(s)`,
          `  window relay-accepted → "sent" rows committed (a re-send is possible only inside it): ${stats(toLog)}`,
          `  window relay-accepted → BullMQ acknowledged: ${stats(toAck)}`,
          `  digests accepted before the kill whose "sent" rows were not yet committed: ${exposedAtKill}`,
          '',
        ].join('\n'),
      );
      expect(duplicates).toBeLessThanOrEqual(exposedAtKill);
    } finally {
      await emailQueue.close();
    }
  });
});

// The README's run command: everything comes up, prints its URLs, survives a
// restart with its state, and leaves no process behind when stopped.
import { WorkingCalendar } from '@dondoc/calendar';
import { DEFAULT_ZNS_TEMPLATE_IDS, type FakeZnsMessage } from '@dondoc/channels';
import { reminderKey, reportCycleWorkflowId, reportScheduleId } from '@dondoc/contracts';
import { loadSeedCatalog, reportCatchUpAt, reportFires } from '@dondoc/plan-sync';
import { vietnamDate } from '@dondoc/policy';
import { BullNotificationQueue } from '@dondoc/queue';
import { freePort, readRuntimeFile, repoRoot, type SinkMessage } from '@dondoc/runtime';
import { type CapturedProcess, descendantPids, isAlive, spawnCaptured } from '@dondoc/test-harness';
import { Client, Connection } from '@temporalio/client';
import { Redis } from 'ioredis';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client as PgClient } from 'pg';

import type { systemCheckWorkflow } from '@dondoc/workflows';

import { alwaysOpenSeeds } from './api/support/always-open-seeds';

const root = repoRoot();
const cli = path.join(root, 'dist', 'apps', 'cli', 'src', 'main.js');
const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * Each seeded plan's next yearly report request, as `dondoc up` should print it
 * and its Schedule should hold it, and this year's cycle when `dondoc up` runs
 * after its request day but before it closes (started by the first start).
 */
function nextReportRequests(firstStart: boolean): Array<{ planId: string; text: string; at: number | null; catchUp: string | null }> {
  const catalog = loadSeedCatalog(path.join(root, 'seeds'));
  const calendar = new WorkingCalendar({ overrides: catalog.calendarOverrides });
  return [...catalog.plans.values()].map((plan) => {
    const policy = catalog.policyFor(plan.id);
    const next = reportFires(plan, policy, calendar).find((fire) => fire.at > Date.now());
    const due = reportCatchUpAt(plan, policy, calendar, Date.now());
    const catchUp = due && reportCycleWorkflowId(plan.id, String(due.year));
    const note = due ? `; báo cáo năm ${due.year} ${firstStart ? 'đã bắt đầu thu thập' : 'đang thu thập'} (${catchUp})` : '';
    const text = next ? `lần gửi yêu cầu tới ${ddmmyyyy(vietnamDate(next.at))} (báo cáo năm ${next.year})` : 'không còn lần gửi yêu cầu nào trong thời hạn kế hoạch';
    return { planId: plan.id, text: `${text}${note}`, at: next?.at ?? null, catchUp };
  });
}

/** The run command's environment on free ports, so it never meets another stack on this machine. */
async function runCommandEnv(dataDir: string): Promise<NodeJS.ProcessEnv> {
  const [temporalPort, uiPort, apiPort, smtpPort, inboxPort, unusedRedisPort, znsPort] = await Promise.all(Array.from({ length: 7 }, () => freePort()));
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DONDOC_DATA_DIR: dataDir,
    TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
    TEMPORAL_UI_PORT: String(uiPort),
    API_PORT: String(apiPort),
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    SMTP_SINK_PORT: String(smtpPort),
    SMTP_SINK_WEB_PORT: String(inboxPort),
    // The fake Zalo ZNS server's default port (8090) may be taken by another stack on this machine.
    ZALO_FAKE_PORT: String(znsPort),
    // Nothing listens there, so the run command starts its own persistent redis-server.
    REDIS_URL: `redis://127.0.0.1:${unusedRedisPort}`,
    LOG_LEVEL: 'warn',
  };
}

describe('dondoc up (npm start)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-up-'));
  let env: NodeJS.ProcessEnv;
  let temporalAddress: string;

  beforeAll(async () => {
    env = await runCommandEnv(dataDir);
    temporalAddress = env.TEMPORAL_ADDRESS!;
  });

  async function startUp(): Promise<{ run: CapturedProcess; urls: { web: string; api: string; temporalUi: string; inbox: string } }> {
    const run = spawnCaptured(process.execPath, [cli, 'up'], { env, cwd: root });
    await run.waitForOutput(/Đôn Đốc is running \(ready in [\d.]+ s\)/, 90_000);
    const urls = {
      web: run.output().match(/Ứng dụng web\s+(http\S+)/)![1]!,
      api: run.output().match(/API\s+(http\S+)/)![1]!,
      temporalUi: run.output().match(/Temporal UI\s+(http\S+)/)![1]!,
      inbox: run.output().match(/Mail inbox\s+(http\S+)/)![1]!,
    };
    return { run, urls };
  }

  async function stopAndCheckNoOrphans(run: CapturedProcess): Promise<void> {
    const children = descendantPids(run.child.pid!);
    expect(children.length).toBeGreaterThanOrEqual(4); // temporal, redis-server, worker, api
    run.child.kill('SIGTERM');
    const { code } = await run.exited;
    expect(code).toBe(0);
    expect(run.output()).toContain('stopped.');
    expect(children.filter(isAlive)).toEqual([]);
  }

  async function pollJson(url: string, until: (status: number) => boolean, timeoutMs = 30_000): Promise<{ status: number; body: unknown }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const response = await fetch(url).catch(() => undefined);
      if (response && until(response.status)) return { status: response.status, body: await response.json() };
      if (Date.now() > deadline) throw new Error(`${url} did not answer as expected within ${timeoutMs} ms (last ${response?.status})`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }

  it('brings everything up, runs a workflow through the worker, and stops with no process left behind', async () => {
    const { run, urls } = await startUp();
    try {
      // The web app is the first address printed, served by the API.
      expect(run.output().split('\n').find((line) => /https?:\/\//.test(line) && !line.startsWith('dondoc'))).toContain('Ứng dụng web');
      const web = await fetch(urls.web, { headers: { accept: 'text/html' } });
      expect(web.status).toBe(200);
      expect(await web.text()).toContain('<div id="root"></div>');
      expect((await fetch(urls.temporalUi)).status).toBe(200);
      const inbox = await fetch(urls.inbox);
      expect(inbox.status).toBe(200);
      expect(await inbox.text()).toContain('Hộp thư thử nghiệm');
      const ready = await pollJson(`${urls.api}/health/ready`, (status) => status === 200);
      expect(ready.body).toMatchObject({ status: 'ready' });
      expect(run.output()).toMatch(/generated development secrets in .*dev-secrets\.json/);
      expect(run.output()).toContain('kh-ai-2025-2030: đã nhập phiên bản 1.');
      expect(run.output()).toContain('kh-nq03-2025: đã nhập phiên bản 1.');
      const started = run.output().match(/kh-ai-2025-2030: (\d+) nhiệm vụ bắt đầu theo dõi, 0 đang chạy/);
      expect(Number(started?.[1])).toBeGreaterThanOrEqual(14);

      const connection = await Connection.connect({ address: temporalAddress });
      try {
        const result = await new Client({ connection }).workflow.execute<typeof systemCheckWorkflow>('systemCheckWorkflow', {
          taskQueue: 'dondoc-tasks',
          workflowId: 'system-check/first-run',
        });
        expect(result.database.ok).toBe(true);
        expect(result.redis.ok).toBe(true);

        // One yearly report Schedule per seeded plan, announced with its next request date.
        const expectations = nextReportRequests(true);
        for (const expected of expectations) {
          expect(run.output()).toContain(`dondoc   | ${expected.planId}: lịch báo cáo hằng năm đã tạo; ${expected.text}\n`);
          const schedule = await new Client({ connection }).schedule.getHandle(reportScheduleId(expected.planId)).describe();
          expect(schedule.info.nextActionTimes[0]?.getTime() ?? null).toBe(expected.at);
        }
        // This year's cycles the start caught up with run; no other cycle was started.
        const cycles = new Client({ connection }).workflow.list({ query: `WorkflowType = 'reportCycleWorkflow'` });
        const running: string[] = [];
        for await (const cycle of cycles) if (cycle.status.name === 'RUNNING') running.push(cycle.workflowId);
        expect(running.sort()).toEqual(expectations.flatMap((e) => (e.catchUp ? [e.catchUp] : [])).sort());
      } finally {
        await connection.close();
      }
    } finally {
      await stopAndCheckNoOrphans(run);
    }
  });

  it('reuses the installed tools and the persisted Temporal state on a second start', async () => {
    const manifestBefore = readFileSync(path.join(root, '.tools', 'manifest.json'), 'utf8');
    const toolsOutput = execFileSync(process.execPath, [path.join(root, 'scripts', 'install-tools.mjs')], { encoding: 'utf8' });
    expect(toolsOutput).toMatch(/reusing \.tools \(temporal version 1\.9\.1/);
    expect(readFileSync(path.join(root, '.tools', 'manifest.json'), 'utf8')).toBe(manifestBefore);

    const { run } = await startUp();
    try {
      expect(run.output()).toMatch(/using development secrets in/);
      expect(run.output()).toMatch(/kh-nq03-2025: không có thay đổi so với phiên bản 1/);
      expect(run.output()).toMatch(/kh-ai-2025-2030: 0 nhiệm vụ bắt đầu theo dõi, \d+ đang chạy/);
      for (const expected of nextReportRequests(false)) expect(run.output()).toContain(`dondoc   | ${expected.planId}: lịch báo cáo hằng năm đã cập nhật; ${expected.text}\n`);
      const connection = await Connection.connect({ address: temporalAddress });
      try {
        const description = await new Client({ connection }).workflow.getHandle('system-check/first-run').describe();
        expect(description.status.name).toBe('COMPLETED');
      } finally {
        await connection.close();
      }
    } finally {
      await stopAndCheckNoOrphans(run);
    }
  });
});

/**
 * Acceptance of the delivery issue: the run command sends real e-mails that show in the
 * inbox web page, in Vietnamese with correct diacritics, and ZNS messages that show in the
 * fake server's log. Reminders leave only in office hours on working days (the catch-up of
 * an overdue task included), so this stack runs on a copy of the seeds whose offices are
 * open all day, every day, without quiet hours (alwaysOpenSeeds): at whatever hour CI runs,
 * the import's catch-ups go out at once, in each person's daily digest (a few seconds after
 * the last one joined it, and from midnight on, in this stack). A public holiday stays a day off; on one, the
 * catch-ups rightly wait, and the test hands the notifier a catch-up itself, as the
 * worker's activity does, so the delivery path is still checked.
 */
/** UTF-8 read as Latin-1 ("Äá»" for "Đề", "Ã¡" for "á") or a replacement character; never in Vietnamese text. */
const MOJIBAKE = /\uFFFD|[\u00C2-\u00C6][\u0080-\u00BF]|\u00E1[\u00BA\u00BB]/;

describe('dondoc up: reminders reach the inbox page and the fake ZNS log, at any hour', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-up-delivery-'));
  const seedsDir = alwaysOpenSeeds();
  let run: CapturedProcess;
  let inbox: string;
  let zns: string;
  /** Whether the workflows send today (false on a public holiday). */
  let workflowsSendToday: boolean;
  let spawnedAt: number;

  beforeAll(async () => {
    // The default log level (info), as `npm start` runs: the console must stay quiet all the same.
    const { LOG_LEVEL: _quiet, ...defaults } = await runCommandEnv(dataDir);
    const env = { ...defaults, DONDOC_SEEDS_DIR: seedsDir };
    const calendar = new WorkingCalendar({ overrides: loadSeedCatalog(seedsDir).calendarOverrides });
    workflowsSendToday = calendar.isOfficeMoment(Date.now());
    spawnedAt = Date.now();
    run = spawnCaptured(process.execPath, [cli, 'up'], { env, cwd: root });
    await run.waitForOutput(/Đôn Đốc is running \(ready in [\d.]+ s\)/, 90_000);
    inbox = run.output().match(/Mail inbox\s+(http\S+)/)![1]!;
    zns = run.output().match(/fake Zalo ZNS \(messages sent by the notifier\): (http\S+)/)![1]!;
  });
  afterAll(async () => {
    if (!run) return;
    const children = descendantPids(run.child.pid!);
    // Ctrl-C: the children have their own process group, so the run command alone gets it and stops them in order.
    run.child.kill('SIGINT');
    expect((await run.exited).code).toBe(0);
    expect(children.filter(isAlive)).toEqual([]);
    const stopping = run.output().slice(run.output().indexOf('stopping (SIGINT)'));
    expect(stopping).toContain('stopped.');
    expect(stopping).not.toMatch(/restarting|ended \(/);
  });

  async function poll<T>(what: string, find: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await find().catch(() => undefined);
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`${what}: nothing within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  const json = async <T>(url: string): Promise<T> => (await fetch(url)).json() as Promise<T>;

  it('keeps the console of its first minute to one screen: the banner and readable notable lines, no JSON', async () => {
    // Catch-ups go out right after the start here; the minute's summary line says so.
    if (workflowsSendToday) await run.waitForOutput(/dondoc   \| \d\d:\d\d deliveries in the last minute: \d+ e-mail/, 150_000);
    const firstMinute = Math.max(0, spawnedAt + 60_000 - Date.now());
    await new Promise((resolve) => setTimeout(resolve, firstMinute));
    const lines = run.output().trimEnd().split('\n');
    // On failure the console is shown whole: which lines made it long says what to quiet.
    expect({ lines: lines.length, console: lines.length < 40 ? 'fits' : lines }).toEqual({ lines: expect.any(Number), console: 'fits' });
    expect(lines.filter((line) => /^\S+\s*\| \{/.test(line))).toEqual([]);
    expect(lines).toContain(`  note: logs of every process (JSON lines): ${path.join(dataDir, 'logs')}/`);
  });

  it("shows the digest e-mail of the import's catch-ups in the inbox page, in Vietnamese with correct diacritics, and its ZNS message in the fake log", async () => {
    const runtime = readRuntimeFile(dataDir)!;
    if (!workflowsSendToday) {
      const redis = new Redis(runtime.redisUrl, { maxRetriesPerRequest: null });
      const queue = new BullNotificationQueue(redis);
      try {
        const workflowId = 'task/e2e-ngay-le/nv-1/so-khcn';
        await queue.enqueue({
          idempotencyKey: reminderKey(workflowId, '2026-01-15', 'catch-up'),
          template: 'catch-up',
          workflowId,
          planId: 'e2e-ngay-le',
          taskId: 'nv-1',
          agencyId: 'so-khcn',
          cycle: 0,
          stepId: 'catch-up',
          recipients: [{ role: 'focal', channels: ['email', 'zalo'] }],
          data: { taskName: 'Triển khai nền tảng số phục vụ người dân', planTitle: 'Kế hoạch thử nghiệm ngày nghỉ lễ', dueDate: '2026-01-15', daysLeft: -30, deadlineText: 'Trước ngày 15/01/2026' },
          scheduledFor: Date.now(),
        });
      } finally {
        await queue.close();
        redis.disconnect();
      }
    }

    // The day's digest e-mail, from the inbox's own JSON, then as the inbox web page shows it.
    const prefix = '[Đôn Đốc] Nhắc việc ngày ';
    const mail = await poll('a digest e-mail in the inbox', async () => (await json<Array<Omit<SinkMessage, 'raw'>>>(`${inbox}/api/messages`)).find((m) => m.subject.startsWith(prefix)));
    expect(mail.subject.normalize('NFC')).toBe(mail.subject);
    expect(mail.subject).toMatch(/^\[Đôn Đốc\] Nhắc việc ngày \d{2}\/\d{2}\/\d{4}: \d+ việc (quá hạn|sắp đến hạn)/);
    for (const text of [mail.subject, mail.text]) expect(text).not.toMatch(MOJIBAKE);
    // A catch-up of the import (or the test's own on a holiday) is listed with its kind and link.
    expect(mail.text).toContain('Tình hình thực hiện nhiệm vụ');
    expect(mail.text).toContain('Cập nhật tiến độ: http');
    const page = await (await fetch(inbox)).text();
    expect(page).toContain(`<a href="/messages/${mail.id}">[Đôn Đốc] Nhắc việc ngày `);
    const shown = await (await fetch(`${inbox}/messages/${mail.id}/html`)).text();
    expect(shown).toContain('Tổng hợp nhắc việc ngày');
    expect(shown).toContain('Cập nhật tiến độ');
    const digestId = mail.headers['x-dondoc-delivery'] ?? '';
    expect(digestId).toMatch(/^digest\|\d{4}-\d{2}-\d{2}\|email\|/);

    // The ZNS digest, in the fake server's log (JSON and its page): the counts and the link to the list.
    const message = await poll('a digest ZNS message in the fake log', async () =>
      (await json<FakeZnsMessage[]>(`${zns}/api/messages`)).find((m) => m.error === 0 && m.templateId === DEFAULT_ZNS_TEMPLATE_IDS['daily-digest']),
    );
    expect(message.phone).toMatch(/^84[35789]\d{8}$/);
    expect(String(message.data.ten_nguoi_nhan)).not.toMatch(MOJIBAKE);
    expect(Number(message.data.so_qua_han) + Number(message.data.so_sap_den_han)).toBeGreaterThan(0);
    const log = await (await fetch(zns)).text();
    expect(log).toContain(message.phone);
    expect(log).toContain('đã gửi');

    // Zalo's delivery receipt came back through the API's webhook (signed with the fake's OA secret key).
    const db = new PgClient({ connectionString: runtime.databaseUrl });
    await db.connect();
    try {
      // The digest carried reminders of the import's workflows on a working day, the test's own hand-over on a holiday.
      const { rows: carried } = await db.query<{ workflow_id: string }>(`select workflow_id from delivery_log where job_id = $1 and status = 'sent'`, [digestId]);
      expect(carried.length).toBeGreaterThan(0);
      for (const row of carried) expect(row.workflow_id).toMatch(workflowsSendToday ? /^task\/(kh-nq03-2025|kh-ai-2025-2030)\// : /^task\/e2e-ngay-le\//);
      // One receipt for the one message, one 'delivered' row for each reminder it carried.
      const count = async (status: string) => Number((await db.query<{ n: string }>(`select count(*) as n from delivery_log where channel = 'zalo' and status = $1 and provider_message_id = $2`, [status, message.msgId])).rows[0]?.n);
      const delivered = await poll('a delivered ZNS receipt in the delivery log', async () => ((await count('delivered')) > 0 ? count('delivered') : undefined), 30_000);
      expect(delivered).toBe(await count('sent'));
    } finally {
      await db.end();
    }
  });
});

// The README's run command: everything comes up, prints its URLs, survives a
// restart with its state, and leaves no process behind when stopped.
import { WorkingCalendar } from '@dondoc/calendar';
import { reportCycleWorkflowId, reportScheduleId } from '@dondoc/contracts';
import { loadSeedCatalog, reportCatchUpAt, reportFires } from '@dondoc/plan-sync';
import { vietnamDate } from '@dondoc/policy';
import { freePort, repoRoot } from '@dondoc/runtime';
import { type CapturedProcess, descendantPids, isAlive, spawnCaptured } from '@dondoc/test-harness';
import { Client, Connection } from '@temporalio/client';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { systemCheckWorkflow } from '@dondoc/workflows';

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

describe('dondoc up (npm start)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-up-'));
  let env: NodeJS.ProcessEnv;
  let temporalAddress: string;

  beforeAll(async () => {
    const [temporalPort, uiPort, apiPort, smtpPort, inboxPort, unusedRedisPort, znsPort] = await Promise.all(Array.from({ length: 7 }, () => freePort()));
    temporalAddress = `127.0.0.1:${temporalPort}`;
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DONDOC_DATA_DIR: dataDir,
      TEMPORAL_ADDRESS: temporalAddress,
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
  });

  async function startUp(): Promise<{ run: CapturedProcess; urls: { api: string; temporalUi: string; inbox: string } }> {
    const run = spawnCaptured(process.execPath, [cli, 'up'], { env, cwd: root });
    await run.waitForOutput(/Đôn Đốc is running \(ready in [\d.]+ s\)/, 90_000);
    const urls = {
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

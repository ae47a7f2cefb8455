import { configOrExit } from '@dondoc/config';
import { startEmbeddedStack } from '@dondoc/runtime';
import { createDatabase } from '@dondoc/db';
import { WorkingCalendar } from '@dondoc/calendar';
import type { PlanDiff } from '@dondoc/catalog';
import { applyPlanRevision, loadSeedCatalog, type ReportScheduleResult, type SeedCatalog, upsertReportSchedule } from '@dondoc/plan-sync';
import { vietnamDate } from '@dondoc/policy';
import { Client, Connection } from '@temporalio/client';
import { readRuntimeFile } from '@dondoc/runtime';
import type { Command } from 'commander';
import { readdirSync } from 'node:fs';
import path from 'node:path';

import { nodeIo } from '../plan/cli-io';
import { runPlanImport } from '../plan/import-plan';
import { startDeliverySummary } from '../up/delivery-summary';

/** `dondoc up`: the whole system on one machine (what `npm start` runs). */
export function register(program: Command): void {
  program
    .command('up')
    .description('Chạy toàn bộ hệ thống trên máy này (Temporal, Redis, cơ sở dữ liệu, hộp thư thử nghiệm, worker, API)')
    .action(async () => {
      const config = configOrExit();
      const started = Date.now();
      const stack = await startEmbeddedStack(config, process.stdout);
      const versions = await importSeedPlans(config.DONDOC_SEEDS_DIR, readRuntimeFile(path.resolve(config.DONDOC_DATA_DIR))?.databaseUrl ?? config.DATABASE_URL);
      await startSeedWorkflows(config.DONDOC_SEEDS_DIR, config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE, config.TEMPORAL_TASK_QUEUE, versions);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        [
          '',
          `Đôn Đốc is running (ready in ${seconds} s). Press Ctrl-C to stop.`,
          `  Ứng dụng web   ${stack.urls.api}`,
          `  API            ${stack.urls.api}   (OpenAPI: ${stack.urls.apiDocs})`,
          `  Temporal UI    ${stack.urls.temporalUi}`,
          `  Mail inbox     ${stack.urls.inbox}`,
          ...stack.notes.map((note) => `  note: ${note}`),
          '',
        ].join('\n'),
      );
      const stopSummary = startDeliverySummary(stack.databaseUrl, (line) => process.stdout.write(`dondoc   | ${line}\n`));
      const reason = await new Promise<string>((resolve) => {
        process.once('SIGINT', () => resolve('SIGINT'));
        process.once('SIGTERM', () => resolve('SIGTERM'));
        void stack.failed.then(resolve);
      });
      process.stdout.write(`\nstopping (${reason})…\n`);
      await stopSummary();
      await stack.stop();
      process.stdout.write('stopped.\n');
      process.exitCode = reason.startsWith('SIG') ? 0 : 1;
    });
}

/** What an import stored for a plan: its version and, when the plan changed, the diff. */
type StoredVersion = { version: number; diff: PlanDiff | null };

/** The seeded plans are imported on every start; an unchanged plan is a no-op. */
async function importSeedPlans(seedsDir: string, databaseUrl: string | undefined): Promise<Map<string, StoredVersion>> {
  const stored = new Map<string, StoredVersion>();
  if (!databaseUrl) return stored;
  const db = createDatabase(databaseUrl);
  try {
    const plansDir = path.join(seedsDir, 'plans');
    for (const file of readdirSync(plansDir).filter((f) => f.endsWith('.yaml')).sort()) {
      const io = { ...nodeIo(), out: (text: string) => process.stdout.write(`dondoc   | ${text.split('\n')[0]}\n`) };
      const onStored = async ({ plan, version, diff }: { plan: { id: string }; version: number; diff: PlanDiff | null }) => {
        stored.set(plan.id, { version, diff });
        return '';
      };
      await runPlanImport(path.join(plansDir, file), { agencies: path.join(seedsDir, 'agencies.yaml'), by: 'dondoc up', onStored }, io, db);
    }
  } finally {
    await db.destroy();
  }
  return stored;
}

/**
 * Every task of the seeded plans runs as a workflow in its present state; restarts find
 * them running, and a seed plan changed since the last start revises its running workflows.
 */
async function startSeedWorkflows(seedsDir: string, address: string, namespace: string, taskQueue: string, versions: ReadonlyMap<string, StoredVersion>): Promise<void> {
  const catalog = loadSeedCatalog(seedsDir);
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection, namespace });
    const today = vietnamDate(Date.now());
    for (const plan of catalog.plans.values()) {
      const stored = versions.get(plan.id);
      const report = await applyPlanRevision(client, {
        plan,
        diff: stored?.diff ?? null,
        version: stored?.version ?? 0,
        index: catalog.index,
        policy: catalog.policyFor(plan.id),
        calendarOverrides: catalog.calendarOverrides,
        today,
        taskQueue,
        by: 'dondoc up',
      });
      const revisions = report.revised.length || report.cancelled.length ? `; ${report.revised.length} cập nhật thời hạn, ${report.cancelled.length} hủy` : '';
      const rules = report.rulesRefreshed.length ? `; ${report.rulesRefreshed.length} chuyển sang lịch nghỉ lễ và quy định nhắc việc mới` : '';
      // Counted per task and lead (one task may have several dissolved leads), as `dondoc simulate` counts them.
      const dissolvedAgencies = new Set(report.dissolved.map((d) => d.agencyId)).size;
      const dissolved = report.dissolved.length
        ? `; ${report.dissolved.length} nhiệm vụ của ${dissolvedAgencies} cơ quan chủ trì đã giải thể, cần giao lại (dondoc plan show ${plan.id})`
        : '';
      process.stdout.write(`dondoc   | ${plan.id}: ${report.started.length} nhiệm vụ bắt đầu theo dõi, ${report.existing.length} đang chạy${revisions}${rules}${dissolved}\n`);
    }
    await upsertReportSchedules(client, catalog, taskQueue);
  } finally {
    await connection.close();
  }
}

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Each seeded plan's yearly report Schedule, created or brought up to date (the same call as `dondoc report schedule`). */
async function upsertReportSchedules(client: Client, catalog: SeedCatalog, taskQueue: string): Promise<void> {
  const calendar = new WorkingCalendar({ overrides: catalog.calendarOverrides });
  for (const plan of catalog.plans.values()) {
    const result = await upsertReportSchedule(client, plan, catalog.policyFor(plan.id), calendar, { taskQueue });
    const next = result.fires.find((fire) => fire.at > Date.now());
    const when = next ? `lần gửi yêu cầu tới ${ddmmyyyy(vietnamDate(next.at))} (báo cáo năm ${next.year})` : 'không còn lần gửi yêu cầu nào trong thời hạn kế hoạch';
    process.stdout.write(`dondoc   | ${plan.id}: lịch báo cáo hằng năm ${result.created ? 'đã tạo' : 'đã cập nhật'}; ${when}${catchUpNote(result.catchUp)}\n`);
  }
}

/** This year's cycle when `dondoc up` found its request day already past: "; báo cáo năm 2026 đã bắt đầu thu thập (report/<plan>/2026)". */
function catchUpNote(catchUp: ReportScheduleResult['catchUp']): string {
  if (!catchUp) return '';
  return `; báo cáo năm ${catchUp.year} ${catchUp.started ? 'đã bắt đầu thu thập' : 'đang thu thập'} (${catchUp.workflowId})`;
}

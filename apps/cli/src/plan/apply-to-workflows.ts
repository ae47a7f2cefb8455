import { WorkingCalendar } from '@dondoc/calendar';
import type { PlanDiff } from '@dondoc/catalog';
import type { AppConfig } from '@dondoc/config';
import type { Plan } from '@dondoc/domain';
import { applyPlanRevision, loadSeedCatalog, upsertReportSchedule } from '@dondoc/plan-sync';
import { vietnamDate } from '@dondoc/policy';
import { Client, Connection } from '@temporalio/client';

import { temporalAddressFor } from '../runtime-connections';

/** Brings the running task workflows in line with the stored version. */
export async function applyToWorkflows(config: AppConfig, stored: { plan: Plan; version: number; diff: PlanDiff | null }, by: string): Promise<string> {
  const catalog = loadSeedCatalog(config.DONDOC_SEEDS_DIR);
  const connection = await Connection.connect({ address: temporalAddressFor(config) });
  try {
    const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
    const report = await applyPlanRevision(client, {
      plan: stored.plan,
      diff: stored.diff,
      version: stored.version,
      index: catalog.index,
      policy: catalog.policyFor(stored.plan.id),
      calendarOverrides: catalog.calendarOverrides,
      today: vietnamDate(Date.now()),
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      by,
    });
    const tasks = `  luồng theo dõi: ${report.started.length} bắt đầu, ${report.revised.length} cập nhật thời hạn, ${report.cancelled.length} hủy, ${report.rulesRefreshed.length} chuyển sang lịch nghỉ lễ và quy định nhắc việc mới`;
    // The report Schedule follows the imported version's deadlines (reporting.overrides included), for any
    // plan, from seeds/ or not: cycles resolve their plan from the stored versions.
    const calendar = new WorkingCalendar({ overrides: catalog.calendarOverrides });
    const schedule = await upsertReportSchedule(client, stored.plan, catalog.policyFor(stored.plan.id), calendar, { taskQueue: config.TEMPORAL_TASK_QUEUE });
    const next = schedule.fires.find((fire) => fire.at > Date.now());
    return `${tasks}\n  lịch báo cáo hằng năm: ${schedule.created ? 'đã tạo' : 'đã cập nhật'}; ${next ? `lần gửi yêu cầu tới ngày ${vietnamDate(next.at).split('-').reverse().join('/')} (báo cáo năm ${next.year})` : 'không còn lần gửi yêu cầu nào'}${schedule.catchUp?.started ? `; báo cáo năm ${schedule.catchUp.year} đã bắt đầu thu thập (${schedule.catchUp.workflowId})` : ''}`;
  } finally {
    await connection.close();
  }
}

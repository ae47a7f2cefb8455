import type { PlanDiff } from '@dondoc/catalog';
import type { AppConfig } from '@dondoc/config';
import type { Plan } from '@dondoc/domain';
import { applyPlanRevision, loadSeedCatalog } from '@dondoc/plan-sync';
import { vietnamDate } from '@dondoc/policy';
import { Client, Connection } from '@temporalio/client';

import { temporalAddressFor } from '../runtime-connections';

/** Brings the running task workflows in line with the stored version. */
export async function applyToWorkflows(config: AppConfig, stored: { plan: Plan; version: number; diff: PlanDiff | null }, by: string): Promise<string> {
  const catalog = loadSeedCatalog(config.DONDOC_SEEDS_DIR);
  const connection = await Connection.connect({ address: temporalAddressFor(config) });
  try {
    const report = await applyPlanRevision(new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }), {
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
    return `  luồng theo dõi: ${report.started.length} bắt đầu, ${report.revised.length} cập nhật thời hạn, ${report.cancelled.length} hủy, ${report.rulesRefreshed.length} chuyển sang lịch nghỉ lễ và quy định nhắc việc mới`;
  } finally {
    await connection.close();
  }
}

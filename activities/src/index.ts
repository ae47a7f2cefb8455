import type { NotificationQueue } from '@dondoc/queue';
import type { Client } from '@temporalio/client';

import { createGuidanceActivities } from './guidance.activities';
import { createNotificationActivities } from './notification.activities';
import { createReportActivities, type ReportActivityDependencies } from './reports/report.activities';
import { createSystemCheckActivities, type DependencyProbes } from './system-check.activities';

export type { DependencyProbes, DependencyReport, DependencyStatus } from './system-check.activities';
export type { ReportActivityDependencies } from './reports/report.activities';
export { AGENCY_STANDINGS, type AgencyStanding, type StandingCounts } from './reports/agency-standing';
export { consolidate, type ConsolidatedCycle, type ConsolidatedReport, TASK_OUTCOME_LABELS } from './reports/consolidation';
export { reportPlan } from './reports/report-plan';
export { reportPageUrl } from './reports/sign-off-mail';
export { generateReportFiles, reportFilePath } from './reports/report-files';
export { emailReport, REPORT_FILE_CONTENT_TYPES, type ReportMailer, reportMessageId } from './reports/report-mail';
export { fitXlsxCell, XLSX_CELL_LIMIT, XLSX_SHEETS } from './reports/xlsx-report';

export interface ActivityDependencies {
  probes: DependencyProbes;
  notifications: NotificationQueue;
  /** For activities that read Temporal visibility (the guidance fan-out's target list). */
  temporal: Client;
  /** Database, seeds, data folder and SMTP for report cycles; without them report activities fail with a clear error. */
  reports?: ReportActivityDependencies;
}

/** Builds every activity with its dependencies injected (the worker wires real ones, tests fakes or real ones). */
export function createActivities(deps: ActivityDependencies) {
  return {
    ...createSystemCheckActivities(deps.probes),
    ...createNotificationActivities(deps.notifications),
    ...createGuidanceActivities(deps.temporal),
    ...createReportActivities(deps.reports),
  };
}

export type Activities = ReturnType<typeof createActivities>;

export { loadSeedCatalog, type SeedCatalog } from './seed-catalog';
export { type SimulatedReminder, type SimulationWindow, simulateTask } from './simulate';
export { type StartReport, startTaskWorkflows } from './start-workflows';
export { type DissolvedLead, horizonYear, planTaskStarts, type PlanStartsInput, rulesFingerprint, type TaskStart, taskInputFor } from './task-starts';
export {
  datesFor,
  DEFAULT_AGGREGATOR_LAG_WORKING_DAYS,
  provinceOf,
  reportAssignments,
  ReportCycleError,
  type ReportDates,
  reportDates,
  reportOverrideProblems,
  reportTaskLeads,
  reportRecipients,
  reportTitle,
  requestLeadDays,
  type ReportCycleCatalog,
  resolveReportCycle,
  signOffWorkingDays,
} from './report-cycle';
export { type ReportCatchUp, reportCatchUpAt } from './report-catch-up';
export {
  type ReportFire,
  reportFires,
  REPORT_SCHEDULE_TIMEZONE,
  reportScheduleSpec,
  type ReportScheduleOptions,
  type ReportScheduleResult,
  upsertReportSchedule,
} from './report-schedule';
export { applyPlanRevision, type PlanRevisionInput, type PlanRevisionReport } from './apply-plan-revision';
export { collectTaskStatistics, listTaskCycleRecords, type TaskGroupOf, taskGroupsOf } from './task-cycle-records';

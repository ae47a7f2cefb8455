// The workflow bundle's entry: every workflow type the worker registers.
export { guidanceFanoutWorkflow } from './guidance/guidance-fanout.workflow';
export { type SystemCheckResult, systemCheckWorkflow } from './system-check.workflow';
export { taskWorkflow } from './task/task.workflow';
export { agencyReportWorkflow } from './report/agency-report.workflow';
export { reportCycleWorkflow } from './report/report-cycle.workflow';
export { reportScheduleWorkflow } from './report/report-schedule.workflow';

// The workflow bundle's entry: every workflow type the worker registers.
export { type SystemCheckResult, systemCheckWorkflow } from './system-check.workflow';
export { taskWorkflow } from './task/task.workflow';

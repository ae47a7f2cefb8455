// The workflow bundle's entry: every workflow type the worker registers.
export { guidanceFanoutWorkflow } from './guidance/guidance-fanout.workflow';
export { type SystemCheckResult, systemCheckWorkflow } from './system-check.workflow';
export { taskWorkflow } from './task/task.workflow';

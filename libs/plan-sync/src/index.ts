export { loadSeedCatalog, type SeedCatalog } from './seed-catalog';
export { type SimulatedReminder, type SimulationWindow, simulateTask } from './simulate';
export { type StartReport, startTaskWorkflows } from './start-workflows';
export { type DissolvedLead, horizonYear, planTaskStarts, type PlanStartsInput, type TaskStart, taskInputFor } from './task-starts';

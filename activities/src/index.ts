import { createSystemCheckActivities, type DependencyProbes } from './system-check.activities';

export type { DependencyProbes, DependencyReport, DependencyStatus } from './system-check.activities';

export interface ActivityDependencies {
  probes: DependencyProbes;
}

/** Builds every activity with its dependencies injected (the worker wires real ones, tests fakes or real ones). */
export function createActivities(deps: ActivityDependencies) {
  return {
    ...createSystemCheckActivities(deps.probes),
  };
}

export type Activities = ReturnType<typeof createActivities>;

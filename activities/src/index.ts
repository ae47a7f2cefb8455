import type { NotificationQueue } from '@dondoc/queue';
import type { Client } from '@temporalio/client';

import { createGuidanceActivities } from './guidance.activities';
import { createNotificationActivities } from './notification.activities';
import { createSystemCheckActivities, type DependencyProbes } from './system-check.activities';

export type { DependencyProbes, DependencyReport, DependencyStatus } from './system-check.activities';

export interface ActivityDependencies {
  probes: DependencyProbes;
  notifications: NotificationQueue;
  /** For activities that read Temporal visibility (the guidance fan-out's target list). */
  temporal: Client;
}

/** Builds every activity with its dependencies injected (the worker wires real ones, tests fakes or real ones). */
export function createActivities(deps: ActivityDependencies) {
  return {
    ...createSystemCheckActivities(deps.probes),
    ...createNotificationActivities(deps.notifications),
    ...createGuidanceActivities(deps.temporal),
  };
}

export type Activities = ReturnType<typeof createActivities>;

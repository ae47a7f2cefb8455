import { taskCycleQuery, taskVisibilityQuery } from './task-visibility';

describe('task visibility queries', () => {
  it('"overdue" means open and past due: a task completed late keeps its days late but is not listed', () => {
    expect(taskVisibilityQuery({ planId: 'kh-ai-2025-2030', overdue: true })).toBe(
      "WorkflowType = 'taskWorkflow' AND ExecutionStatus != 'ContinuedAsNew' AND DondocPlan = 'kh-ai-2025-2030' AND DondocDaysOverdue > 0 AND DondocStatus NOT IN ('completed-on-time', 'completed-late', 'completed', 'cancelled')",
    );
  });

  it('cycles for statistics: every current run, and earlier runs only when they closed a round by completing it', () => {
    expect(taskCycleQuery({ agencyId: 'so-khcn' })).toBe(
      "WorkflowType = 'taskWorkflow' AND (ExecutionStatus != 'ContinuedAsNew' OR DondocStatus IN ('completed-on-time', 'completed-late', 'completed')) AND DondocAgency = 'so-khcn'",
    );
  });
});

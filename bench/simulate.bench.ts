// How fast the pure reminder code is: the same ladder runs inside every task
// workflow activation and in `dondoc simulate`, so it must stay cheap.
import { WorkingCalendar } from '@dondoc/calendar';
import { loadSeedCatalog, planTaskStarts, simulateTask } from '@dondoc/plan-sync';
import { buildLadder } from '@dondoc/policy';
import path from 'node:path';

import { percentile, writeBenchResult } from './bench-results';

const catalog = loadSeedCatalog(path.join(process.cwd(), 'seeds'));
const calendar = new WorkingCalendar({ overrides: catalog.calendarOverrides });

// 1. One ladder, as a workflow builds it on every wake-up.
const policy = catalog.policyFor('kh-ai-2025-2030');
const ladderTimes: number[] = [];
for (let i = 0; i < 5_000; i++) {
  const due = `20${26 + (i % 5)}-${String(1 + (i % 12)).padStart(2, '0')}-15`;
  const started = performance.now();
  buildLadder(due, policy, calendar, Date.UTC(2032, 0, 1));
  ladderTimes.push(performance.now() - started);
}
ladderTimes.sort((a, b) => a - b);

// 2. Whole plans simulated 2025-2030, as `dondoc simulate` does.
const simulations: Record<string, { taskWorkflows: number; reminders: number; ms: number }> = {};
for (const plan of catalog.plans.values()) {
  const started = performance.now();
  const { starts } = planTaskStarts({ plan, index: catalog.index, policy: catalog.policyFor(plan.id), calendarOverrides: catalog.calendarOverrides, today: '2025-01-01' });
  const reminders = starts.flatMap((s) => simulateTask(s.workflowId, s.input, calendar, { from: '2025-01-01', to: '2030-12-31', guidanceDate: '2025-06-02' }));
  simulations[plan.id] = { taskWorkflows: starts.length, reminders: reminders.length, ms: Math.round(performance.now() - started) };
}
global.gc?.();

writeBenchResult('simulate', {
  ladder: { runs: ladderTimes.length, p50Ms: +percentile(ladderTimes, 50).toFixed(3), p99Ms: +percentile(ladderTimes, 99).toFixed(3) },
  simulate2025to2030: simulations,
  rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
});

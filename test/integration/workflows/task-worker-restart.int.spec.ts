// A worker stopped in the middle of a ladder and a new one started later on the
// same task queue: the new worker replays the history and carries on, so every
// step goes out exactly once — none lost while no worker ran, none repeated.
import { stateQuery } from '@dondoc/contracts';
import {
  activitiesFor,
  createNonStickyTestWorker,
  createTestWorker,
  DAY,
  HOUR,
  ladderBetween,
  ladderOf,
  stepsOf,
  useTaskScenario,
  vnDay,
  vnTime,
} from '@dondoc/test-harness';

describe('task workflow: worker stopped and replaced mid-ladder (time-skipping)', () => {
  const s = useTaskScenario('restart', { withoutWorker: true });

  it('each step exactly once across two worker replacements', async () => {
    const activities = activitiesFor(s.queue, s.env);
    const [y, m] = vnDay((await s.now()) + 150 * DAY).split('-').map(Number) as [number, number];
    const handle = await s.start(`${m}/${y}`);
    const start = await s.now();
    let due = '';
    const ladder = () => ladderOf(due, start + 400 * DAY);
    const at = (stepId: string) => ladder().find((step) => step.stepId === stepId)!.at;

    // First worker: up to just after the first reminder, then it goes away.
    const first = await createNonStickyTestWorker(s.env, s.taskQueue, activities);
    await first.runUntil(async () => {
      due = (await handle.query(stateQuery)).dueDate!;
      await s.advanceTo(at('before-30d') + HOUR);
    });
    expect(stepsOf(s.jobsOf(handle))).toEqual(ladderBetween(due, start, at('before-30d')));

    // No worker: the server's clock runs on to the next timer, whose task waits for a worker.
    const outage = s.advanceTo(at('overdue-1wd') + HOUR);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(s.jobsOf(handle)).toHaveLength(1);

    // Second worker, on the same task queue: picks the task up, replays, continues.
    const second = await createNonStickyTestWorker(s.env, s.taskQueue, activities);
    await second.runUntil(outage);
    expect(stepsOf(s.jobsOf(handle))).toEqual(ladderBetween(due, start, at('overdue-1wd')));

    // A third (an ordinary, caching worker) after another gap, through the escalation.
    const gap = s.advanceTo(at('overdue-15wd') + HOUR);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const third = await createTestWorker(s.env, s.taskQueue, activities);
    await third.runUntil(async () => {
      await gap;
      expect(await handle.query(stateQuery)).toMatchObject({ status: 'overdue', dueDate: due });
    });

    const until = at('overdue-15wd');
    const jobs = s.jobsOf(handle);
    expect(stepsOf(jobs)).toEqual(ladderBetween(due, start, until));
    expect(new Set(jobs.map((j) => j.idempotencyKey)).size).toBe(jobs.length);
    expect(s.queue.calls).toBe(jobs.length); // not even a duplicate enqueue
    expect(vnTime(due) < until).toBe(true);
  });
});

// Pause and resume. Decision: steps whose time comes while a task is paused are
// not sent on resume (no burst of stale reminders); each is recorded in the
// timeline as skipped, and the ladder goes on with the next step due after the resume.
import { pauseUpdate, resumeUpdate, timelineQuery } from '@dondoc/contracts';
import {
  DAY,
  HOUR,
  ladderBetween,
  ladderOf,
  stepsOf,
  useTaskScenario,
  vnDay,
  taskInput,
  vnTime,
  vnYear,
} from '@dondoc/test-harness';

describe('task workflow: pause and resume (time-skipping)', () => {
  const s = useTaskScenario('pause');

  it('no reminder while paused; on resume the ladder continues with the next step due, the missed ones recorded as skipped', async () => {
    const [y, m] = vnDay((await s.now()) + 150 * DAY).split('-').map(Number) as [number, number];
    const handle = await s.start(`${m}/${y}`);
    const start = await s.now();
    const due = (await s.state(handle)).dueDate!;
    const ladder = ladderOf(due, start + 400 * DAY);
    const at = (stepId: string) => ladder.find((step) => step.stepId === stepId)!.at;

    await s.advanceTo(at('before-7d') + HOUR);
    const pausedAt = await s.now();
    const paused = await handle.executeUpdate(pauseUpdate, { args: [{ by: 'admin@skhcn', reason: 'Chờ sắp xếp tổ chức bộ máy' }] });
    expect(paused).toMatchObject({ paused: true, nextReminderAt: null, nextReminderStep: null });

    // Paused across the due date and the first escalation.
    await s.advanceTo(at('overdue-1wd') + DAY);
    expect(stepsOf(s.jobsOf(handle))).toEqual(ladderBetween(due, start, pausedAt));
    expect(await s.state(handle)).toMatchObject({ paused: true, status: 'paused', nextReminderAt: null });

    const resumedAt = await s.now();
    const resumed = await handle.executeUpdate(resumeUpdate, { args: [{ by: 'admin@skhcn' }] });
    const next = ladder.find((step) => step.at > resumedAt)!;
    expect(resumed).toMatchObject({ paused: false, nextReminderStep: next.stepId, nextReminderAt: next.at });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(s.jobsOf(handle).filter((j) => j.scheduledFor > pausedAt)).toEqual([]); // no burst on resume

    const until = at('overdue-15wd') + HOUR;
    await s.advanceTo(until);
    const after = s.jobsOf(handle).filter((j) => j.scheduledFor > pausedAt);
    expect(stepsOf(after)).toEqual(ladderBetween(due, resumedAt, until));
    expect(after.map((j) => j.stepId)).toEqual(expect.arrayContaining(['overdue-5wd', 'overdue-15wd']));

    const timeline = await handle.query(timelineQuery);
    const missed = ladderBetween(due, pausedAt, resumedAt).map((step) => step.split('@')[0]);
    expect(missed).toEqual(expect.arrayContaining(['due-day', 'overdue-1wd']));
    expect(timeline.filter((e) => e.type === 'reminder-skipped').map((e) => e.stepId)).toEqual(missed);
    expect(timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['paused', 'resumed']));
    expect(s.queue.calls).toBe(s.queue.jobs.length);
  });

  it('a pause before a ladder begins changes nothing once resumed before the first step', async () => {
    const [y, m] = vnDay((await s.now()) + 150 * DAY).split('-').map(Number) as [number, number];
    const handle = await s.start(`${m}/${y}`);
    const start = await s.now();
    const due = (await s.state(handle)).dueDate!;
    await handle.executeUpdate(pauseUpdate, { args: [{ by: 'admin', reason: 'Rà soát' }] });
    await s.advanceTo(start + 20 * DAY);
    await handle.executeUpdate(resumeUpdate, { args: [{ by: 'admin' }] });
    const until = vnTime(due) + HOUR;
    await s.advanceTo(until);
    expect(stepsOf(s.jobsOf(handle))).toEqual(ladderBetween(due, start, until));
  });

  it('a pause lasts across a roll-over to the next cycle, which begins paused', async () => {
    const y = vnYear(await s.now()) + 1;
    const handle = await s.start('Thường xuyên', { cycleContext: { ...taskInput('Thường xuyên').cycleContext, startYear: y, horizonYear: y + 1 } });
    const due0 = `${y}-11-15`;
    const due1 = `${y + 1}-11-15`;
    const firstOf = (due: string) => ladderOf(due, 0)[0]!.at;
    await s.advanceTo(firstOf(due0) + HOUR);
    await handle.executeUpdate(pauseUpdate, { args: [{ by: 'admin', reason: 'Chờ kiện toàn tổ chức' }] });
    await s.advanceTo(firstOf(due1) + 10 * DAY);
    expect(await s.state(handle)).toMatchObject({ cycle: 1, dueDate: due1, paused: true, nextReminderAt: null });
    expect(s.jobsOf(handle).map((j) => j.stepId)).toEqual(['before-30d']);
    const timeline = await handle.query(timelineQuery);
    expect(timeline.some((e) => e.type === 'reminder-skipped' && e.cycle === 1 && e.stepId === 'before-30d')).toBe(true);

    const resumedAt = await s.now();
    await handle.executeUpdate(resumeUpdate, { args: [{ by: 'admin' }] });
    const until = vnTime(due1) + HOUR;
    await s.advanceTo(until);
    expect(stepsOf(s.jobsOf(handle).slice(1))).toEqual(ladderBetween(due1, resumedAt, until));
  });
});

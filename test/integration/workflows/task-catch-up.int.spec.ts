// Present state on import: a task whose deadline passed before Đôn Đốc tracked it
// gets one catch-up reminder for where the ladder stands now, never the backlog.
import { searchAttributes, timelineQuery } from '@dondoc/contracts';
import { calendarDaysBetween, positionAt, vietnamInstant } from '@dondoc/policy';
import {
  DAY,
  eventually,
  HOUR,
  ladderAfterCatchUp,
  ladderOf,
  stepsOf,
  testCalendar,
  useTaskScenario,
  vnDay,
} from '@dondoc/test-harness';

describe('task workflow: catch-up on import (time-skipping)', () => {
  const s = useTaskScenario('catchup');

  it('"12/2025" imported now: exactly one catch-up for the step positionAt gives, then weekly escalation', async () => {
    const due = '2025-12-31';
    const handle = await s.start('12/2025', { catchUp: true });
    const start = await s.now();
    const position = positionAt(ladderOf(due, start + 400 * DAY), start);
    expect(position.current).not.toBeNull();
    // The catch-up waits for office hours on a working day, like every letter. The
    // workflow read its clock at its first task, a few ms before `start`: inside
    // office hours it sends at that instant, so the window below, not one value.
    const catchUpAt = testCalendar.nextOfficeMoment(start);
    const startedAt = (await handle.describe()).startTime.getTime();
    await s.advanceTo(catchUpAt + 1_000);

    const jobs = await eventually(async () => s.jobsOf(handle), (found) => found.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 300)); // a burst would show up here
    expect(s.jobsOf(handle)).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      template: 'catch-up',
      stepId: position.current!.stepId,
      idempotencyKey: `${handle.workflowId}|${due}|${position.current!.stepId}`,
      data: expect.objectContaining({ dueDate: due, deadlineText: '12/2025' }),
    });
    expect(jobs[0]!.scheduledFor).toBeGreaterThanOrEqual(testCalendar.nextOfficeMoment(startedAt));
    expect(jobs[0]!.scheduledFor).toBeLessThanOrEqual(catchUpAt);
    expect(testCalendar.nextOfficeMoment(jobs[0]!.scheduledFor)).toBe(jobs[0]!.scheduledFor);
    const state = await s.state(handle);
    expect(state).toMatchObject({ status: 'overdue', dueDate: due, nextReminderStep: position.next!.stepId, nextReminderAt: position.next!.at });
    const attributes = (await handle.describe()).typedSearchAttributes;
    expect(attributes.get(searchAttributes.status)).toBe('overdue');
    // Counted on the day the catch-up went out (an import at night sends it the next working morning).
    expect(attributes.get(searchAttributes.daysOverdue)).toBe(calendarDaysBetween(due, vnDay(jobs[0]!.scheduledFor)));
    expect((await handle.query(timelineQuery)).filter((e) => e.type === 'catch-up-sent')).toHaveLength(1);

    const until = start + 22 * DAY;
    await s.advanceTo(until);
    const later = s.jobsOf(handle).slice(1);
    expect(stepsOf(later)).toEqual(ladderAfterCatchUp(due, jobs[0]!.scheduledFor, start, until));
    expect(later.length).toBeGreaterThanOrEqual(3); // three weeks of weekly repeats (four when one falls within hours)
    expect(later.every((j) => j.template === 'escalation' && /^weekly-\d+$/.test(j.stepId))).toBe(true);
    expect(s.queue.calls).toBe(s.queue.jobs.length);
  });

  it('without catch-up (a re-import): nothing for the past, the next step at its time', async () => {
    const due = '2025-12-31';
    const handle = await s.start('12/2025', { catchUp: false });
    const start = await s.now();
    const { next } = positionAt(ladderOf(due, start + 400 * DAY), start);
    expect(await s.state(handle)).toMatchObject({ status: 'overdue', nextReminderStep: next!.stepId });
    await s.advanceTo(next!.at + HOUR);
    expect(stepsOf(s.jobsOf(handle))).toEqual([`${next!.stepId}@${next!.day}`]);
  });

  it('a month deadline a few days past: the catch-up is the escalation that is due, and the ladder continues from there', async () => {
    const start = await s.now();
    // The month before the one ten days ago: it ended between 10 and 41 days ago.
    const [y, m] = vnDay(start - 10 * DAY).split('-').map(Number) as [number, number];
    const endOfLast = new Date(Date.UTC(y, m - 1, 0));
    const month = endOfLast.getUTCMonth() + 1;
    const year = endOfLast.getUTCFullYear();
    const due = endOfLast.toISOString().slice(0, 10);
    const handle = await s.start(`${month}/${year}`, { catchUp: true });
    const now = await s.now();
    const position = positionAt(ladderOf(due, now + 400 * DAY), now);
    await s.advanceTo(testCalendar.nextOfficeMoment(now) + 1_000);

    const [catchUp] = await eventually(async () => s.jobsOf(handle), (found) => found.length > 0);
    expect(catchUp).toMatchObject({ template: 'catch-up', stepId: position.current!.stepId });
    const until = now + 30 * DAY;
    await s.advanceTo(until);
    expect(stepsOf(s.jobsOf(handle).slice(1))).toEqual(ladderAfterCatchUp(due, catchUp!.scheduledFor, now, until));
    expect(s.jobsOf(handle).filter((j) => j.template === 'catch-up')).toHaveLength(1);
  });

  // Issue 12 §5: imported at 07:58 on the day of the +15-working-day escalation, the task got
  // its catch-up (the +5 step) and, two minutes later, the +15 escalation.
  it('imported minutes before a step: the catch-up goes out, the next step waits a working day', async () => {
    const [y, m] = vnDay((await s.now()) + 40 * DAY).split('-').map(Number) as [number, number];
    const due = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    const fifteenth = ladderOf(due, 0).find((step) => step.stepId === 'overdue-15wd')!;
    const importAt = fifteenth.at - 2 * 60_000; // 07:58, inside office hours
    await s.advanceTo(importAt);
    const handle = await s.start(`${m}/${y}`, { catchUp: true });

    const [catchUp] = await eventually(async () => s.jobsOf(handle), (found) => found.length > 0);
    expect(catchUp).toMatchObject({ template: 'catch-up', stepId: 'overdue-5wd' });
    const nextDay = testCalendar.addWorkingDays(fifteenth.day, 1);
    const spacingEnd = vietnamInstant(nextDay, '08:00');
    // The positive signal: the workflow itself says when the escalation goes, and it is not today.
    expect(await s.state(handle)).toMatchObject({ status: 'overdue', nextReminderStep: 'overdue-15wd', nextReminderAt: spacingEnd });

    await s.advanceTo(fifteenth.at + 3 * HOUR);
    expect((await s.state(handle)).nextReminderAt).toBe(spacingEnd);
    expect(s.jobsOf(handle).map((j) => j.stepId)).toEqual(['overdue-5wd']);

    await s.advanceTo(spacingEnd + HOUR);
    const jobs = await eventually(async () => s.jobsOf(handle), (found) => found.length > 1);
    expect(stepsOf(jobs)).toEqual([`overdue-5wd@${fifteenth.day}`, `overdue-15wd@${nextDay}`]);
    expect(jobs[1]).toMatchObject({ template: 'escalation', idempotencyKey: `${handle.workflowId}|${due}|overdue-15wd`, scheduledFor: spacingEnd });
  });
});

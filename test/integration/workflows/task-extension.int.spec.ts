// A deadline extended in the middle of escalation: the ladder starts over for the
// new date under new keys, and nothing more is sent for the old one.
import { extendDeadlineUpdate, searchAttributes, timelineQuery } from '@dondoc/contracts';
import { addCalendarDays } from '@dondoc/policy';
import {
  DAY,
  eventually,
  HOUR,
  ladderBetween,
  ladderOf,
  stepsOf,
  useTaskScenario,
  vnDay,
  vnTime,
  deadlineMonthAhead,
} from '@dondoc/test-harness';

describe('task workflow: deadline extension (time-skipping)', () => {
  const s = useTaskScenario('extend');

  /** A month deadline about five months ahead. */
  const monthAhead = () => deadlineMonthAhead(s);

  it('after overdue-5wd: the ladder is rebuilt for the new date, with new keys, and the old date goes quiet', async () => {
    const handle = await s.start(await monthAhead());
    const start = await s.now();
    const oldDue = (await s.state(handle)).dueDate!;
    const overdue5 = ladderOf(oldDue, 0).find((step) => step.stepId === 'overdue-5wd')!;
    await s.advanceTo(overdue5.at + 2 * HOUR);
    expect(stepsOf(s.jobsOf(handle))).toEqual(ladderBetween(oldDue, start, overdue5.at));
    expect((await s.state(handle)).status).toBe('overdue');

    const extendedAt = await s.now();
    const newDue = addCalendarDays(vnDay(extendedAt), 20);
    const answer = await handle.executeUpdate(extendDeadlineUpdate, {
      args: [{ newDue, reason: 'Chờ ý kiến thẩm định của Sở Tư pháp', approvedBy: 'pgd@skhcn' }],
    });
    // What the admin sees right away: back to active, the next reminder of the new date.
    const expectedNext = ladderOf(newDue, extendedAt + 400 * DAY).find((step) => step.at > extendedAt)!;
    expect(answer).toMatchObject({ status: 'active', dueDate: newDue, nextReminderStep: expectedNext.stepId, nextReminderAt: expectedNext.at });
    await eventually(
      async () => (await handle.describe()).typedSearchAttributes.get(searchAttributes.status),
      (status) => status === 'active',
    );
    const attributes = (await handle.describe()).typedSearchAttributes;
    expect(attributes.get(searchAttributes.dueDate)?.getTime()).toBe(Date.parse(`${newDue}T00:00:00+07:00`));
    expect(attributes.get(searchAttributes.daysOverdue)).toBe(0);

    const until = vnTime(newDue) + 10 * DAY;
    await s.advanceTo(until);
    const after = s.jobsOf(handle).filter((j) => j.scheduledFor > extendedAt);
    // The new date's ladder from the moment of the extension: its past steps (before-30d) are not sent late.
    expect(stepsOf(after)).toEqual(ladderBetween(newDue, extendedAt, until));
    expect(after.map((j) => j.stepId)).toEqual(expect.arrayContaining(['before-7d', 'due-day', 'overdue-1wd', 'overdue-5wd']));
    for (const job of after) {
      expect(job.idempotencyKey).toBe(`${handle.workflowId}|${newDue}|${job.stepId}`);
      expect(job.data.dueDate).toBe(newDue);
    }
    const old = s.jobsOf(handle).filter((j) => j.data.dueDate === oldDue);
    expect(old.every((j) => j.scheduledFor <= overdue5.at)).toBe(true);
    expect(s.queue.calls).toBe(s.queue.jobs.length);

    const extended = (await handle.query(timelineQuery)).find((e) => e.type === 'deadline-extended');
    expect(extended?.detail).toContain(`từ ${oldDue} đến ${newDue}`);
  });

  it('an extension before any reminder just moves the whole ladder', async () => {
    const handle = await s.start(await monthAhead());
    const start = await s.now();
    const oldDue = (await s.state(handle)).dueDate!;
    const newDue = addCalendarDays(oldDue, 45);
    await handle.executeUpdate(extendDeadlineUpdate, { args: [{ newDue, reason: 'Điều chỉnh kế hoạch', approvedBy: 'ubnd' }] });
    const until = vnTime(newDue) + 2 * DAY;
    await s.advanceTo(until);
    expect(stepsOf(s.jobsOf(handle))).toEqual(ladderBetween(newDue, start, until));
  });
});

// One test per kind of deadline the plans print, on the time-skipping server:
// which reminders go out, on which Vietnamese working days, under which keys,
// and what the `state` query and the timeline tell a user along the way.
import { completeUpdate, guidanceIssuedSignal, reportProgressUpdate, searchAttributes, timelineQuery } from '@dondoc/contracts';
import { simulateTask } from '@dondoc/plan-sync';
import { parseDeadline } from '@dondoc/schemas';
import { addCalendarDays, calendarDaysBetween, cyclesOf, positionAt } from '@dondoc/policy';
import {
  DAY,
  eventually,
  HOUR,
  ladderAfterCatchUp,
  ladderBetween,
  ladderOf,
  stepsOf,
  taskInput,
  testCalendar,
  useTaskScenario,
  vnDay,
  vnTime,
  vnYear,
} from '@dondoc/test-harness';

describe('task workflow: one test per kind of deadline (time-skipping)', () => {
  const s = useTaskScenario('kind');

  /** The first reminder of a due date: the moment a cycle begins for the agency. */
  const firstReminderAt = (due: string) => ladderOf(due, 0)[0]!.at;

  it('month "4/<next year>": every step once, on working days around 30/4–1/5; not due until the first reminder, in progress through the due date, overdue the day after', async () => {
    const y = vnYear(await s.now()) + 1;
    const due = `${y}-04-30`;
    const handle = await s.start(`4/${y}`);
    const start = await s.now();
    expect(await s.state(handle)).toMatchObject({ status: 'not-due', dueDate: due, cycleKind: 'deadline', nextReminderStep: 'before-30d' });
    await s.advanceTo(firstReminderAt(due) + HOUR);
    expect((await s.state(handle)).status).toBe('active');
    expect((await handle.describe()).typedSearchAttributes.get(searchAttributes.status)).toBe('active');

    await s.advanceTo(vnTime(due));
    expect((await s.state(handle)).status).toBe('active');
    await s.advanceTo(vnTime(`${y}-05-01`)); // a holiday, before the first escalation
    const dayAfter = await s.state(handle);
    expect(dayAfter.status).toBe('overdue');
    expect((await handle.describe()).typedSearchAttributes.get(searchAttributes.status)).toBe('overdue');

    const until = vnTime(due) + 30 * DAY;
    await s.advanceTo(until);
    const jobs = s.jobsOf(handle);
    expect(stepsOf(jobs)).toEqual(ladderBetween(due, start, until));
    for (const job of jobs) {
      expect(job.idempotencyKey).toBe(`${handle.workflowId}|${due}|${job.stepId}`);
      expect(testCalendar.isWorkingDay(vnDay(job.scheduledFor))).toBe(true);
    }
    const dayOf = (stepId: string) => vnDay(jobs.find((j) => j.stepId === stepId)!.scheduledFor);
    expect(dayOf('due-day') < due).toBe(true); // 30/4 is a holiday: the due-day reminder comes before it
    expect(dayOf('overdue-1wd') > `${y}-05-01`).toBe(true); // and 1/5 is one too
    expect(jobs.map((j) => j.template)).not.toContain('catch-up');
    expect(s.queue.calls).toBe(s.queue.jobs.length);

    const done = await handle.executeUpdate(completeUpdate, { args: [{ by: 'chuyenvien@skhcn', evidence: 'Công văn 45/SKHCN' }] });
    // Completed by Sở KH&CN a month after the due date: late, by the days since it.
    const today = vnDay(await s.now());
    expect(done).toMatchObject({ status: 'completed-late', completion: { on: today, dueDate: due, daysLate: calendarDaysBetween(due, today), confirmedBy: null } });
    expect((await s.state(handle)).nextReminderAt).toBeNull();
  });

  it('year "<next year>": due 31/12, the first escalation skips New Year’s Day', async () => {
    const y = vnYear(await s.now()) + 1;
    const due = `${y}-12-31`;
    const handle = await s.start(String(y));
    const start = await s.now();
    expect(await s.state(handle)).toMatchObject({ dueDate: due, cycle: 0, cycleKind: 'deadline' });

    const until = vnTime(due) + 10 * DAY;
    await s.advanceTo(until);
    const jobs = s.jobsOf(handle);
    expect(stepsOf(jobs)).toEqual(ladderBetween(due, start, until));
    const overdue1 = vnDay(jobs.find((j) => j.stepId === 'overdue-1wd')!.scheduledFor);
    expect(overdue1 > `${y + 1}-01-01`).toBe(true);
    expect(testCalendar.isWorkingDay(overdue1)).toBe(true);
  });

  it('year range: a yearly progress cycle, closed by a progress report, then the final deadline in a new run with the timeline carried over', async () => {
    const y = vnYear(await s.now()) + 1;
    const handle = await s.start(`${y}-${y + 1}`);
    const start = await s.now();
    const progressDue = `${y}-11-15`;
    const finalDue = `${y + 1}-12-31`;
    expect(await s.state(handle)).toMatchObject({ cycle: 0, cycleKind: 'progress', dueDate: progressDue, nextReminderStep: 'before-30d' });
    const firstRun = (await handle.describe()).runId;

    const before7d = ladderOf(progressDue, 0).find((step) => step.stepId === 'before-7d')!;
    await s.advanceTo(before7d.at + 2 * DAY);
    expect(stepsOf(s.jobsOf(handle))).toEqual(ladderBetween(progressDue, start, before7d.at));
    const reported = await handle.executeUpdate(reportProgressUpdate, { args: [{ by: 'focal@skhcn', percent: 40, note: 'Đã dự thảo quy chế' }] });
    expect(reported.progressPercent).toBe(40);

    const next = await eventually(() => s.state(handle), (state) => state.cycle === 1);
    expect(next).toMatchObject({ cycle: 1, cycleKind: 'deadline', dueDate: finalDue, status: 'not-due', nextReminderStep: 'before-30d', progressPercent: 40 });
    expect((await handle.describe()).runId).not.toBe(firstRun);
    const timeline = await handle.query(timelineQuery);
    expect(timeline.filter((e) => e.type === 'started')).toHaveLength(1);
    expect(timeline.filter((e) => e.type === 'cycle-started').map((e) => e.cycle)).toEqual([0, 1]);
    expect(timeline.filter((e) => e.type === 'reminder-sent').map((e) => e.stepId)).toEqual(['before-30d', 'before-7d']);
    expect(timeline.find((e) => e.type === 'progress')?.detail).toContain('40%');

    // The progress cycle asks nothing more; the final deadline's ladder starts a month before 31/12.
    const until = firstReminderAt(finalDue) + DAY;
    await s.advanceTo(until);
    const jobs = s.jobsOf(handle);
    expect(jobs.filter((j) => j.cycle === 0).map((j) => j.stepId)).toEqual(['before-30d', 'before-7d']);
    expect(jobs.filter((j) => j.cycle === 1).map((j) => j.idempotencyKey)).toEqual([`${handle.workflowId}|${finalDue}|before-30d`]);
  });

  it('year range completed during a progress cycle: the whole task is done, not just the year', async () => {
    const y = vnYear(await s.now()) + 1;
    const handle = await s.start(`${y}-${y + 1}`);
    const done = await handle.executeUpdate(completeUpdate, { args: [{ by: 'focal@skhcn', evidence: 'Quyết định ban hành quy chế' }] });
    expect(done).toMatchObject({ status: 'completed-on-time', cycle: 0, progressPercent: 100, nextReminderAt: null });
    expect(await handle.result()).toMatchObject({ status: 'completed-on-time' });
    expect(s.jobsOf(handle)).toEqual([]);
  });

  it('yearly "Hằng năm": one deadline cycle per year; completing this year’s round moves to next year', async () => {
    const y = vnYear(await s.now()) + 1;
    const handle = await s.start('Hằng năm', { cycleContext: { ...taskInput('Hằng năm').cycleContext, startYear: y, horizonYear: y + 1 } });
    const start = await s.now();
    const due0 = `${y}-11-15`;
    const due1 = `${y + 1}-11-15`;
    expect(await s.state(handle)).toMatchObject({ cycle: 0, cycleKind: 'deadline', dueDate: due0 });

    const until0 = vnTime(due0) + 10 * DAY;
    await s.advanceTo(until0);
    expect(stepsOf(s.jobsOf(handle))).toEqual(ladderBetween(due0, start, until0));
    const firstRun = (await handle.describe()).runId;
    await handle.executeUpdate(completeUpdate, { args: [{ by: 'focal@skhcn', evidence: 'Báo cáo năm' }] });
    const next = await eventually(() => s.state(handle), (state) => state.cycle === 1);
    expect(next).toMatchObject({ cycle: 1, dueDate: due1, status: 'not-due', nextReminderStep: 'before-30d', progressPercent: null, completion: null });
    expect((await handle.describe()).status.name).toBe('RUNNING');
    // The closed run keeps how this year's round ended (statistics count earlier cycles from it).
    const closed = (await s.env.client.workflow.getHandle(handle.workflowId, firstRun).describe()).typedSearchAttributes;
    expect([closed.get(searchAttributes.status), closed.get(searchAttributes.daysOverdue)]).toEqual(['completed-late', calendarDaysBetween(due0, vnDay(until0))]);

    const until1 = firstReminderAt(due1) + DAY;
    await s.advanceTo(until1);
    const later = s.jobsOf(handle).filter((j) => j.cycle === 1);
    expect(later.map((j) => j.idempotencyKey)).toEqual([`${handle.workflowId}|${due1}|before-30d`]);
    expect(s.jobsOf(handle).filter((j) => j.cycle === 0 && j.scheduledFor > until0)).toEqual([]);
  });

  it('continuous "Thường xuyên": an unanswered progress cycle rolls over to the next at that cycle’s first reminder', async () => {
    const y = vnYear(await s.now()) + 1;
    const input = taskInput('Thường xuyên', { cycleContext: { ...taskInput('Thường xuyên').cycleContext, startYear: y, horizonYear: y + 1 } });
    const handle = await s.start('Thường xuyên', { cycleContext: input.cycleContext });
    const start = await s.now();
    const due0 = `${y}-11-15`;
    const due1 = `${y + 1}-11-15`;
    expect(await s.state(handle)).toMatchObject({ cycle: 0, cycleKind: 'progress', dueDate: due0 });
    const firstRun = (await handle.describe()).runId;

    const rollOverAt = firstReminderAt(due1);
    await s.advanceTo(rollOverAt + 2 * HOUR);
    const jobs = s.jobsOf(handle);
    // Cycle 0 escalates weekly while unanswered, up to the moment cycle 1 begins.
    expect(stepsOf(jobs.filter((j) => j.cycle === 0))).toEqual(ladderBetween(due0, start, rollOverAt));
    expect(jobs.filter((j) => j.cycle === 1).map((j) => j.idempotencyKey)).toEqual([`${handle.workflowId}|${due1}|before-30d`]);
    expect(vnDay(jobs.at(-1)!.scheduledFor)).toBe(vnDay(rollOverAt));

    expect(await s.state(handle)).toMatchObject({ cycle: 1, cycleKind: 'progress', dueDate: due1, status: 'active' });
    expect((await handle.describe()).runId).not.toBe(firstRun);
    const timeline = await handle.query(timelineQuery);
    const rolled = timeline.find((e) => e.type === 'reminder-skipped' && e.cycle === 0);
    expect(rolled?.detail).toContain('chuyển sang kỳ sau');
    expect(vnDay(rolled!.at)).toBe(vnDay(rollOverAt));
    expect(s.queue.calls).toBe(s.queue.jobs.length);

    // `dondoc simulate` previews exactly these reminders (same code: the preview cannot drift).
    const simulated = simulateTask(handle.workflowId, input, testCalendar, { from: vnDay(start), to: vnDay(rollOverAt) });
    expect(simulated.map((r) => `${r.cycle}:${r.stepId}@${vnDay(r.at)}`)).toEqual(jobs.map((j) => `${j.cycle}:${j.stepId}@${vnDay(j.scheduledFor)}`));
  });

  it('after central guidance: waits without reminders for months; late guidance gives a full ladder from its date', async () => {
    const handle = await s.start('Sau khi có văn bản hướng dẫn của Trung ương');
    expect(await s.state(handle)).toMatchObject({ status: 'waiting-trigger', dueDate: null, nextReminderAt: null, cycleKind: null });
    expect((await handle.describe()).typedSearchAttributes.get(searchAttributes.status)).toBe('waiting-trigger');

    await s.advanceTo((await s.now()) + 200 * DAY);
    expect(s.jobsOf(handle)).toEqual([]);
    expect((await s.state(handle)).status).toBe('waiting-trigger');

    const issuedAt = await s.now();
    const date = vnDay(issuedAt);
    const due = addCalendarDays(date, 60); // policy.guidanceLeadDays
    await handle.signal(guidanceIssuedSignal, { documentNumber: '15/2027/TT-BKHCN', date, issuer: 'Bộ Khoa học và Công nghệ' });
    const released = await eventually(() => s.state(handle), (state) => state.dueDate !== null);
    expect(released).toMatchObject({ status: 'not-due', dueDate: due, nextReminderStep: 'before-30d' });

    const until = vnTime(due) + 10 * DAY;
    await s.advanceTo(until);
    const jobs = s.jobsOf(handle);
    expect(stepsOf(jobs)).toEqual(ladderBetween(due, issuedAt, until));
    expect(jobs.map((j) => j.stepId)).toEqual(expect.arrayContaining(['before-30d', 'before-7d', 'due-day', 'overdue-1wd', 'overdue-5wd']));
    expect(jobs.map((j) => j.template)).not.toContain('catch-up');
    const types = (await handle.query(timelineQuery)).map((e) => e.type);
    expect(types.slice(0, 4)).toEqual(['started', 'trigger-waiting', 'guidance-received', 'cycle-started']);
  });

  it('first deadline then continued, "2025 (và tiếp tục …)" imported now: one catch-up for the current cycle and step, then the ladder goes on', async () => {
    const text = '2025 (và tiếp tục duy trì cho những năm tiếp theo)';
    const now = await s.now();
    const context = { ...taskInput(text).cycleContext, horizonYear: vnYear(now) + 1 };
    const handle = await s.start(text, { cycleContext: context });
    const start = await s.now();

    // Where the task stands now, by the pure functions: the cycle whose successor has not begun, and its step.
    const parsed = parseDeadline(text);
    if (!parsed.ok) throw new Error(parsed.message);
    const cycles = cyclesOf(parsed.deadline, context);
    let current = 0;
    while (current < cycles.length - 1 && firstReminderAt(cycles[current + 1]!.due) <= start) current++;
    const due = cycles[current]!.due;
    const position = positionAt(ladderOf(due, start + 400 * DAY), start);
    await s.advanceTo(testCalendar.nextOfficeMoment(start) + 1_000); // the catch-up goes out in office hours

    const [catchUp, ...rest] = await eventually(async () => s.jobsOf(handle), (jobs) => jobs.length > 0);
    expect(rest).toEqual([]);
    expect(catchUp).toMatchObject({ template: 'catch-up', cycle: current, stepId: position.current!.stepId, idempotencyKey: `${handle.workflowId}|${due}|${position.current!.stepId}` });
    // Overdue most of the year; from the next cycle's first reminder (mid-October) until its due date it is that cycle's run-up.
    const catchUpDay = vnDay(catchUp!.scheduledFor);
    const status = catchUpDay > due ? 'overdue' : 'active';
    expect(await s.state(handle)).toMatchObject({ cycle: current, dueDate: due, status });

    const until = start + 22 * DAY;
    await s.advanceTo(until);
    const next = current + 1 < cycles.length ? firstReminderAt(cycles[current + 1]!.due) : Infinity;
    const later = s.jobsOf(handle).slice(1).filter((j) => j.cycle === current);
    expect(stepsOf(later)).toEqual(ladderAfterCatchUp(due, catchUp!.scheduledFor, start, Math.min(until, next - 1)));
    expect(later.map((j) => j.template)).not.toContain('catch-up');
    if (next > until && status === 'overdue') expect(later.length).toBeGreaterThanOrEqual(3); // weekly, while the cycle lasts
  });
});

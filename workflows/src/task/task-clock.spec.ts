import { WorkingCalendar } from '@dondoc/calendar';
import { buildLadder, type EscalationPolicy, vietnamInstant } from '@dondoc/policy';

import {
  completionEndsTask,
  daysLateOn,
  nextApplicableStep,
  nextRunningStatusChangeAt,
  nextStatusChangeAt,
  openStatusAt,
  runningStatusAt,
  settledKey,
  stepsDue,
} from './task-clock';

const at = (date: string, time = '12:00') => vietnamInstant(date, time);
const focal = [{ role: 'focal', channels: ['email'] }] as const;
const policy: EscalationPolicy = {
  id: 'spec',
  sendAt: '08:00',
  before: [
    { id: 'before-30d', calendarDaysBefore: 30, recipients: focal, onlyUntilAcknowledged: true },
    { id: 'before-7d', calendarDaysBefore: 7, recipients: focal, onlyUntilAcknowledged: false },
  ],
  onDueDate: { id: 'due-day', recipients: focal, onlyUntilAcknowledged: false },
  after: [{ id: 'overdue-1wd', workingDaysAfter: 1, recipients: focal, onlyUntilAcknowledged: false }],
  repeat: null,
  guidanceLeadDays: 60,
};

describe('task clock', () => {
  it('status turns due at midnight in Vietnam on the due date, and overdue at the next midnight', () => {
    expect(openStatusAt(at('2027-04-29', '23:59'), '2027-04-30')).toBe('active');
    expect(openStatusAt(at('2027-04-30', '00:00'), '2027-04-30')).toBe('due');
    expect(openStatusAt(at('2027-05-01', '00:00'), '2027-04-30')).toBe('overdue');
    expect(nextStatusChangeAt(at('2027-04-01'), '2027-04-30')).toBe(at('2027-04-30', '00:00'));
    expect(nextStatusChangeAt(at('2027-04-30'), '2027-04-30')).toBe(at('2027-05-01', '00:00'));
    expect(nextStatusChangeAt(at('2027-05-02'), '2027-04-30')).toBe(Infinity);
  });

  it('status model: not due before the first reminder, in progress through the due date, overdue from the next day', () => {
    const first = at('2027-03-31', '08:00');
    expect(runningStatusAt(first - 1, '2027-04-30', first)).toBe('not-due');
    expect(runningStatusAt(first, '2027-04-30', first)).toBe('active');
    expect(runningStatusAt(at('2027-04-30', '23:59'), '2027-04-30', first)).toBe('active');
    expect(runningStatusAt(at('2027-05-01', '00:00'), '2027-04-30', first)).toBe('overdue');
    expect(nextRunningStatusChangeAt(at('2027-03-01'), '2027-04-30', first)).toBe(first);
    expect(nextRunningStatusChangeAt(first, '2027-04-30', first)).toBe(at('2027-05-01', '00:00'));
    expect(nextRunningStatusChangeAt(at('2027-05-02'), '2027-04-30', first)).toBe(Infinity);
    expect(daysLateOn('2027-04-30', '2027-05-03')).toBe(3);
    expect(daysLateOn('2027-04-30', '2027-04-12')).toBe(0);
  });

  const due = '2027-06-30';
  const ladder = buildLadder(due, policy, new WorkingCalendar(), at('2027-12-31'));
  const stepAt = (id: string) => ladder.find((s) => s.stepId === id)!.at;

  it('steps due in a window: settled ones and acknowledged first notices excluded', () => {
    const ids = (steps: readonly { stepId: string }[]) => steps.map((s) => s.stepId);
    expect(ids(stepsDue(ladder, due, stepAt('before-30d') - 1, stepAt('before-7d'), false, new Set()))).toEqual(['before-30d', 'before-7d']);
    expect(ids(stepsDue(ladder, due, stepAt('before-30d') - 1, stepAt('before-7d'), true, new Set()))).toEqual(['before-7d']);
    const settled = new Set([settledKey(due, 'before-7d')]);
    expect(ids(stepsDue(ladder, due, stepAt('before-30d'), stepAt('before-7d'), false, settled))).toEqual([]);
    // Settled steps of another due date (before an extension) do not count for this one.
    expect(nextApplicableStep(ladder, due, stepAt('before-30d'), false, new Set([settledKey('2027-05-31', 'before-7d')]))?.stepId).toBe('before-7d');
  });

  it('completion ends one-off tasks at once and recurring duties only in their last cycle', () => {
    expect(completionEndsTask('year-range', 0, 3)).toBe(true);
    expect(completionEndsTask('month', 0, 1)).toBe(true);
    expect(completionEndsTask('yearly', 0, 3)).toBe(false);
    expect(completionEndsTask('continuous', 2, 3)).toBe(true);
    expect(completionEndsTask('first-then-continued', 0, 4)).toBe(false);
  });
});

import { buildLadder, positionAt } from './ladder';
import { defaultPolicy, simpleCalendar } from './test-fixtures';
import { vietnamInstant } from './working-calendar';

const farFuture = Date.UTC(2100, 0, 1);
const summary = (due: string, until = farFuture) => buildLadder(due, defaultPolicy, simpleCalendar, until).map((s) => `${s.stepId}@${s.day}`);

describe(buildLadder.name, () => {
  it('reminds 30 and 7 days and 1 working day before, on the due date, then escalates in working days', () => {
    // Due Friday 31/07/2026.
    expect(summary('2026-07-31', vietnamInstant('2026-09-01', '00:00'))).toEqual([
      'before-30d@2026-07-01',
      'before-7d@2026-07-24',
      'before-1wd@2026-07-30',
      'due-day@2026-07-31',
      'overdue-1wd@2026-08-03', // Monday: the weekend does not count
      'overdue-5wd@2026-08-07',
      'overdue-15wd@2026-08-21',
      'weekly-1@2026-08-28',
    ]);
  });

  it('moves a reminder before the due date earlier, never later, when it falls on a day off', () => {
    // 30 days before Sunday 15/03/2026 is Saturday 14/02 → Friday 13/02 (Tết starts on Monday 16/02).
    const ladder = buildLadder('2026-03-15', defaultPolicy, simpleCalendar, farFuture);
    expect(ladder.find((s) => s.stepId === 'before-30d')?.day).toBe('2026-02-13');
    // The due date itself is a Sunday: the due-day reminder goes out on Friday 13/03.
    expect(ladder.find((s) => s.stepId === 'due-day')?.day).toBe('2026-03-13');
  });

  it('counts escalation days past Tết', () => {
    // Due Friday 13/02/2026; the next working day is Monday 23/02 after the Tết week.
    const ladder = buildLadder('2026-02-13', defaultPolicy, simpleCalendar, farFuture);
    expect(ladder.find((s) => s.stepId === 'overdue-1wd')?.day).toBe('2026-02-23');
    expect(ladder.find((s) => s.stepId === 'overdue-5wd')?.day).toBe('2026-02-27');
  });

  it('sends every reminder at 08:00 Vietnam time (01:00 UTC) on a working day', () => {
    for (const step of buildLadder('2026-07-31', defaultPolicy, simpleCalendar, Date.UTC(2026, 11, 31))) {
      const at = new Date(step.at);
      expect([at.getUTCHours(), at.getUTCMinutes()]).toEqual([1, 0]);
      expect(simpleCalendar.isWorkingDay(step.day)).toBe(true);
    }
  });

  it('keeps one reminder when two steps land on the same day', () => {
    // Due Monday 23/02/2026: 7 days before is Monday 16/02 (Tết) → Friday 13/02; 1 working day before is also Friday 13/02.
    const ids = summary('2026-02-23').filter((s) => s.includes('2026-02-13'));
    expect(ids).toEqual(['before-1wd@2026-02-13']);
  });

  it('repeats weekly until the bound, and stops after maxRepeats when the policy caps it', () => {
    const until = vietnamInstant('2026-10-31', '23:59');
    expect(summary('2026-07-31', until).filter((s) => s.startsWith('weekly'))).toHaveLength(10);
    const capped = buildLadder('2026-07-31', { ...defaultPolicy, repeat: { ...defaultPolicy.repeat!, maxRepeats: 2 } }, simpleCalendar, farFuture);
    expect(capped.filter((s) => s.phase === 'repeat').map((s) => s.stepId)).toEqual(['weekly-1', 'weekly-2']);
  });

  it('gives days left before the due date and days overdue after it', () => {
    const ladder = buildLadder('2026-07-31', defaultPolicy, simpleCalendar, farFuture);
    expect(ladder.find((s) => s.stepId === 'before-7d')?.daysLeft).toBe(7);
    expect(ladder.find((s) => s.stepId === 'overdue-1wd')?.daysLeft).toBe(-3);
  });
});

describe(positionAt.name, () => {
  const ladder = buildLadder('2026-07-31', defaultPolicy, simpleCalendar, farFuture);

  it('finds the step an overdue task is on now, and the next one', () => {
    const { current, next } = positionAt(ladder, vietnamInstant('2026-08-10', '09:00'));
    expect(current?.stepId).toBe('overdue-5wd');
    expect(next?.stepId).toBe('overdue-15wd');
  });

  it('has no current step before the first reminder', () => {
    expect(positionAt(ladder, vietnamInstant('2026-06-01', '09:00'))).toEqual({ current: null, next: ladder[0] });
  });
});

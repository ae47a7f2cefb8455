import { WorkingCalendar } from '@dondoc/calendar';

import { deadlineDistanceAt, signedDaysLeft } from './deadline-distance';

const calendar = new WorkingCalendar();
const at = (date: string, time = '08:00') => Date.parse(`${date}T${time}:00+07:00`);

describe(deadlineDistanceAt.name, () => {
  it('counts calendar days ahead, today, and calendar and working days overdue from the day after the due date', () => {
    expect(deadlineDistanceAt('2026-12-14', at('2026-12-04'), calendar)).toEqual({ kind: 'ahead', days: 10 });
    expect(deadlineDistanceAt('2026-12-04', at('2026-12-04', '16:59'), calendar)).toEqual({ kind: 'today' });
    // Due Friday: Saturday and Sunday are overdue days but not working days.
    expect(deadlineDistanceAt('2026-12-04', at('2026-12-07'), calendar)).toEqual({ kind: 'overdue', days: 3, workingDays: 1, since: '2026-12-05' });
    expect(deadlineDistanceAt(null, at('2026-12-04'), calendar)).toEqual({ kind: 'none' });
  });

  it('takes the day in Vietnam: 23:30 UTC is already the next morning', () => {
    expect(deadlineDistanceAt('2026-12-04', Date.parse('2026-12-03T23:30:00Z'), calendar)).toEqual({ kind: 'today' });
  });

  it('states calendar days only when the calendar does not cover the years in between', () => {
    expect(deadlineDistanceAt('2019-12-31', at('2021-01-04'), calendar)).toMatchObject({ kind: 'overdue', days: 370, workingDays: null });
  });

  it('gives the signed day count of older messages', () => {
    expect([{ kind: 'none' } as const, { kind: 'ahead', days: 3 } as const, { kind: 'today' } as const, { kind: 'overdue', days: 2, workingDays: 2, since: '2026-01-01' } as const].map(signedDaysLeft)).toEqual([null, 3, 0, -2]);
  });
});

import { addDays, dayNumber, fromDayNumber, isIsoDate, isWeekend, parseIsoDate, weekdayOf } from './civil-day';

describe('civil days', () => {
  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-1-05')).toBe(false);
    expect(isIsoDate('2025-01-05T00:00')).toBe(false);
    expect(() => parseIsoDate('2025-13-01')).toThrow(/not a calendar date/);
  });

  it('counts days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(fromDayNumber(dayNumber('2000-01-01'))).toBe('2000-01-01');
    expect(dayNumber('2000-01-01')).toBe(2451545);
  });

  it('knows weekdays and weekends', () => {
    expect(weekdayOf('2025-01-29')).toBe(3); // mùng 1 Tết Ất Tỵ, a Wednesday
    expect(weekdayOf('2025-04-26')).toBe(6);
    expect(weekdayOf('2026-04-26')).toBe(0);
    expect(isWeekend('2025-04-26')).toBe(true);
    expect(isWeekend('2025-04-28')).toBe(false);
  });
});

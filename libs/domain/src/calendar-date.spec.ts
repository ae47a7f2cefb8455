import { daysInMonth, isValidDayMonth } from './calendar-date';

describe(isValidDayMonth.name, () => {
  it('knows February of leap and common years', () => {
    expect(isValidDayMonth(29, 2, 2024)).toBe(true);
    expect(isValidDayMonth(29, 2, 2025)).toBe(false);
    expect(isValidDayMonth(29, 2)).toBe(true);
    expect(isValidDayMonth(30, 2)).toBe(false);
    expect(daysInMonth(2, 1900)).toBe(28);
    expect(daysInMonth(2, 2000)).toBe(29);
  });

  it('rejects month 13, day 0 and 31 in a 30-day month', () => {
    expect(isValidDayMonth(1, 13)).toBe(false);
    expect(isValidDayMonth(0, 1)).toBe(false);
    expect(isValidDayMonth(31, 4)).toBe(false);
    expect(isValidDayMonth(31, 12)).toBe(true);
  });
});

import { lunarDateOf, lunarNewYear, solarDateOfLunar } from './lunar-calendar';

describe(lunarNewYear.name, () => {
  it.each([
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
    // Vietnam (UTC+7): the new moon falls at 23:07 on 2 February; in China (UTC+8) it is already 3 February.
    [2030, '2030-02-02'],
    [2031, '2031-01-23'],
    [2032, '2032-02-11'],
    [2033, '2033-01-31'],
    [2034, '2034-02-19'],
    [2035, '2035-02-08'],
  ])('Tết %i is on %s', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
  });

  it('differs from the Chinese date in 2007 (17 vs 18 February)', () => {
    expect(lunarNewYear(2007)).toBe('2007-02-17');
  });
});

describe(solarDateOfLunar.name, () => {
  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
    [2030, '2030-04-12'],
    [2035, '2035-04-17'],
  ])('Giỗ Tổ Hùng Vương (10/3) %i is on %s', (year, date) => {
    expect(solarDateOfLunar({ day: 10, month: 3, year })).toBe(date);
  });

  it('finds leap months and the regular month they repeat', () => {
    expect(solarDateOfLunar({ day: 1, month: 6, year: 2025 })).toBe('2025-06-25');
    expect(solarDateOfLunar({ day: 1, month: 6, year: 2025, leap: true })).toBe('2025-07-25');
    expect(solarDateOfLunar({ day: 1, month: 7, year: 2025 })).toBe('2025-08-23');
  });

  it('places months 11 and 12 of a lunar year in the next Gregorian year when they run late', () => {
    // Tháng Chạp Giáp Thìn has 29 days: 29 Chạp is the eve of Tết Ất Tỵ.
    expect(solarDateOfLunar({ day: 29, month: 12, year: 2024 })).toBe('2025-01-28');
  });

  it('rejects days and leap months that do not exist', () => {
    expect(() => solarDateOfLunar({ day: 30, month: 12, year: 2024 })).toThrow(/has 29 days/);
    expect(() => solarDateOfLunar({ day: 1, month: 5, year: 2025, leap: true })).toThrow(/no leap month 5/);
    expect(() => solarDateOfLunar({ day: 1, month: 13, year: 2025 })).toThrow(RangeError);
    expect(() => solarDateOfLunar({ day: 1, month: 1, year: 1800 })).toThrow(/outside/);
  });
});

describe(lunarDateOf.name, () => {
  it('gives the lunar date of the last day of the year and of Tết', () => {
    expect(lunarDateOf('2025-01-28')).toEqual({ day: 29, month: 12, year: 2024, leap: false });
    expect(lunarDateOf('2025-01-29')).toEqual({ day: 1, month: 1, year: 2025, leap: false });
    expect(lunarDateOf('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false });
  });

  it('marks days of a leap month', () => {
    expect(lunarDateOf('2025-08-01')).toEqual({ day: 8, month: 6, year: 2025, leap: true });
    expect(lunarDateOf('2033-12-25')).toEqual({ day: 4, month: 11, year: 2033, leap: true });
  });

  it('counts late-December days in months 11 and 12 of the same lunar year', () => {
    expect(lunarDateOf('2024-12-31')).toEqual({ day: 1, month: 12, year: 2024, leap: false });
    expect(lunarDateOf('2024-01-01')).toEqual({ day: 20, month: 11, year: 2023, leap: false });
  });

  it('round-trips every day from 2021 to 2040', () => {
    for (let year = 2021; year <= 2040; year += 1) {
      for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year; day.setUTCDate(day.getUTCDate() + 1)) {
        const iso = day.toISOString().slice(0, 10);
        expect(solarDateOfLunar(lunarDateOf(iso))).toBe(iso);
      }
    }
  });
});

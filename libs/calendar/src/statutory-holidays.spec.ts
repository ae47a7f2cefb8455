import { nationalDayCompanion, statutoryHolidays, tetDays } from './statutory-holidays';

const datesOf = (year: number, occasion: string): string[] =>
  statutoryHolidays(year)
    .filter((day) => day.occasion === occasion)
    .map((day) => day.date);

describe(statutoryHolidays.name, () => {
  it('lists the eleven statutory days of 2025 in date order', () => {
    expect(statutoryHolidays(2025).map((day) => [day.date, day.occasion, day.name])).toEqual([
      ['2025-01-01', 'new-year', 'Tết Dương lịch'],
      ['2025-01-28', 'tet', 'Tết Nguyên Đán'],
      ['2025-01-29', 'tet', 'Tết Nguyên Đán'],
      ['2025-01-30', 'tet', 'Tết Nguyên Đán'],
      ['2025-01-31', 'tet', 'Tết Nguyên Đán'],
      ['2025-02-01', 'tet', 'Tết Nguyên Đán'],
      ['2025-04-07', 'hung-kings', 'Giỗ Tổ Hùng Vương'],
      ['2025-04-30', 'victory-day', 'Ngày Chiến thắng'],
      ['2025-05-01', 'labour-day', 'Ngày Quốc tế Lao động'],
      ['2025-09-01', 'national-day', 'Quốc khánh'],
      ['2025-09-02', 'national-day', 'Quốc khánh'],
    ]);
    expect(statutoryHolidays(2025).every((day) => day.kind === 'holiday' && day.source === 'computed')).toBe(true);
  });

  it.each([
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2028, '2028-04-04'],
  ])('puts Giỗ Tổ Hùng Vương %i on 10/3 lunar, %s', (year, date) => {
    expect(datesOf(year, 'hung-kings')).toEqual([date]);
  });

  it('has eleven days every year from 2024 to 2035', () => {
    for (let year = 2024; year <= 2035; year += 1) expect(statutoryHolidays(year)).toHaveLength(11);
  });

  it('refuses years before the 2019 labour code applied and beyond the lunar tables', () => {
    expect(() => statutoryHolidays(2020)).toThrow(/outside 2021–2199/);
    expect(() => statutoryHolidays(2200)).toThrow(RangeError);
    expect(() => statutoryHolidays(2025.5)).toThrow(RangeError);
  });
});

describe(tetDays.name, () => {
  it('takes the last day of the lunar year and mùng 1 to mùng 4', () => {
    expect(tetDays(2026)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    // 2024: tháng Chạp Quý Mão had 30 days; 30 Tết was Friday 9 February.
    expect(tetDays(2024)[0]).toBe('2024-02-09');
  });
});

describe(nationalDayCompanion.name, () => {
  it.each([
    [2024, 'Monday', '2024-09-03'],
    [2025, 'Tuesday', '2025-09-01'],
    [2026, 'Wednesday', '2026-09-03'],
    [2027, 'Thursday', '2027-09-03'],
    [2022, 'Friday', '2022-09-01'],
    [2023, 'Saturday', '2023-09-01'],
    [2029, 'Sunday', '2029-09-03'],
  ])('in %i (2/9 a %s) is %s', (year, _weekday, date) => {
    expect(nationalDayCompanion(year)).toBe(date);
  });
});

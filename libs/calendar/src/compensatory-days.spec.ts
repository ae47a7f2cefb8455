import { compensatoryDays } from './compensatory-days';
import type { DayOff } from './holiday';
import { statutoryHolidays } from './statutory-holidays';

const holiday = (date: string, occasion: DayOff['occasion'] = 'new-year'): DayOff => ({
  date,
  name: 'x',
  occasion,
  kind: 'holiday',
  source: 'computed',
});

describe(compensatoryDays.name, () => {
  it('gives the next weekday for a holiday on a Saturday or Sunday', () => {
    const days = compensatoryDays([holiday('2022-01-01'), holiday('2022-05-02')], () => false);
    expect(days).toEqual([
      {
        date: '2022-01-03',
        name: 'Nghỉ bù Tết Dương lịch',
        occasion: 'new-year',
        kind: 'compensatory',
        compensatesFor: '2022-01-01',
        source: 'computed',
      },
    ]);
  });

  it('skips days already off and gives one day per weekend holiday', () => {
    // Computed Tết 2024 runs Friday 9 – Tuesday 13 February across a weekend.
    const tet = statutoryHolidays(2024).filter((day) => day.occasion === 'tet');
    const off = new Set(tet.map((day) => day.date));
    expect(compensatoryDays(tet, (date) => off.has(date)).map((day) => [day.date, day.compensatesFor])).toEqual([
      ['2024-02-14', '2024-02-10'],
      ['2024-02-15', '2024-02-11'],
    ]);
  });

  it('counts two holidays on the same weekend date once', () => {
    const days = compensatoryDays([holiday('2026-04-26', 'hung-kings'), holiday('2026-04-26', 'other')], () => false);
    expect(days.map((day) => day.date)).toEqual(['2026-04-27']);
  });
});

import { lunarDateOf } from './lunar-calendar';
import { parseCalendarOverrides } from './overrides-parse';
import { buildYearCalendar } from './year-calendar';

const summary = (year: number, overridesYaml?: string): string[] =>
  buildYearCalendar(year, overridesYaml === undefined ? undefined : parseCalendarOverrides(overridesYaml)).daysOff.map(
    (day) => `${day.date} ${day.kind} ${day.occasion} ${day.source}`,
  );

describe(buildYearCalendar.name, () => {
  it('adds nghỉ bù on the next working day for a holiday on a weekend (computed 2025: Tết ends on Saturday 1/2)', () => {
    const calendar = buildYearCalendar(2025);
    const compensatory = calendar.daysOff.filter((day) => day.kind === 'compensatory');
    expect(compensatory).toEqual([
      {
        date: '2025-02-03',
        name: 'Nghỉ bù Tết Nguyên Đán',
        occasion: 'tet',
        kind: 'compensatory',
        compensatesFor: '2025-02-01',
        source: 'computed',
        provisional: true,
      },
    ]);
    expect(calendar.swappedWorkingDays).toEqual([]);
  });

  it('marks as provisional (dự kiến) only the computed days the Prime Minister fixes each year', () => {
    // 2027 without an announcement: Tết (mùng 1 is Saturday 6/2) and its nghỉ bù, and 3/9 beside 2/9, are estimates;
    // 1/1, Giỗ Tổ, 30/4, 1/5 with its nghỉ bù and 2/9 itself are fixed by the labour code.
    const provisional = buildYearCalendar(2027)
      .daysOff.filter((day) => day.provisional)
      .map((day) => `${day.date} ${day.occasion} ${day.kind}`);
    expect(provisional).toEqual([
      '2027-02-05 tet holiday',
      '2027-02-06 tet holiday',
      '2027-02-07 tet holiday',
      '2027-02-08 tet holiday',
      '2027-02-09 tet holiday',
      '2027-02-10 tet compensatory',
      '2027-02-11 tet compensatory',
      '2027-09-03 national-day holiday',
    ]);
    // An announcement of the occasion settles its days.
    const announced = buildYearCalendar(
      2027,
      parseCalendarOverrides(`year: 2027
documents: { tb-tet: Thông báo nghỉ Tết }
replaces: [tet]
daysOff:
  - { date: 2027-02-04, occasion: tet, kind: holiday, document: tb-tet }
`),
    );
    expect(announced.daysOff.filter((day) => day.occasion === 'tet').map((day) => [day.date, day.provisional])).toEqual([['2027-02-04', undefined]]);
  });

  it('gives Giỗ Tổ Hùng Vương 2026 (Sunday 26/4) its nghỉ bù on Monday 27/4', () => {
    expect(summary(2026).filter((line) => line.includes('hung-kings'))).toEqual([
      '2026-04-26 holiday hung-kings computed',
      '2026-04-27 compensatory hung-kings computed',
    ]);
  });

  it('gives two nghỉ bù days after a Tết spanning a whole weekend (computed 2024)', () => {
    expect(lunarDateOf('2024-02-09')).toEqual({ day: 30, month: 12, year: 2023, leap: false });
    expect(summary(2024).filter((line) => line.includes(' tet '))).toEqual([
      '2024-02-09 holiday tet computed',
      '2024-02-10 holiday tet computed',
      '2024-02-11 holiday tet computed',
      '2024-02-12 holiday tet computed',
      '2024-02-13 holiday tet computed',
      '2024-02-14 compensatory tet computed',
      '2024-02-15 compensatory tet computed',
    ]);
  });

  it('carries the lunar date on holidays of lunar occasions only', () => {
    const calendar = buildYearCalendar(2026);
    expect(calendar.daysOff.find((day) => day.date === '2026-02-17')?.lunar).toEqual({
      day: 1,
      month: 1,
      year: 2026,
      leap: false,
    });
    expect(calendar.daysOff.find((day) => day.date === '2026-04-26')?.lunar).toMatchObject({ day: 10, month: 3 });
    expect(calendar.daysOff.find((day) => day.date === '2026-04-27')?.lunar).toBeUndefined(); // nghỉ bù
    expect(calendar.daysOff.find((day) => day.date === '2026-04-30')?.lunar).toBeUndefined();
  });

  it('keeps only the announced days of a replaced occasion, without computed nghỉ bù for it', () => {
    const lines = summary(
      2025,
      `year: 2025
documents: { a: Thông báo A }
replaces: [tet]
daysOff:
  - { date: 2025-01-27, occasion: tet, kind: holiday, document: a }
  - { date: 2025-01-28, occasion: tet, kind: holiday, document: a }
`,
    );
    expect(lines.filter((line) => line.includes(' tet '))).toEqual([
      '2025-01-27 holiday tet override',
      '2025-01-28 holiday tet override',
    ]);
  });

  it('lets an announced day replace a computed one on the same date, and an announced nghỉ bù replace the computed one', () => {
    const calendar = buildYearCalendar(
      2026,
      parseCalendarOverrides(`year: 2026
documents: { a: Thông báo A }
daysOff:
  - { date: 2026-04-30, occasion: victory-day, kind: holiday, name: Ngày Giải phóng miền Nam, document: a }
  - { date: 2026-04-28, occasion: hung-kings, kind: compensatory, document: a }
`),
    );
    const april = calendar.daysOff.filter((day) => day.date.startsWith('2026-04'));
    expect(april.map((day) => [day.date, day.kind, day.name, day.source, day.document])).toEqual([
      ['2026-04-26', 'holiday', 'Giỗ Tổ Hùng Vương', 'computed', undefined],
      ['2026-04-28', 'compensatory', 'Nghỉ bù Giỗ Tổ Hùng Vương', 'override', 'Thông báo A'],
      ['2026-04-30', 'holiday', 'Ngày Giải phóng miền Nam', 'override', 'Thông báo A'],
    ]);
  });

  it('names swapped days and làm bù days after what they stand for', () => {
    const calendar = buildYearCalendar(
      2025,
      parseCalendarOverrides(`year: 2025
documents: { a: Thông báo A }
daysOff: [{ date: 2025-05-02, occasion: labour-day, kind: swapped, document: a }]
workingDays: [{ date: 2025-04-26, replaces: 2025-05-02, document: a }, { date: 2025-05-10, document: a }]
`),
    );
    expect(calendar.daysOff.find((day) => day.date === '2025-05-02')?.name).toBe('Nghỉ hoán đổi dịp Ngày Quốc tế Lao động');
    expect(calendar.swappedWorkingDays).toEqual([
      {
        date: '2025-04-26',
        name: 'Làm bù cho ngày nghỉ 02/05/2025',
        replaces: '2025-05-02',
        source: 'override',
        document: 'Thông báo A',
      },
      { date: '2025-05-10', name: 'Làm bù', source: 'override', document: 'Thông báo A' },
    ]);
  });

  it('refuses overrides of another year', () => {
    expect(() => buildYearCalendar(2026, parseCalendarOverrides('year: 2025\ndocuments: { a: A }'))).toThrow(
      /overrides for 2025/,
    );
  });
});

// The announced schedules in seeds/calendar, read from the repository's files.
import { join } from 'node:path';

import { loadCalendarOverridesDir } from './overrides-file';
import { WorkingCalendar } from './working-calendar';

const vn = (local: string): number => Date.parse(`${local}:00+07:00`);

const daysOffBetween = (calendar: WorkingCalendar, from: string, to: string): string[] => {
  const days: string[] = [];
  for (let day = new Date(`${from}T00:00:00Z`); day.toISOString().slice(0, 10) <= to; day.setUTCDate(day.getUTCDate() + 1)) {
    const date = day.toISOString().slice(0, 10);
    if (!calendar.isWorkingDay(date)) days.push(date);
  }
  return days;
};

describe('seeds/calendar', () => {
  const overrides = loadCalendarOverridesDir(join(__dirname, '../../../seeds/calendar'));
  const sut = new WorkingCalendar({ overrides });

  it('has valid files for 2025 and 2026', () => {
    expect(overrides.map((o) => o.year)).toEqual([2025, 2026]);
  });

  describe('2025', () => {
    it('gives Tết Ất Tỵ 9 days off in a row, 25/1 to 2/2, without làm bù', () => {
      expect(daysOffBetween(sut, '2025-01-20', '2025-02-09')).toEqual([
        '2025-01-25', '2025-01-26', '2025-01-27', '2025-01-28', '2025-01-29',
        '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-08', '2025-02-09',
      ]);
      expect(sut.isWorkingDay('2025-02-03')).toBe(true);
    });

    it('gives 30/4 – 4/5 off with Friday 2/5 swapped for Saturday 26/4', () => {
      expect(daysOffBetween(sut, '2025-04-26', '2025-05-05')).toEqual([
        '2025-04-27', '2025-04-30', '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04',
      ]);
      expect(sut.holidaysOf(2025).swappedWorkingDays).toEqual([
        expect.objectContaining({ date: '2025-04-26', replaces: '2025-05-02', name: 'Làm bù cho ngày nghỉ 02/05/2025' }),
      ]);
    });

    it('gives Quốc khánh 30/8 – 2/9 off', () => {
      expect(daysOffBetween(sut, '2025-08-29', '2025-09-03')).toEqual(['2025-08-30', '2025-08-31', '2025-09-01', '2025-09-02']);
    });

    it('keeps 1/1 and Giỗ Tổ Hùng Vương (7/4) as computed', () => {
      const computed = sut.holidaysOf(2025).daysOff.filter((day) => day.source === 'computed');
      expect(computed.map((day) => day.date)).toEqual(['2025-01-01', '2025-04-07', '2025-04-30', '2025-05-01']);
    });

    it('names the document behind every announced day', () => {
      const year = sut.holidaysOf(2025);
      for (const day of [...year.daysOff.filter((d) => d.source === 'override'), ...year.swappedWorkingDays]) {
        expect(day.document).toMatch(/^(Công văn|Thông báo) /);
      }
    });
  });

  describe('2026', () => {
    it('gives Tết Bính Ngọ 9 days off in a row, 14/2 to 22/2', () => {
      expect(daysOffBetween(sut, '2026-02-09', '2026-02-27')).toEqual([
        '2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18',
        '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22',
      ]);
    });

    it('gives 1/1 – 4/1 off, with Friday 2/1 worked back on Saturday 10/1', () => {
      expect(daysOffBetween(sut, '2026-01-01', '2026-01-11')).toEqual([
        '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-11',
      ]);
      expect(sut.isWorkingDay('2026-01-10')).toBe(true);
    });

    it('computes Giỗ Tổ Hùng Vương on Sunday 26/4 with nghỉ bù on Monday 27/4', () => {
      expect(daysOffBetween(sut, '2026-04-24', '2026-05-04')).toEqual([
        '2026-04-25', '2026-04-26', '2026-04-27', '2026-04-30', '2026-05-01', '2026-05-02', '2026-05-03',
      ]);
    });

    it('sends a reminder due on Friday evening before Tết to the Monday after it', () => {
      expect(sut.nextOfficeMoment(vn('2026-02-13T17:15'))).toBe(vn('2026-02-23T07:30'));
      expect(sut.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    });
  });
});

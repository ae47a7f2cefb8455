import { parseCalendarOverrides } from './overrides-parse';
import { WorkingCalendar } from './working-calendar';

/** An instant given as Vietnamese wall-clock time, e.g. vn('2025-03-10T12:00'). */
const vn = (local: string): number => Date.parse(`${local}:00+07:00`);

const overrides2025 = parseCalendarOverrides(`
year: 2025
documents: { tb: Thông báo thử }
replaces: [tet]
daysOff:
  - { date: 2025-01-27, occasion: tet, kind: holiday, document: tb }
  - { date: 2025-01-28, occasion: tet, kind: holiday, document: tb }
  - { date: 2025-01-29, occasion: tet, kind: holiday, document: tb }
  - { date: 2025-01-30, occasion: tet, kind: holiday, document: tb }
  - { date: 2025-01-31, occasion: tet, kind: holiday, document: tb }
  - { date: 2025-05-02, occasion: labour-day, kind: swapped, document: tb }
workingDays:
  - { date: 2025-04-26, replaces: 2025-05-02, document: tb }
`);

describe(WorkingCalendar.name, () => {
  const computed = new WorkingCalendar();
  const sut = new WorkingCalendar({ overrides: [overrides2025] });

  describe('isWorkingDay', () => {
    it('treats Monday to Friday as working days and the weekend as rest', () => {
      expect(sut.isWorkingDay('2025-03-14')).toBe(true); // Friday
      expect(sut.isWorkingDay('2025-03-15')).toBe(false); // Saturday
      expect(sut.isWorkingDay('2025-03-16')).toBe(false); // Sunday
      expect(sut.isWorkingDay('2025-03-17')).toBe(true); // Monday
    });

    it('treats holidays, nghỉ bù and swapped days as days off', () => {
      expect(computed.isWorkingDay('2025-01-01')).toBe(false);
      expect(computed.isWorkingDay('2025-04-07')).toBe(false); // Giỗ Tổ Hùng Vương
      expect(computed.isWorkingDay('2026-04-27')).toBe(false); // nghỉ bù for Sunday 26/4/2026
      expect(sut.isWorkingDay('2025-05-02')).toBe(false); // swapped
      expect(computed.isWorkingDay('2025-05-02')).toBe(true);
    });

    it('treats an announced làm bù Saturday as a working day', () => {
      expect(computed.isWorkingDay('2025-04-26')).toBe(false);
      expect(sut.isWorkingDay('2025-04-26')).toBe(true);
    });

    it('follows the announcement over the computed Tết', () => {
      expect(computed.isWorkingDay('2025-01-27')).toBe(true);
      expect(sut.isWorkingDay('2025-01-27')).toBe(false);
      // The computed nghỉ bù for Saturday 1/2 disappears with the computed Tết.
      expect(computed.isWorkingDay('2025-02-03')).toBe(false);
      expect(sut.isWorkingDay('2025-02-03')).toBe(true);
    });

    it('rejects malformed dates and years out of range', () => {
      expect(() => sut.isWorkingDay('2025-02-29')).toThrow(/not a calendar date/);
      expect(() => sut.isWorkingDay('2019-05-02')).toThrow(/outside 2021–2199/);
    });
  });

  describe('addWorkingDays', () => {
    it('skips the weekend: Friday + 1 is Monday, Saturday + 1 is Monday', () => {
      expect(sut.addWorkingDays('2025-03-14', 1)).toBe('2025-03-17');
      expect(sut.addWorkingDays('2025-03-15', 1)).toBe('2025-03-17');
      expect(sut.addWorkingDays('2025-03-10', 5)).toBe('2025-03-17');
    });

    it('crosses Tết', () => {
      expect(sut.addWorkingDays('2025-01-24', 1)).toBe('2025-02-03');
      expect(sut.addWorkingDays('2025-01-23', 3)).toBe('2025-02-04');
      // Without the announcement, 27/1 works and 3/2 is nghỉ bù.
      expect(computed.addWorkingDays('2025-01-24', 1)).toBe('2025-01-27');
      expect(computed.addWorkingDays('2025-01-24', 2)).toBe('2025-02-04');
    });

    it('counts backwards with a negative n', () => {
      expect(sut.addWorkingDays('2025-02-03', -1)).toBe('2025-01-24');
      expect(sut.addWorkingDays('2025-03-17', -1)).toBe('2025-03-14');
      expect(sut.addWorkingDays('2025-03-16', -2)).toBe('2025-03-13');
    });

    it('counts a làm bù Saturday and skips the swapped Friday', () => {
      expect(sut.addWorkingDays('2025-04-25', 1)).toBe('2025-04-26');
      expect(sut.addWorkingDays('2025-04-29', 1)).toBe('2025-05-05');
    });

    it('crosses the new year, with 1/1 off', () => {
      expect(computed.addWorkingDays('2025-12-31', 1)).toBe('2026-01-02');
    });

    it('returns the date itself for n = 0 and rejects fractions', () => {
      expect(sut.addWorkingDays('2025-03-15', 0)).toBe('2025-03-15');
      expect(() => sut.addWorkingDays('2025-03-14', 1.5)).toThrow(/whole number/);
      expect(() => sut.addWorkingDays('2025-3-14', 1)).toThrow(/not a calendar date/);
    });
  });

  describe('nextOfficeMoment', () => {
    it('returns the instant itself during office hours', () => {
      expect(sut.nextOfficeMoment(vn('2025-03-10T09:15'))).toBe(vn('2025-03-10T09:15'));
      expect(sut.nextOfficeMoment(vn('2025-03-10T07:30'))).toBe(vn('2025-03-10T07:30'));
    });

    it('waits for the afternoon at lunch, including at 11:30 sharp', () => {
      expect(sut.nextOfficeMoment(vn('2025-03-10T12:00'))).toBe(vn('2025-03-10T13:30'));
      expect(sut.nextOfficeMoment(vn('2025-03-10T11:30'))).toBe(vn('2025-03-10T13:30'));
      expect(sut.nextOfficeMoment(vn('2025-03-10T11:30') - 1)).toBe(vn('2025-03-10T11:30') - 1);
    });

    it('waits for the next morning in the evening and before opening', () => {
      expect(sut.nextOfficeMoment(vn('2025-03-11T18:00'))).toBe(vn('2025-03-12T07:30'));
      expect(sut.nextOfficeMoment(vn('2025-03-11T17:00'))).toBe(vn('2025-03-12T07:30'));
      expect(sut.nextOfficeMoment(vn('2025-03-12T06:00'))).toBe(vn('2025-03-12T07:30'));
    });

    it('waits for Monday from Friday evening', () => {
      expect(sut.nextOfficeMoment(vn('2025-03-14T17:30'))).toBe(vn('2025-03-17T07:30'));
    });

    it('waits out a holiday from the Friday evening before it', () => {
      expect(sut.nextOfficeMoment(vn('2025-01-24T17:30'))).toBe(vn('2025-02-03T07:30'));
      // 30/4 (Wednesday) – 4/5, with Friday 2/5 swapped.
      expect(sut.nextOfficeMoment(vn('2025-04-29T17:05'))).toBe(vn('2025-05-05T07:30'));
    });

    it('opens on a làm bù Saturday', () => {
      expect(sut.nextOfficeMoment(vn('2025-04-25T18:00'))).toBe(vn('2025-04-26T07:30'));
    });

    it('reads instants in Vietnam time: 23:00 UTC is 06:00 the next day', () => {
      const instant = Date.parse('2025-03-10T23:00:00Z');
      expect(sut.dateOf(instant)).toBe('2025-03-11');
      expect(sut.nextOfficeMoment(instant)).toBe(Date.parse('2025-03-11T00:30:00Z'));
      // Friday 23:30 UTC is already Saturday in Vietnam.
      expect(sut.nextOfficeMoment(Date.parse('2025-03-14T23:30:00Z'))).toBe(vn('2025-03-17T07:30'));
      // A Monday 16:30 UTC is Monday 23:30 in Vietnam.
      expect(sut.dateOf(new Date('2025-03-10T16:30:00Z'))).toBe('2025-03-10');
    });

    it('accepts a Date and returns epoch milliseconds', () => {
      expect(sut.nextOfficeMoment(new Date(vn('2025-03-10T12:00')))).toBe(vn('2025-03-10T13:30'));
    });

    it('uses configured office hours', () => {
      const calendar = new WorkingCalendar({
        officeHours: { timeZone: 'Asia/Ho_Chi_Minh', periods: [{ start: '08:00', end: '16:00' }] },
      });
      expect(calendar.nextOfficeMoment(vn('2025-03-10T07:45'))).toBe(vn('2025-03-10T08:00'));
      expect(calendar.nextOfficeMoment(vn('2025-03-10T12:00'))).toBe(vn('2025-03-10T12:00'));
      expect(calendar.nextOfficeMoment(vn('2025-03-10T16:00'))).toBe(vn('2025-03-11T08:00'));
    });

    it("uses a year's announced office hours in that year only, up to midnight", () => {
      const summer2026 = parseCalendarOverrides(`
year: 2026
documents: { qd: Quyết định thời giờ làm việc }
officeHours:
  - { start: "07:00", end: "11:00" }
  - { start: "14:00", end: "24:00" }
`);
      const calendar = new WorkingCalendar({ overrides: [overrides2025, summer2026] });
      expect(calendar.nextOfficeMoment(vn('2026-03-10T06:45'))).toBe(vn('2026-03-10T07:00'));
      expect(calendar.nextOfficeMoment(vn('2026-03-10T11:00'))).toBe(vn('2026-03-10T14:00'));
      expect(calendar.isOfficeMoment(vn('2026-03-10T23:59'))).toBe(true);
      // Tuesday 24:00 is Wednesday 00:00: closed until 07:00.
      expect(calendar.nextOfficeMoment(vn('2026-03-11T00:00'))).toBe(vn('2026-03-11T07:00'));
      // 2025 keeps the default hours.
      expect(calendar.nextOfficeMoment(vn('2025-03-10T07:00'))).toBe(vn('2025-03-10T07:30'));
      expect(calendar.nextOfficeMoment(vn('2025-12-31T17:30'))).toBe(vn('2026-01-02T07:00'));
    });

    it('rejects an invalid instant', () => {
      expect(() => sut.nextOfficeMoment(Number.NaN)).toThrow(/not an instant/);
      expect(() => sut.nextOfficeMoment(new Date('nope'))).toThrow(/not an instant/);
    });
  });

  describe('officeDayEnd', () => {
    it("is the end of the day's last office period, in Vietnam time", () => {
      expect(sut.officeDayEnd('2025-03-10')).toBe(vn('2025-03-10T17:00'));
      // A day off closes at the same hour: a deadline on it holds until then.
      expect(sut.officeDayEnd('2025-01-29')).toBe(vn('2025-01-29T17:00'));
    });

    it("uses the year's announced hours, up to midnight", () => {
      const allDay = parseCalendarOverrides('year: 2026\ndocuments: { qd: Cả ngày }\nofficeHours:\n  - { start: "00:00", end: "24:00" }\n');
      expect(new WorkingCalendar({ overrides: [allDay] }).officeDayEnd('2026-03-10')).toBe(vn('2026-03-11T00:00'));
    });
  });

  describe('isOfficeMoment', () => {
    it('is true inside office hours on working days only', () => {
      expect(sut.isOfficeMoment(vn('2025-03-10T10:00'))).toBe(true);
      expect(sut.isOfficeMoment(vn('2025-03-10T12:00'))).toBe(false);
      expect(sut.isOfficeMoment(vn('2025-01-29T10:00'))).toBe(false);
      expect(sut.isOfficeMoment(vn('2025-04-26T10:00'))).toBe(true);
    });
  });

  describe('holidaysOf and dayOffOn', () => {
    it('lists the year with sources', () => {
      const year = sut.holidaysOf(2025);
      expect(year.daysOff.filter((day) => day.source === 'override')).toHaveLength(6);
      expect(year.swappedWorkingDays.map((day) => day.date)).toEqual(['2025-04-26']);
      expect(sut.dayOffOn('2025-01-29')).toMatchObject({ occasion: 'tet', lunar: { day: 1, month: 1 } });
      expect(sut.dayOffOn('2025-03-15')).toBeUndefined();
    });
  });

  it('refuses two sets of overrides for one year', () => {
    expect(() => new WorkingCalendar({ overrides: [overrides2025, overrides2025] })).toThrow(/two sets/);
  });
});

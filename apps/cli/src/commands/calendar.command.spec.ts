import { type CalendarOverrides, parseCalendarOverrides, WorkingCalendar } from '@dondoc/calendar';

import { calendarJson, render } from './calendar.command';

const buildYearCalendar = (year: number, overrides?: CalendarOverrides) => new WorkingCalendar({ overrides: overrides ? [overrides] : [] }).holidaysOf(year);

describe('dondoc calendar', () => {
  it('marks the days the Prime Minister has not announced yet as dự kiến, with a note saying why', () => {
    const text = render(buildYearCalendar(2027), 'Asia/Ho_Chi_Minh', 'chưa có tệp công bố 2027.yaml');
    const line = (date: string) => text.split('\n').find((l) => l.includes(date)) ?? '';
    expect(line('06/02/2027')).toMatch(/Tết Nguyên Đán .*tính toán, dự kiến$/);
    expect(line('02/09/2027')).toMatch(/tính toán$/);
    expect(line('03/09/2027')).toMatch(/tính toán, dự kiến$/);
    expect(text).toContain('Dự kiến: ngày Tết, ngày liền kề Quốc khánh');
  });

  it('prints JSON with ISO dates, the source document and the provisional mark', () => {
    const overrides = parseCalendarOverrides(`year: 2027
documents: { tb-tet: Thông báo nghỉ Tết 2027 }
replaces: [tet]
daysOff:
  - { date: 2027-02-04, occasion: tet, kind: holiday, document: tb-tet }
workingDays:
  - { date: 2027-02-20, replaces: 2027-02-04, document: tb-tet }
`);
    const json = calendarJson(buildYearCalendar(2027, overrides), 'Asia/Ho_Chi_Minh', 'công bố');
    expect(json.daysOff.find((d) => d.date === '2027-02-04')).toEqual({
      date: '2027-02-04',
      weekday: 'Thứ Năm',
      name: 'Tết Nguyên Đán',
      occasion: 'tet',
      kind: 'holiday',
      lunar: '28/12 âm lịch',
      source: 'override',
      document: 'Thông báo nghỉ Tết 2027',
      provisional: false,
    });
    expect(json.daysOff.find((d) => d.date === '2027-09-03')?.provisional).toBe(true);
    expect(json.workingDays).toEqual([{ date: '2027-02-20', weekday: 'Thứ Bảy', name: 'Làm bù cho ngày nghỉ 04/02/2027', replaces: '2027-02-04', document: 'Thông báo nghỉ Tết 2027' }]);
  });
});

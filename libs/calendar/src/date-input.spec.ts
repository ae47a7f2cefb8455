import { calendarDateProblem, checkedCalendarDate } from './date-input';

describe(calendarDateProblem.name, () => {
  it('takes real dates in the years the calendar covers', () => {
    expect(calendarDateProblem('2026-12-04')).toBeNull();
    expect(calendarDateProblem('2021-01-01')).toBeNull();
    expect(calendarDateProblem('2199-12-31')).toBeNull();
  });

  it.each([
    ['1288-08-02', 'Năm 1288 nằm ngoài khoảng lịch làm việc hỗ trợ (2021–2199).'],
    ['0070-01-01', 'Năm 70 nằm ngoài khoảng lịch làm việc hỗ trợ (2021–2199).'],
    ['2200-01-01', 'Năm 2200 nằm ngoài khoảng lịch làm việc hỗ trợ (2021–2199).'],
    ['2026-02-30', 'Ngày 2026-02-30 không tồn tại.'],
    ['04/12/2026', 'Ngày phải có dạng YYYY-MM-DD.'],
    [20261204, 'Ngày phải có dạng YYYY-MM-DD.'],
  ])('%p: %s', (value, message) => {
    expect(calendarDateProblem(value)).toBe(message);
    expect(() => checkedCalendarDate(value)).toThrow(message);
  });
});

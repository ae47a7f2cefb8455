import { InvalidArgumentError } from 'commander';

import { calendarDateOption, guidanceDateOption } from './date-options';

describe('date options', () => {
  it('take a calendar day and refuse one the calendar cannot work with', () => {
    expect(calendarDateOption('2026-12-04')).toBe('2026-12-04');
    expect(() => calendarDateOption('1288-08-02')).toThrow(new InvalidArgumentError('Năm 1288 nằm ngoài khoảng lịch làm việc hỗ trợ (2021–2199).'));
    expect(() => calendarDateOption('2026-02-30')).toThrow('Ngày 2026-02-30 không tồn tại.');
  });

  it('a guidance date must also lie between five years ago and today', () => {
    expect(() => guidanceDateOption('1288-08-02')).toThrow('Năm 1288 nằm ngoài khoảng lịch làm việc hỗ trợ (2021–2199).');
    expect(() => guidanceDateOption('2199-01-01')).toThrow(/sau hôm nay/);
  });
});

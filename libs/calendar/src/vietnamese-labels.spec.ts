import {
  dayOffKindLabel,
  formatLunarDate,
  formatVietnameseDate,
  sourceLabel,
  vietnameseWeekday,
} from './vietnamese-labels';

describe('Vietnamese labels', () => {
  it('writes dates dd/mm/yyyy with the weekday', () => {
    expect(formatVietnameseDate('2025-01-05')).toBe('05/01/2025');
    expect(vietnameseWeekday('2025-01-29')).toBe('Thứ Tư');
    expect(vietnameseWeekday('2026-04-26')).toBe('Chủ nhật');
  });

  it('writes lunar dates as officials do', () => {
    expect(formatLunarDate({ day: 1, month: 1, year: 2026, leap: false })).toBe('1/1 âm lịch');
    expect(formatLunarDate({ day: 8, month: 6, year: 2025, leap: true })).toBe('8/6 nhuận âm lịch');
  });

  it('labels kinds and sources', () => {
    expect(dayOffKindLabel('compensatory')).toBe('nghỉ bù');
    expect(sourceLabel('computed')).toBe('tính toán');
    expect(sourceLabel('override', 'Công văn 1/VPCP')).toBe('công bố: Công văn 1/VPCP');
  });
});

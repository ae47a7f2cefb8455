import { vietnamInstant } from '@dondoc/policy';

import { validateExtension } from './task-validation';

const now = vietnamInstant('2027-03-10', '09:00');
const check = (newDue: string, reason = 'Lý do', approvedBy = 'pgd') => () => validateExtension({ newDue, reason, approvedBy }, now);

describe('extension validation', () => {
  it('accepts a real calendar day after today, within ten years', () => {
    expect(check('2027-03-11')).not.toThrow();
    expect(check('2036-12-31')).not.toThrow();
  });
  it('refuses what the ladder could not use, in Vietnamese', () => {
    expect(check('2027-03-10')).toThrow('Ngày gia hạn 2027-03-10 phải sau hôm nay.');
    expect(check('2030-02-30')).toThrow('Ngày gia hạn không hợp lệ: "2030-02-30".');
    expect(check('30/06/2027')).toThrow('Ngày gia hạn không hợp lệ: "30/06/2027".');
    expect(check('2040-01-01')).toThrow('Ngày gia hạn 2040-01-01 quá xa (tối đa 10 năm kể từ hôm nay).');
    expect(check('2205-01-01')).toThrow('Ngày gia hạn 2205-01-01: Năm 2205 nằm ngoài khoảng lịch làm việc hỗ trợ (2021–2199).');
    expect(check('1288-08-02')).toThrow('Ngày gia hạn 1288-08-02: Năm 1288 nằm ngoài khoảng lịch làm việc hỗ trợ (2021–2199).');
    expect(check('2027-06-30', '')).toThrow('Cần lý do gia hạn và người phê duyệt.');
  });
});

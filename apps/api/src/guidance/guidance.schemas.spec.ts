import { guidanceDateProblem } from '@dondoc/contracts';
import { vietnamDate } from '@dondoc/policy';

import { fieldIssues } from '../common/zod-validation.pipe';
import { issueGuidanceSchema } from './guidance.schemas';

// Issue 12 §10: these dates were accepted (202) and wedged every task workflow that received them.
describe('POST /guidance body', () => {
  const issuesOf = (date: string) => {
    const result = issueGuidanceSchema.safeParse({ documentNumber: 'A', date });
    return result.success ? [] : fieldIssues(result.error);
  };

  it.each(['1288-08-02', '0070-01-01', '0600-06-15', '1585-03-01', '1826-12-31'])('refuses %s, naming the field and the calendar range', (date) => {
    expect(issuesOf(date)).toEqual([{ field: 'date', reason: `Năm ${Number(date.slice(0, 4))} nằm ngoài khoảng lịch làm việc hỗ trợ (2021–2199).` }]);
  });

  it('refuses a date after today, and takes today', () => {
    const today = vietnamDate(Date.now());
    const year = Number(today.slice(0, 4));
    expect(issuesOf(`${year + 1}-01-01`)[0]).toMatchObject({ field: 'date', reason: expect.stringMatching(/^Ngày ban hành .* sau hôm nay/) });
    expect(issuesOf(today)).toEqual([]);
  });

  it('the window around today: not after it, at most five years back (today pinned)', () => {
    const today = '2026-12-04';
    expect(guidanceDateProblem('2026-12-05', today)).toBe('Ngày ban hành 2026-12-05 sau hôm nay (2026-12-04).');
    expect(guidanceDateProblem('2021-12-03', today)).toBe('Ngày ban hành 2021-12-03 quá xa (không quá 5 năm trước hôm nay, từ 2021-12-04).');
    expect(guidanceDateProblem('2021-12-04', today)).toBeNull();
    expect(guidanceDateProblem('2026-12-04', today)).toBeNull();
  });

  it('refuses control characters in the issuer (PostgreSQL refuses NUL), naming the field', () => {
    const result = issueGuidanceSchema.safeParse({ documentNumber: 'A', date: vietnamDate(Date.now()), issuer: 'Bộ KH&CN\u0000' });
    expect(fieldIssues(result.error!)).toEqual([{ field: 'issuer', reason: 'Chứa ký tự điều khiển U+0000 ở vị trí 9; chỉ được dùng xuống dòng và tab.' }]);
  });
});

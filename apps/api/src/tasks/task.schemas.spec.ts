import { fieldIssues } from '../common/zod-validation.pipe';
import { TASK_ACTIONS } from './task-actions';
import { taskListQuerySchema } from './task.schemas';

// Issue 12 §11: `{"reason":"tạm dừng\u0000"}` paused the task and then failed (PostgreSQL refuses NUL).
describe('task action bodies', () => {
  const issuesOf = (action: keyof typeof TASK_ACTIONS, body: unknown) => {
    const result = TASK_ACTIONS[action].schema.safeParse(body);
    return result.success ? [] : fieldIssues(result.error);
  };
  const nul = 'Chứa ký tự điều khiển U+0000 ở vị trí 9; chỉ được dùng xuống dòng và tab.';

  it.each(['pause', 'cancel'] as const)('%s refuses a reason with a control character, naming the field', (action) => {
    expect(issuesOf(action, { reason: 'tạm dừng\u0000' })).toEqual([{ field: 'reason', reason: nul }]);
    expect(issuesOf(action, { reason: 'Rà soát\ttheo Công văn 12/SKHCN\nngày 01/12' })).toEqual([]);
  });

  it('every free-text field of every action follows the same rule', () => {
    expect(issuesOf('progress', { percent: 10, note: 'tạm dừng\u0000' })).toEqual([{ field: 'note', reason: nul }]);
    expect(issuesOf('complete', { evidence: 'tạm dừng\u0000' })).toEqual([{ field: 'evidence', reason: nul }]);
    expect(issuesOf('propose-completion', { result: 'tạm dừng\u0000', evidence: 'CV 1' })).toEqual([{ field: 'result', reason: nul }]);
    expect(issuesOf('return-completion', { comment: 'tạm dừng\u0000' })).toEqual([{ field: 'comment', reason: nul }]);
    expect(issuesOf('confirm-completion', { comment: 'tạm dừng\u0000' })).toEqual([{ field: 'comment', reason: nul }]);
    expect(issuesOf('extend', { newDue: '2027-01-01', reason: 'x', approvedBy: 'tạm dừng\u0000' })).toEqual([{ field: 'approvedBy', reason: nul }]);
    expect(issuesOf('reassign', { toAgency: 'so-tc', reason: 'tạm dừng\u0000' })).toEqual([{ field: 'reason', reason: nul }]);
  });

  it('dates outside the working-day calendar are refused at the boundary (issue 12 §10)', () => {
    expect(issuesOf('extend', { newDue: '1288-08-02', reason: 'x' })).toEqual([{ field: 'newDue', reason: 'Năm 1288 nằm ngoài khoảng lịch làm việc hỗ trợ (2021–2199).' }]);
    expect(fieldIssues(taskListQuerySchema.safeParse({ dueFrom: '0070-01-01' }).error!)).toEqual([
      { field: 'dueFrom', reason: 'Năm 70 nằm ngoài khoảng lịch làm việc hỗ trợ (2021–2199).' },
    ]);
  });

  it('the list filter takes the status model and the statuses of older workflows', () => {
    expect(taskListQuerySchema.parse({ status: 'proposed,completed-late,due,completed' }).status).toEqual(['proposed', 'completed-late', 'due', 'completed']);
    expect(taskListQuerySchema.safeParse({ status: 'done' }).success).toBe(false);
  });
});

describe('dates', () => {
  it('one reason per bad date: its form, or the day or year that is wrong', () => {
    expect(fieldIssues(taskListQuerySchema.safeParse({ dueFrom: '04/12/2026', dueTo: '2026-02-30' }).error!)).toEqual([
      { field: 'dueFrom', reason: 'Ngày phải có dạng YYYY-MM-DD.' },
      { field: 'dueTo', reason: 'Ngày 2026-02-30 không tồn tại.' },
    ]);
  });
});

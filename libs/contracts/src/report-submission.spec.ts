import { REPORT_LIMITS, validateReportContent } from './report-submission';

const scope = { taskIds: ['I.1', 'I.2'], indicatorIds: ['CT1'] };
const task = (taskId: string, extra: Record<string, unknown> = {}) => ({ taskId, status: 'on-track', percent: 40, results: 'Đã triển khai', ...extra });

describe(validateReportContent.name, () => {
  it('accepts a report that covers its scope exactly', () => {
    const result = validateReportContent({ tasks: [task('I.1'), task('I.2')], indicators: [{ indicatorId: 'CT1', achieved: '12' }] }, scope);
    expect(result.ok).toBe(true);
  });

  it('names the field and the reason of every problem', () => {
    const result = validateReportContent({ tasks: [task('I.1', { percent: 120 }), task('I.2', { results: 'x'.repeat(REPORT_LIMITS.text + 1) })] }, scope);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.tooLarge).toBe(false);
    expect(result.issues).toEqual([
      { field: 'tasks.0.percent', reason: 'Nhiệm vụ I.1: Tỷ lệ hoàn thành phải từ 0 đến 100.' },
      { field: 'tasks.1.results', reason: expect.stringMatching(/^Nhiệm vụ I\.2: Kết quả thực hiện dài quá 4000 ký tự/) },
    ]);
    expect(result.errors).toEqual(result.issues.map((i) => i.reason));
  });

  it('points scope problems at the list or the item', () => {
    const result = validateReportContent({ tasks: [task('I.1'), task('I.1'), task('X.9', { status: 'done' })], indicators: [] }, scope);
    expect(!result.ok && result.issues).toEqual([
      { field: 'tasks.1.taskId', reason: 'Nhiệm vụ I.1 được báo cáo hai lần.' },
      { field: 'tasks.2.taskId', reason: 'Nhiệm vụ X.9 không thuộc phạm vi báo cáo của cơ quan.' },
      { field: 'tasks', reason: 'Thiếu báo cáo nhiệm vụ I.2.' },
      { field: 'indicators', reason: 'Thiếu báo cáo chỉ tiêu CT1.' },
      { field: 'tasks.2.percent', reason: 'Nhiệm vụ X.9: đã hoàn thành thì tỷ lệ phải là 100%.' },
    ]);
  });

  it('marks a report over the total size limit as too large', () => {
    const result = validateReportContent({ summary: 'x'.repeat(REPORT_LIMITS.totalBytes) }, scope);
    expect(!result.ok && { tooLarge: result.tooLarge, field: result.issues[0]?.field }).toEqual({ tooLarge: true, field: '(body)' });
  });
});

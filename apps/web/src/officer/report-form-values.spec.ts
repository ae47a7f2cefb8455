import { formFieldOf, initialFormValues, reportOf } from './report-form-values';

const view = {
  tasks: [
    { id: 'I.1', name: 'Một', group: null, role: 'lead' as const, expectedResult: null, deadlineText: '2026' },
    { id: 'I.2', name: 'Hai', group: null, role: 'coordinator' as const, expectedResult: null, deadlineText: '2026' },
  ],
  indicators: [{ id: 'C.1', name: 'Chỉ tiêu', unit: '%', target: '80', targetYear: 2030 }],
};

describe('report form values', () => {
  it('prefills from the answers by id and leaves new tasks blank', () => {
    const values = initialFormValues({ ...view, answers: { tasks: [{ taskId: 'I.2', status: 'late', percent: 30, results: 'Đã làm', evidence: ['Số 12/BC', 'Số 13/BC'] }], indicators: [], summary: 'Chung' } });
    expect(values.tasks[0]).toMatchObject({ status: null, percent: null, results: '' });
    expect(values.tasks[1]).toMatchObject({ status: 'late', percent: 30, results: 'Đã làm', evidenceText: 'Số 12/BC\nSố 13/BC' });
    expect(values.summary).toBe('Chung');
  });

  it('gives the API each task and indicator with its id, evidence one per line', () => {
    const report = reportOf(view, { tasks: [{ status: 'done', percent: 100, results: 'Xong', evidenceText: ' Số 1/QĐ \n\n https://x.vn/a ' }, {}], indicators: [{ achieved: '85' }], summary: '' });
    expect(report.tasks).toEqual([
      { taskId: 'I.1', status: 'done', percent: 100, results: 'Xong', difficulties: '', proposals: '', evidence: ['Số 1/QĐ', 'https://x.vn/a'] },
      { taskId: 'I.2', status: null, percent: null, results: '', difficulties: '', proposals: '', evidence: [] },
    ]);
    expect(report.indicators).toEqual([{ indicatorId: 'C.1', achieved: '85', note: '' }]);
  });

  it('puts the API issues under their fields', () => {
    expect(formFieldOf('tasks.1.results')).toEqual(['tasks', 1, 'results']);
    expect(formFieldOf('report.tasks.0.evidence.2')).toEqual(['tasks', 0, 'evidenceText']);
    expect(formFieldOf('indicators.0.achieved')).toEqual(['indicators', 0, 'achieved']);
    expect(formFieldOf('tasks')).toBeNull();
    expect(formFieldOf('tasks.0.taskId')).toBeNull();
  });
});

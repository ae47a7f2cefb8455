import { taskStatistics } from '@dondoc/domain';

import { renderStatistics } from './render-statistics';

describe(renderStatistics.name, () => {
  it('tabulates every scope with the categories in Vietnamese, and the overdue ages', () => {
    const today = '2026-12-04';
    const stats = taskStatistics(
      [
        { planId: 'kh-nq03-2025', taskId: 'I.1', agencyId: 'so-khcn', group: 'I', status: 'completed-late', dueDate: '2026-06-30', daysLate: 12 },
        { planId: 'kh-nq03-2025', taskId: 'II.1', agencyId: 'so-tai-chinh', group: 'II', status: 'overdue', dueDate: '2026-06-30' },
      ],
      { today },
    );
    const text = renderStatistics({ ...stats, today });
    expect(text).toContain('Tổng cộng (tính đến ngày 2026-12-04)');
    expect(text).toMatch(/Hoàn thành/);
    expect(text).toMatch(/^Tất cả\s+│ 2\s+│ 0\s+│ 1\s+│ 0\s+│ 1 /m);
    expect(text).toMatch(/^kh-nq03-2025 II\s+│ 1 /m);
    expect(text).toMatch(/^so-tai-chinh\s+│ 1\s+│ 0\s+│ 0\s+│ 0\s+│ 1 /m);
    expect(text).toContain('Chưa hoàn thành, quá hạn: 0 đến 30 ngày, 0 từ 31 đến 90 ngày, 1 trên 90 ngày.');
  });
});

import { categoryOf, type TaskCycleRecord, taskStatistics } from './task-statistics';

const today = '2026-12-04';
const record = (overrides: Partial<TaskCycleRecord>): TaskCycleRecord => ({
  planId: 'kh-nq03-2025',
  taskId: 'I.1',
  agencyId: 'so-khcn',
  group: 'I',
  status: 'active',
  dueDate: '2026-12-31',
  ...overrides,
});

describe(categoryOf.name, () => {
  it('judges open cycles by their due date on the given day, not by the status last written', () => {
    expect(categoryOf(record({ status: 'active', dueDate: today }), today)).toEqual({ category: 'open-on-time', daysLate: 0 });
    expect(categoryOf(record({ status: 'active', dueDate: '2026-11-15' }), today)).toEqual({ category: 'open-overdue', daysLate: 19 });
    expect(categoryOf(record({ status: 'due', dueDate: '2026-12-03' }), today)).toEqual({ category: 'open-overdue', daysLate: 1 });
  });

  it('a pending proposal counts by the day it was made, a completion by its recorded days late', () => {
    expect(categoryOf(record({ status: 'proposed', dueDate: '2026-11-15', daysLate: 0 }), today).category).toBe('open-on-time');
    expect(categoryOf(record({ status: 'proposed', dueDate: '2026-11-15', daysLate: 3 }), today)).toEqual({ category: 'open-overdue', daysLate: 3 });
    expect(categoryOf(record({ status: 'completed-late', dueDate: '2026-11-15', daysLate: 12 }), today)).toEqual({ category: 'completed-late', daysLate: 12 });
    expect(categoryOf(record({ status: 'completed-on-time', dueDate: '2026-11-15' }), today).category).toBe('completed-on-time');
  });

  it('a task closed under the old model (status "completed") is late when it closed after its due date', () => {
    expect(categoryOf(record({ status: 'completed', dueDate: '2026-11-15', closedOn: '2026-11-20' }), today)).toEqual({ category: 'completed-late', daysLate: 5 });
    expect(categoryOf(record({ status: 'completed', dueDate: '2026-11-15', closedOn: '2026-11-15' }), today).category).toBe('completed-on-time');
  });

  it('waiting for guidance and not yet due share a category; paused and cancelled have their own', () => {
    expect(categoryOf(record({ status: 'waiting-trigger', dueDate: null }), today).category).toBe('not-due');
    expect(categoryOf(record({ status: 'not-due' }), today).category).toBe('not-due');
    expect(categoryOf(record({ status: 'paused', dueDate: '2026-01-01' }), today).category).toBe('paused');
    expect(categoryOf(record({ status: 'cancelled' }), today).category).toBe('cancelled');
  });
});

describe(taskStatistics.name, () => {
  const records: TaskCycleRecord[] = [
    record({ taskId: 'I.1', status: 'completed-on-time', dueDate: '2026-06-30' }),
    record({ taskId: 'I.2', status: 'completed-late', dueDate: '2026-06-30', daysLate: 10 }),
    record({ taskId: 'II.1', group: 'II', agencyId: 'so-tai-chinh', status: 'overdue', dueDate: '2026-10-15' }),
    record({ taskId: 'II.2', group: 'II', agencyId: 'so-tai-chinh', status: 'overdue', dueDate: '2025-12-31' }),
    record({ taskId: 'II.3', group: 'II', status: 'proposed', dueDate: '2026-12-31', daysLate: 0 }),
    record({ taskId: 'II.4', group: 'II', status: 'cancelled', dueDate: '2026-12-31' }),
    record({ planId: 'kh-ai-2025-2030', taskId: '1', group: null, status: 'waiting-trigger', dueDate: null }),
    record({ planId: 'kh-ai-2025-2030', taskId: '2', group: null, status: 'not-due', dueDate: '2027-11-15' }),
  ];

  it('counts every category overall, per plan, per agency and per group', () => {
    const stats = taskStatistics(records, { today });
    expect(stats.overall).toEqual({
      total: 7,
      categories: { 'completed-on-time': 1, 'completed-late': 1, 'open-on-time': 1, 'open-overdue': 2, 'not-due': 2, paused: 0, cancelled: 1 },
      proposed: 1,
      overdueAge: { upTo30: 0, from31To90: 1, over90: 1 },
      daysLate: 10,
    });
    expect(stats.byPlan.map((p) => [p.planId, p.counts.total])).toEqual([
      ['kh-ai-2025-2030', 2],
      ['kh-nq03-2025', 5],
    ]);
    expect(stats.byAgency.map((a) => [a.agencyId, a.counts.categories['open-overdue']])).toEqual([
      ['so-khcn', 0],
      ['so-tai-chinh', 2],
    ]);
    expect(stats.byGroup.map((g) => [g.planId, g.group, g.counts.total])).toEqual([
      ['kh-ai-2025-2030', null, 2],
      ['kh-nq03-2025', 'I', 2],
      ['kh-nq03-2025', 'II', 3],
    ]);
  });

  it('filters by plan, agency, group and a due-date range (undated cycles only without a range)', () => {
    expect(taskStatistics(records, { today, planId: 'kh-ai-2025-2030' }).overall.total).toBe(2);
    expect(taskStatistics(records, { today, agencyId: 'so-tai-chinh' }).overall.categories['open-overdue']).toBe(2);
    expect(taskStatistics(records, { today, group: 'II' }).overall.total).toBe(3);
    const year = taskStatistics(records, { today, from: '2026-01-01', to: '2026-12-31' });
    expect(year.overall.total).toBe(4);
    expect(year.overall.categories['not-due']).toBe(0);
    expect(taskStatistics(records, { today, from: '2027-01-01' }).overall.categories['not-due']).toBe(1);
  });
});

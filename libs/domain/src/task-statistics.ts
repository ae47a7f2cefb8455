// The counts Vietnamese oversight offices report: done on time, done late, not
// done but within the deadline, not done and overdue (and, apart, what is not due
// yet or still waits for central guidance). Pure: the API's GET /stats, the CLI
// and the consolidated report all count with this one function.
import type { IsoDate } from './calendar-date';
import type { TaskStatus } from './task-status';

export const STATISTICS_CATEGORIES = ['completed-on-time', 'completed-late', 'open-on-time', 'open-overdue', 'not-due', 'paused', 'cancelled'] as const;
export type StatisticsCategory = (typeof STATISTICS_CATEGORIES)[number];

export const STATISTICS_CATEGORY_LABELS: Readonly<Record<StatisticsCategory, string>> = {
  'completed-on-time': 'Hoàn thành đúng hạn',
  'completed-late': 'Hoàn thành quá hạn',
  'open-on-time': 'Chưa hoàn thành, trong hạn',
  'open-overdue': 'Chưa hoàn thành, quá hạn',
  'not-due': 'Chưa đến hạn / chờ hướng dẫn',
  paused: 'Tạm dừng',
  cancelled: 'Đã hủy',
};

/** One cycle of one task for one lead agency, as the workflow last reported it. */
export interface TaskCycleRecord {
  readonly planId: string;
  readonly taskId: string;
  readonly agencyId: string;
  /** The plan's task group ("I", "II", …); null in a plan without groups. */
  readonly group: string | null;
  readonly status: TaskStatus;
  /** The cycle's due date (an extension's, when extended); null while waiting for guidance. */
  readonly dueDate: IsoDate | null;
  /**
   * Days late the workflow recorded: of a completion (completed-late) or of a
   * pending proposal (proposed after the due date). Ignored for other statuses.
   */
  readonly daysLate?: number | null;
  /** The day (Vietnam) a task closed: decides on time or late for the legacy status `completed`. */
  readonly closedOn?: IsoDate | null;
}

export interface OverdueAge {
  /** Open and overdue by 1–30 days. */
  readonly upTo30: number;
  readonly from31To90: number;
  readonly over90: number;
}

export interface StatisticsCounts {
  /** Every cycle counted except cancelled ones (which are in `categories.cancelled`). */
  readonly total: number;
  readonly categories: Readonly<Record<StatisticsCategory, number>>;
  /** Proposals waiting for Sở KH&CN's confirmation (counted in open-on-time or open-overdue). */
  readonly proposed: number;
  readonly overdueAge: OverdueAge;
  /** Sum of the days late of completed-late cycles (average = daysLate / completed-late). */
  readonly daysLate: number;
}

export interface StatisticsFilter {
  /** Today in Vietnam: open cycles past their due date by then are overdue. */
  readonly today: IsoDate;
  readonly planId?: string;
  readonly agencyId?: string;
  readonly group?: string;
  /** Cycles whose due date lies in [from, to]; a cycle without one (waiting for guidance) only counts without a range. */
  readonly from?: IsoDate;
  readonly to?: IsoDate;
}

export interface TaskStatistics {
  readonly overall: StatisticsCounts;
  /** Sorted by id. */
  readonly byPlan: ReadonlyArray<{ readonly planId: string; readonly counts: StatisticsCounts }>;
  readonly byAgency: ReadonlyArray<{ readonly agencyId: string; readonly counts: StatisticsCounts }>;
  readonly byGroup: ReadonlyArray<{ readonly planId: string; readonly group: string | null; readonly counts: StatisticsCounts }>;
}

const DAY_MS = 86_400_000;
const daysBetween = (from: IsoDate, to: IsoDate) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The category of one cycle on `today`, with the days it is (or was) late. */
export function categoryOf(record: TaskCycleRecord, today: IsoDate): { category: StatisticsCategory; daysLate: number } {
  const late = (days: number | null | undefined) => Math.max(0, days ?? 0);
  const overdueBy = () => (record.dueDate ? Math.max(0, daysBetween(record.dueDate, today)) : 0);
  switch (record.status) {
    case 'cancelled':
    // Closed by an agency merge: taskStatistics skips it (its task is counted where it continues).
    case 'merged':
      return { category: 'cancelled', daysLate: 0 };
    case 'completed-on-time':
      return { category: 'completed-on-time', daysLate: 0 };
    case 'completed-late':
      return { category: 'completed-late', daysLate: late(record.daysLate) };
    case 'completed': {
      // Closed before completion dates were recorded: the day it closed is the best evidence.
      const days = record.dueDate && record.closedOn ? Math.max(0, daysBetween(record.dueDate, record.closedOn)) : 0;
      return { category: days > 0 ? 'completed-late' : 'completed-on-time', daysLate: days };
    }
    case 'waiting-trigger':
    case 'not-due':
      return { category: 'not-due', daysLate: 0 };
    case 'paused':
      return { category: 'paused', daysLate: 0 };
    case 'proposed': {
      // Judged by the day of the proposal: a confirmation later does not make it late.
      const days = late(record.daysLate);
      return { category: days > 0 ? 'open-overdue' : 'open-on-time', daysLate: days };
    }
    case 'active':
    case 'due':
    case 'overdue': {
      // From the due date, not the reported status: a workflow writes its status when it wakes.
      const days = overdueBy();
      return { category: days > 0 ? 'open-overdue' : 'open-on-time', daysLate: days };
    }
  }
}

const emptyCategories = (): Record<StatisticsCategory, number> =>
  Object.fromEntries(STATISTICS_CATEGORIES.map((category) => [category, 0])) as Record<StatisticsCategory, number>;

class Tally {
  readonly categories = emptyCategories();
  proposed = 0;
  daysLate = 0;
  readonly overdueAge = { upTo30: 0, from31To90: 0, over90: 0 };

  add(record: TaskCycleRecord, { category, daysLate }: ReturnType<typeof categoryOf>): void {
    this.categories[category]++;
    if (record.status === 'proposed') this.proposed++;
    if (category === 'completed-late') this.daysLate += daysLate;
    if (category === 'open-overdue') {
      if (daysLate <= 30) this.overdueAge.upTo30++;
      else if (daysLate <= 90) this.overdueAge.from31To90++;
      else this.overdueAge.over90++;
    }
  }

  counts(): StatisticsCounts {
    const total = STATISTICS_CATEGORIES.reduce((sum, category) => (category === 'cancelled' ? sum : sum + this.categories[category]), 0);
    return { total, categories: { ...this.categories }, proposed: this.proposed, overdueAge: { ...this.overdueAge }, daysLate: this.daysLate };
  }
}

export function matchesStatisticsFilter(record: TaskCycleRecord, filter: StatisticsFilter): boolean {
  if (filter.planId !== undefined && record.planId !== filter.planId) return false;
  if (filter.agencyId !== undefined && record.agencyId !== filter.agencyId) return false;
  if (filter.group !== undefined && record.group !== filter.group) return false;
  if (filter.from === undefined && filter.to === undefined) return true;
  if (record.dueDate === null) return false;
  return (filter.from === undefined || record.dueDate >= filter.from) && (filter.to === undefined || record.dueDate <= filter.to);
}

/** Counts per category overall, per plan, per agency and per task group of a plan. */
export function taskStatistics(records: Iterable<TaskCycleRecord>, filter: StatisticsFilter): TaskStatistics {
  const overall = new Tally();
  const plans = new Map<string, Tally>();
  const agencies = new Map<string, Tally>();
  const groups = new Map<string, { planId: string; group: string | null; tally: Tally }>();
  const tallyOf = <K>(map: Map<K, Tally>, key: K) => map.get(key) ?? map.set(key, new Tally()).get(key)!;
  for (const record of records) {
    // A workflow closed by an agency merge: its task continues, and is counted, in the successor's.
    if (record.status === 'merged' || !matchesStatisticsFilter(record, filter)) continue;
    const category = categoryOf(record, filter.today);
    const groupKey = JSON.stringify([record.planId, record.group]);
    const group = groups.get(groupKey) ?? groups.set(groupKey, { planId: record.planId, group: record.group, tally: new Tally() }).get(groupKey)!;
    for (const tally of [overall, tallyOf(plans, record.planId), tallyOf(agencies, record.agencyId), group.tally]) tally.add(record, category);
  }
  const sorted = <K extends string>(map: Map<K, Tally>) => [...map].sort(([a], [b]) => a.localeCompare(b));
  return {
    overall: overall.counts(),
    byPlan: sorted(plans).map(([planId, tally]) => ({ planId, counts: tally.counts() })),
    byAgency: sorted(agencies).map(([agencyId, tally]) => ({ agencyId, counts: tally.counts() })),
    byGroup: [...groups.values()]
      .sort((a, b) => a.planId.localeCompare(b.planId) || (a.group ?? '').localeCompare(b.group ?? '', 'vi', { numeric: true }))
      .map(({ planId, group, tally }) => ({ planId, group, counts: tally.counts() })),
  };
}

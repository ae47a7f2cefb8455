import { STATISTICS_CATEGORIES, STATISTICS_CATEGORY_LABELS, type StatisticsCounts, type TaskStatistics } from '@dondoc/domain';

import { type Column, renderTable, type TableRow } from '../plan/text-table';

// `dondoc stats` as a table: one row per scope (overall, each plan, agency and
// group), one column per category, as the oversight offices tabulate them.

const scope: Column = { title: 'Phạm vi', width: 26, maxLines: 2 };
const number = (title: string, width = 11): Column => ({ title, width, maxLines: 3 });
const columns: Column[] = [
  scope,
  number('Tổng', 6),
  ...STATISTICS_CATEGORIES.map((category) => number(STATISTICS_CATEGORY_LABELS[category], category === 'cancelled' ? 7 : 11)),
  number('Chờ xác nhận', 9),
];

const cells = (label: string, counts: StatisticsCounts): TableRow => ({
  kind: 'cells',
  cells: [label, String(counts.total), ...STATISTICS_CATEGORIES.map((category) => String(counts.categories[category])), String(counts.proposed)],
});

export function renderStatistics(stats: TaskStatistics & { readonly today: string }): string {
  const rows: TableRow[] = [
    { kind: 'section', text: `Tổng cộng (tính đến ngày ${stats.today})` },
    cells('Tất cả', stats.overall),
    { kind: 'section', text: 'Theo kế hoạch' },
    ...stats.byPlan.map((entry) => cells(entry.planId, entry.counts)),
    { kind: 'section', text: 'Theo nhóm nhiệm vụ' },
    ...stats.byGroup.map((entry) => cells(`${entry.planId} ${entry.group ?? '(không nhóm)'}`, entry.counts)),
    { kind: 'section', text: 'Theo cơ quan chủ trì' },
    ...stats.byAgency.map((entry) => cells(entry.agencyId, entry.counts)),
  ];
  const { upTo30, from31To90, over90 } = stats.overall.overdueAge;
  const age = `Chưa hoàn thành, quá hạn: ${upTo30} đến 30 ngày, ${from31To90} từ 31 đến 90 ngày, ${over90} trên 90 ngày.`;
  return `${renderTable(columns, rows)}${age}\n`;
}

// An indicator table from a real grid (PDF ruling lines, DOCX XML): the
// header row names the columns (indicator-table.ts); later rows are group
// headings (a roman numeral with one text cell), numbered indicators and
// their items ("-"), or the header repeated on a new page.
import { cleanText, type GridRow, type GridTable } from '../document/source-document';
import { roleOfHeader } from '../table/header-vocabulary';
import { groupLabel } from '../table/row-labels';
import { indicatorLabel, indicatorRoleOfHeader, yearNamed, type ExtractedIndicator, type ExtractedIndicatorTable, type IndicatorField, type IndicatorRole } from './indicator-table';

/** The table read as an indicator table, or null when its header does not name an indicator, a target and an agency column. */
export function readGridIndicators(table: GridTable): ExtractedIndicatorTable | null {
  const headerIndex = table.rows.findIndex((row) => {
    const roles = row.cells.map((c) => indicatorRoleOfHeader(c.text));
    // A task table with a "Chỉ tiêu" column is still a task table.
    const taskColumn = row.cells.some((c) => roleOfHeader(c.text) === 'name');
    return !taskColumn && (['name', 'target', 'agency'] as const).every((role) => roles.includes(role));
  });
  if (headerIndex < 0) return null;
  const header = table.rows[headerIndex]!;
  const roleAt = new Map<number, IndicatorRole>();
  for (const cell of header.cells) {
    const role = indicatorRoleOfHeader(cell.text);
    if (role && ![...roleAt.values()].includes(role)) for (let c = cell.column; c < cell.column + cell.span; c += 1) roleAt.set(c, role);
  }
  const headerKey = keyOf(header);
  const targetHeader = header.cells.find((c) => indicatorRoleOfHeader(c.text) === 'target')?.text ?? '';
  const groups: Array<{ number: string | null; title: string | null; rows: ExtractedIndicator[] }> = [];
  let parent: string | null = null;
  for (const row of table.rows.slice(headerIndex + 1)) {
    if (keyOf(row) === headerKey || row.repeatedHeader || row.cells.every((c) => /^\(?\d+\)?$/.test(c.text.trim()))) continue;
    const byRole: Partial<Record<IndicatorRole, string>> = {};
    for (const cell of row.cells) {
      const role = roleAt.get(cell.column);
      if (role) byRole[role] = cleanText([byRole[role], cell.text].filter(Boolean).join(' '));
    }
    const label = byRole.row ?? '';
    const texts = row.cells.map((c) => cleanText(c.text)).filter((t) => t !== '' && t !== label);
    const group = groupLabel(label);
    if (group !== null && texts.length <= 1) {
      groups.push({ number: group, title: texts[0] ?? null, rows: [] });
      parent = null;
      continue;
    }
    const read = indicatorLabel(label);
    if (!read) continue;
    if (groups.length === 0) groups.push({ number: null, title: null, rows: [] });
    const cells = Object.fromEntries((['name', 'unit', 'target', 'agency'] as const).map((role) => [role, byRole[role] ?? ''])) as Record<IndicatorField, string>;
    groups[groups.length - 1]!.rows.push({ label: read.label, parent: read.kind === 'sub' ? parent : null, cells, doubts: {}, where: `trang ${row.page}` });
    if (read.kind === 'row') parent = read.label;
  }
  return { groups, headerYear: yearNamed(targetHeader) };
}

function keyOf(row: GridRow): string {
  return row.cells.map((c) => cleanText(c.text).toLocaleLowerCase('vi')).join('|');
}

// A task table from a real grid (PDF ruling lines, DOCX XML): the header row
// names the columns; each later row is a group heading, a task, a sub-item of
// the task above, the header repeated on a new page, or the rest of a row cut
// by a page break. Merged cells give their text to every row they span.
import { cleanText, type GridRow, type GridTable } from '../document/source-document';
import type { ExtractedGroup, ExtractedRow, ExtractedTable, FieldDoubt, FieldRole } from './extracted-table';
import { FIELD_ROLES } from './extracted-table';
import { REQUIRED_ROLES, roleOfHeader, type ColumnRole } from './header-vocabulary';
import { groupLabel, subItemLabel, taskLabel } from './row-labels';

type OpenRow = ExtractedRow & { cells: Partial<Record<FieldRole, string>>; doubts: Partial<Record<FieldRole, FieldDoubt>> };

interface Column {
  readonly role: ColumnRole;
  readonly header: string;
}

/** The table read as a task table, or null when its header does not name a task and a lead column. */
export function readGridTable(table: GridTable, title: string | null): ExtractedTable | null {
  const headerIndex = table.rows.findIndex((row) => headerRoles(row).filter((r) => r !== 'extra').length >= 3);
  if (headerIndex < 0) return null;
  const headerRow = table.rows[headerIndex]!;
  const columns = columnsOf(headerRow, table.columns);
  const roles = columns.map((c) => c?.role);
  if (!REQUIRED_ROLES.every((role) => roles.includes(role))) return null;
  const headerKey = rowKey(headerRow);

  const groups: Array<ExtractedGroup & { rows: ExtractedRow[] }> = [];
  const notes: string[] = [];
  let repeatedHeaders = 0;
  let current: OpenRow | null = null;
  const previousCells = new Map<number, string>();

  let newPage = false;
  for (const original of table.rows.slice(headerIndex + 1)) {
    if (rowKey(original) === headerKey || original.repeatedHeader) {
      repeatedHeaders += 1;
      newPage = newPage || original.startsPage;
      continue;
    }
    // The first row under a repeated header is where the new page's part of the table begins.
    const row = newPage ? { ...original, startsPage: true } : original;
    newPage = false;
    if (isColumnNumbering(row)) continue;
    const byRole = cellsByRole(row, columns, previousCells);
    const label = byRole.row.text;
    const where = `trang ${row.page}`;
    const filled = FIELD_ROLES.filter((role) => (byRole[role]?.text ?? '') !== '' && !byRole[role]?.merged);

    const group = groupLabel(label);
    const spansTable = row.cells.length === 1 || (row.cells.length <= 2 && label !== '' && filled.length <= 1);
    if ((group !== null && filled.length <= 1) || (label === '' && spansTable && filled.length === 1 && !current)) {
      const titleText = cleanText(row.cells.filter((c) => c.text !== label).map((c) => c.text).join(' '));
      groups.push({ number: group, title: titleText, rows: [], where });
      current = null;
      continue;
    }
    const task = taskLabel(label);
    const sub = task === null ? subItemLabel(label) : null;
    if (task === null && sub === null && current && (row.startsPage || label === '')) {
      // The rest of the row above, cut by a page break (or a row without its own number).
      for (const role of FIELD_ROLES) {
        const text = byRole[role];
        if (!text || text.text === '' || text.merged) continue;
        current.cells[role] = cleanText(`${current.cells[role] ?? ''} ${text.text}`);
        current.doubts[role] ??= { confidence: row.startsPage ? 0.9 : 0.7, note: row.startsPage ? `ô tiếp tục ở ${where}; đã ghép` : `dòng không có số thứ tự ở ${where}; đã ghép vào nhiệm vụ phía trên` };
      }
      continue;
    }
    if (sub !== null && current && !(byRole.lead?.text && !byRole.lead.merged) && !(byRole.deadline?.text && !byRole.deadline.merged)) {
      // A sub-item without its own lead or deadline is part of the task's wording.
      current.cells.name = cleanText(`${current.cells.name ?? ''} ${label} ${byRole.name?.text ?? ''}`);
      continue;
    }
    if (groups.length === 0) groups.push({ number: null, title: title ?? '', rows: [], where });
    const cells: Partial<Record<FieldRole, string>> = {};
    const doubts: Partial<Record<FieldRole, FieldDoubt>> = {};
    for (const role of FIELD_ROLES) {
      const cell = byRole[role];
      if (!cell) continue;
      cells[role] = cell.text;
      if (cell.merged && cell.text !== '') doubts[role] = { confidence: 0.95, note: 'ô gộp nhiều dòng: dùng chung với nhiệm vụ phía trên' };
    }
    const parentLabel: string | undefined = (current as OpenRow | null)?.label;
    current = {
      label: sub !== null && parentLabel ? `${parentLabel}.${sub.replace(/\)$/, '')}` : label.replace(/\.$/, ''),
      cells,
      extras: byRole.extras,
      doubts,
      where,
    };
    groups[groups.length - 1]!.rows.push(current);
  }
  if (repeatedHeaders > 0) notes.push(`Dòng tiêu đề lặp lại ở đầu ${repeatedHeaders} trang đã được bỏ.`);
  const headers = Object.fromEntries(columns.flatMap((c) => (c ? [[c.role, c.header]] : []))) as Partial<Record<ColumnRole, string>>;
  const order = [...new Set(columns.flatMap((c) => (c ? [c.role] : [])))];
  return { columns: order, headers, groups: groups.filter((g) => g.rows.length > 0), title, notes };
}

function headerRoles(row: GridRow): ColumnRole[] {
  return row.cells.flatMap((cell) => roleOfHeader(cell.text) ?? []);
}

/** The role of each grid column, from the header cell over it. */
function columnsOf(header: GridRow, width: number): Array<Column | undefined> {
  const columns: Array<Column | undefined> = new Array(width).fill(undefined);
  const seen = new Set<ColumnRole>();
  for (const cell of header.cells) {
    let role = roleOfHeader(cell.text);
    if (role && role !== 'extra' && seen.has(role)) role = 'extra';
    if (role) seen.add(role);
    for (let c = cell.column; c < cell.column + cell.span && c < width; c += 1) columns[c] = role ? { role, header: cell.text } : undefined;
  }
  return columns;
}

interface RoleCell {
  readonly text: string;
  readonly merged: boolean;
}

function cellsByRole(row: GridRow, columns: ReadonlyArray<Column | undefined>, previous: Map<number, string>) {
  const byRole: Partial<Record<FieldRole, RoleCell>> & { row: RoleCell; extras: Record<string, string> } = { row: { text: '', merged: false }, extras: {} };
  for (const cell of row.cells) {
    const column = columns[cell.column];
    // A merged cell repeats the text of the cell it continues.
    const text = cell.mergedAbove ? (previous.get(cell.column) ?? '') : cleanText(cell.text);
    if (!cell.mergedAbove) previous.set(cell.column, text);
    if (!column) continue;
    if (column.role === 'row') byRole.row = { text: cell.mergedAbove ? '' : text, merged: false };
    else if (column.role === 'extra') byRole.extras[column.header] = text;
    else if (!byRole[column.role]) byRole[column.role] = { text, merged: cell.mergedAbove };
  }
  return byRole;
}

function rowKey(row: GridRow): string {
  return row.cells.map((c) => cleanText(c.text).toLowerCase()).join('|');
}

/** "(1) (2) (3)" or "1 2 3 4": the column numbers some plans print under the header. */
function isColumnNumbering(row: GridRow): boolean {
  const texts = row.cells.map((c) => cleanText(c.text).replace(/[()]/g, ''));
  return texts.length >= 3 && texts.every((t, i) => t === String(i + 1));
}

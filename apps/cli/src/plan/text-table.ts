// A plain-text table with wrapped cells and full-width section rows, for
// `plan show`. Box-drawing rules keep rows of many lines apart.
import { padEnd, wrapClipped } from './wrap-text';

export interface Column {
  readonly title: string;
  readonly width: number;
  /** Lines a cell may take before it is cut with "…". */
  readonly maxLines: number;
}

export type TableRow = { readonly kind: 'cells'; readonly cells: readonly string[] } | { readonly kind: 'section'; readonly text: string };

const SEPARATOR = ' │ ';

export function renderTable(columns: readonly Column[], rows: readonly TableRow[]): string {
  const total = columns.reduce((sum, column) => sum + column.width, 0) + SEPARATOR.length * (columns.length - 1);
  const rule = (cross: string) => columns.map((column) => '─'.repeat(column.width)).join(`─${cross}─`);
  const out = [renderCells(columns, columns.map((column) => column.title))];
  let previous: TableRow['kind'] | 'header' = 'header';
  for (const row of rows) {
    if (row.kind === 'section') {
      out.push(rule('┴'), ...wrapClipped(row.text, total, 2), rule('┬'));
    } else {
      if (previous !== 'section') out.push(rule('┼'));
      out.push(renderCells(columns, row.cells));
    }
    previous = row.kind;
  }
  return `${out.join('\n')}\n`;
}

function renderCells(columns: readonly Column[], cells: readonly string[]): string {
  const wrapped = columns.map((column, i) => wrapClipped(cells[i] ?? '', column.width, column.maxLines));
  const height = Math.max(...wrapped.map((lines) => lines.length));
  const lines: string[] = [];
  for (let line = 0; line < height; line += 1) {
    const parts = columns.map((column, i) => padEnd(wrapped[i]?.[line] ?? '', column.width));
    lines.push(parts.join(SEPARATOR).trimEnd());
  }
  return lines.join('\n');
}

/** Column widths that fill `total`: the flexible column takes what the fixed ones leave. */
export function fitColumns(total: number, fixed: ReadonlyArray<Omit<Column, 'width'> & { width: number | 'rest' }>): Column[] {
  const separators = SEPARATOR.length * (fixed.length - 1);
  const used = fixed.reduce((sum, column) => sum + (column.width === 'rest' ? 0 : column.width), 0);
  const rest = Math.max(20, total - used - separators);
  return fixed.map((column) => ({ ...column, width: column.width === 'rest' ? rest : column.width }));
}


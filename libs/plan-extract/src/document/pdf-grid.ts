// From positioned text and ruling lines to tables, the way a reader sees
// them: the borders drawn on a page give the grid (columns from vertical
// lines, rows from horizontal ones); a missing inner border is a merged cell;
// text runs fall into the cell that holds their centre. A table that runs on
// at the top of the next page with the same columns is the same table.
// Text outside tables becomes the body's lines.
import { cleanText, type GridCell, type GridRow, type GridTable, type SourceDocument, type SourceLine } from './source-document';

export interface TextRun {
  readonly text: string;
  /** Left edge, points from the page's left. */
  readonly x: number;
  /** Top edge, points from the page's top. */
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly font: string;
}

export interface Segment {
  readonly orientation: 'h' | 'v';
  /** y of a horizontal line, x of a vertical one. */
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

export interface PdfPage {
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly runs: readonly TextRun[];
  readonly segments: readonly Segment[];
}

const TOLERANCE = 2;

interface PageTable {
  readonly xs: number[];
  readonly ys: number[];
  readonly rows: GridRow[];
}

export function buildPdfDocument(pages: readonly PdfPage[]): SourceDocument {
  const lines: SourceLine[] = [];
  const tables: GridTable[] = [];
  let open: { table: GridTable & { rows: GridRow[] }; xs: number[]; endedNearBottom: boolean } | null = null;
  for (const page of pages) {
    const found = findTables(page.segments);
    const used = new Set<TextRun>();
    const pageTables: PageTable[] = found.map((grid) => ({ ...grid, rows: gridRows(grid.xs, grid.ys, page, used) }));
    lines.push(...bodyLines(page.runs.filter((run) => !used.has(run)), page.number));
    pageTables.forEach((table, index) => {
      const continues = open && index === 0 && open.endedNearBottom && table.ys[0]! < page.height * 0.25 && sameColumns(open.xs, table.xs);
      if (continues && open && table.rows[0]) {
        open.table.rows.push({ ...table.rows[0], startsPage: true }, ...table.rows.slice(1));
      } else {
        const fresh = { rows: [...table.rows], columns: table.xs.length - 1, page: page.number };
        tables.push(fresh);
        open = { table: fresh, xs: table.xs, endedNearBottom: false };
      }
      if (open) open.endedNearBottom = table.ys[table.ys.length - 1]! > page.height * 0.7;
    });
    if (pageTables.length === 0) open = null;
  }
  return { kind: 'pdf', pages: pages.length, lines, tables, notes: [] };
}

function sameColumns(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) <= 3);
}

/** Groups of crossing lines with at least two of each direction, each as its column and row borders. */
function findTables(segments: readonly Segment[]): Array<{ xs: number[]; ys: number[]; segments: Segment[] }> {
  const lines = segments.filter((s) => s.to - s.from >= 5);
  const parent = lines.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < lines.length; i += 1) {
    for (let j = i + 1; j < lines.length; j += 1) if (touch(lines[i]!, lines[j]!)) parent[root(i)] = root(j);
  }
  const groups = new Map<number, Segment[]>();
  lines.forEach((line, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), line]));
  const tables: Array<{ xs: number[]; ys: number[]; segments: Segment[] }> = [];
  for (const group of groups.values()) {
    const xs = distinct(group.filter((s) => s.orientation === 'v').map((s) => s.at));
    const ys = distinct(group.filter((s) => s.orientation === 'h').map((s) => s.at));
    if (xs.length >= 3 && ys.length >= 2) tables.push({ xs, ys, segments: group });
  }
  return tables.sort((a, b) => a.ys[0]! - b.ys[0]!).map((t) => ({ ...t, xs: t.xs, ys: t.ys }));
}

function touch(a: Segment, b: Segment): boolean {
  if (a.orientation === b.orientation) return Math.abs(a.at - b.at) <= TOLERANCE && a.from <= b.to + TOLERANCE && b.from <= a.to + TOLERANCE;
  const [h, v] = a.orientation === 'h' ? [a, b] : [b, a];
  return v.at >= h.from - TOLERANCE && v.at <= h.to + TOLERANCE && h.at >= v.from - TOLERANCE && h.at <= v.to + TOLERANCE;
}

function distinct(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const result: number[] = [];
  for (const value of sorted) if (result.length === 0 || value - result[result.length - 1]! > TOLERANCE) result.push(value);
  return result;
}

function gridRows(xs: number[], ys: number[], page: PdfPage, used: Set<TextRun>): GridRow[] {
  const segments = page.segments;
  const hasVertical = (x: number, top: number, bottom: number) =>
    segments.some((s) => s.orientation === 'v' && Math.abs(s.at - x) <= TOLERANCE && s.from <= (top + bottom) / 2 && s.to >= (top + bottom) / 2);
  const hasHorizontal = (y: number, left: number, right: number) =>
    segments.some((s) => s.orientation === 'h' && Math.abs(s.at - y) <= TOLERANCE && s.from <= (left + right) / 2 && s.to >= (left + right) / 2);

  const rows: Array<{ cells: Array<GridCell & { runs: TextRun[] }> }> = [];
  for (let r = 0; r + 1 < ys.length; r += 1) {
    const [top, bottom] = [ys[r]!, ys[r + 1]!];
    if (bottom - top < 3) continue;
    const cells: Array<GridCell & { runs: TextRun[] }> = [];
    for (let c = 0; c + 1 < xs.length; ) {
      let end = c + 1;
      while (end + 1 < xs.length && !hasVertical(xs[end]!, top, bottom)) end += 1;
      const [left, right] = [xs[c]!, xs[end]!];
      const runs = page.runs.filter((run) => {
        const cx = run.x + run.width / 2;
        const cy = run.y + run.height / 2;
        return cx >= left && cx < right && cy >= top && cy < bottom;
      });
      runs.forEach((run) => used.add(run));
      const mergedAbove = rows.length > 0 && !hasHorizontal(top, left, Math.min(right, xs[c + 1]!));
      cells.push({ text: '', column: c, span: end - c, mergedAbove, runs });
      c = end;
    }
    rows.push({ cells });
  }
  // A merged cell's text may sit anywhere in it: give it all to the top cell.
  for (let r = rows.length - 1; r > 0; r -= 1) {
    for (const cell of rows[r]!.cells) {
      if (!cell.mergedAbove) continue;
      const above = rows[r - 1]!.cells.find((c) => c.column === cell.column);
      if (above) {
        above.runs.push(...cell.runs);
        cell.runs = [];
      }
    }
  }
  return rows.map((row) => ({
    cells: row.cells.map(({ runs, ...cell }) => ({ ...cell, text: joinRuns(runs) })),
    page: page.number,
    startsPage: false,
  }));
}

/** Runs in reading order: lines top-down, runs left to right, a space where there is a gap. */
function joinRuns(runs: readonly TextRun[]): string {
  return cleanText(groupLines(runs).map(lineText).join(' '));
}

function groupLines(runs: readonly TextRun[]): TextRun[][] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: TextRun[][] = [];
  for (const run of sorted) {
    const line = lines.find((l) => Math.abs(l[0]!.y - run.y) <= Math.max(2, run.height * 0.4));
    if (line) line.push(run);
    else lines.push([run]);
  }
  return lines.map((line) => line.sort((a, b) => a.x - b.x));
}

function lineText(line: readonly TextRun[]): string {
  let text = '';
  let end = -Infinity;
  for (const run of line) {
    const gap = run.x - end;
    if (text !== '' && gap > run.height * 0.15 && !text.endsWith(' ') && !run.text.startsWith(' ')) text += ' ';
    text += run.text;
    end = run.x + run.width;
  }
  return text;
}

function bodyLines(runs: readonly TextRun[], page: number): SourceLine[] {
  return groupLines(runs)
    .map((line) => ({ text: cleanText(lineText(line)), page, line: null }))
    .filter((line) => line.text !== '');
}

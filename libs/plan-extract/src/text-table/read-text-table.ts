// Task tables in pdftotext-style text: find each header, drop its repetition
// (and the page footer before it) on every later page, split the rest into
// group headings and rows by the TT numbering, and cut each row into its
// columns (assign-columns.ts). A row broken over a page is cut part by part,
// each part restarting at the first column, and the parts joined.
import type { AgencySpellings } from '../agencies/agency-spellings';
import { FIELD_ROLES, type ExtractedGroup, type ExtractedRow, type ExtractedTable, type FieldDoubt, type FieldRole } from '../table/extracted-table';
import { groupLabel, taskLabel } from '../table/row-labels';
import { assignColumns, fitsDeadline, type PartPosition } from './assign-columns';
import { locateHeaders, type TextHeader } from './locate-header';
import { joinTokens, tokenizeLines, type TextToken } from './text-tokens';

interface Item {
  readonly kind: 'row' | 'group';
  readonly label: string;
  readonly tokens: TextToken[];
  /** Indices into `tokens` where a new page starts. */
  readonly breaks: number[];
  readonly line: number;
}

export function readTextTables(lines: readonly string[], spellings: AgencySpellings): ExtractedTable[] {
  const headers = locateHeaders(lines);
  return headers.map((header, i) => {
    const next = headers[i + 1]?.firstLine ?? lines.length;
    const end = Math.min(next, appendixEnd(lines, header.endLine));
    return readTable(lines, header, end, spellings);
  });
}

function readTable(lines: readonly string[], header: TextHeader, end: number, spellings: AgencySpellings): ExtractedTable {
  const { tokens, breaks } = withoutRepeatedHeaders(tokenizeLines(lines, header.endLine, end), header);
  const items = splitItems(tokens, breaks);
  const roles = header.columns.filter((role): role is FieldRole => (FIELD_ROLES as readonly string[]).includes(role));
  const wideLine = wideLineOf(tokens);
  const groups: Array<{ number: string | null; title: string; rows: ExtractedRow[]; where: string }> = [];
  const notes: string[] = [];
  for (const item of items) {
    if (item.kind === 'group') {
      groups.push({ number: item.label, title: joinTokens(item.tokens), rows: [], where: `dòng ${item.line + 1}` });
      continue;
    }
    if (groups.length === 0) groups.push({ number: null, title: '', rows: [], where: `dòng ${item.line + 1}` });
    groups[groups.length - 1]!.rows.push(readRow(item, roles, { spellings, wideLine }));
  }
  if (breaks.length > 0) notes.push(`Bảng trải qua ${breaks.length + 1} trang; tiêu đề cột lặp lại ở đầu mỗi trang đã được bỏ.`);
  return { columns: header.columns, headers: header.headers, groups: groups as ExtractedGroup[], title: appendixTitle(lines, header.firstLine), notes };
}

function readRow(item: Item, roles: readonly FieldRole[], context: Parameters<typeof assignColumns>[3]): ExtractedRow {
  const bounds = [0, ...item.breaks.filter((b) => b > 0 && b < item.tokens.length), item.tokens.length];
  const words: Partial<Record<FieldRole, TextToken[]>> = {};
  const doubts: Partial<Record<FieldRole, FieldDoubt>> = {};
  const doubt = (role: FieldRole, confidence: number, note: string) => {
    const known = doubts[role];
    if (!known || known.confidence > confidence) doubts[role] = { confidence, note };
  };
  const parts = bounds.length - 1;
  for (let p = 0; p < parts; p += 1) {
    const part = item.tokens.slice(bounds[p], bounds[p + 1]);
    const position: PartPosition = parts === 1 ? 'whole' : p === 0 ? 'first' : 'continuation';
    const following = p + 1 < parts ? item.tokens.slice(bounds[p + 1], bounds[p + 2]) : [];
    const segments = assignColumns(part, roles, position, context, words, following);
    segments.forEach((segment, s) => {
      if (segment.end === segment.start) return;
      (words[segment.role] ??= []).push(...part.slice(segment.start, segment.end));
      if (p > 0) doubt(segment.role, 0.85, `ô bị ngắt sang trang sau; đã ghép phần tiếp theo ở đầu trang (dòng ${part[segment.start]!.line + 1})`);
      if (segment.guessedCut) {
        const note = `văn bản không có vị trí cột; ranh giới với cột bên cạnh nằm giữa một dòng (dòng ${part[segment.start]!.line + 1}), đã đoán theo nội dung`;
        doubt(segment.role, 0.6, note);
        const before = segments[s - 1];
        if (before) doubt(before.role, 0.6, note);
      }
    });
  }
  if (parts > 1) {
    // Cutting a row that a page break has split is guesswork at every column: all of them get a look.
    const second = item.tokens[bounds[1]!];
    for (const role of roles) doubt(role, 0.85, `dòng bị ngắt sang trang sau (từ dòng ${second ? second.line + 1 : '?'}); kiểm tra ranh giới các cột`);
  }
  const cells = Object.fromEntries(roles.map((role) => [role, joinTokens(words[role] ?? [])])) as Partial<Record<FieldRole, string>>;
  moveTrailingWordsOffDeadline(cells, roles, doubt);
  if (roles.includes('coordinators') && (cells.coordinators ?? '') === '' && /[,;]\s*\S/.test(cells.lead ?? '')) {
    const note = 'cột phối hợp trống trong khi cột chủ trì có nhiều tên: có thể một phần là cơ quan phối hợp';
    doubt('lead', 0.7, note);
    doubt('coordinators', 0.7, note);
  }
  for (const role of ['coordinators', 'result'] as const) {
    if (/(?:^|\s)(?:sau khi|khi) .*trung ương/iu.test(cells[role] ?? '')) {
      const note = 'ô có lời văn của thời hạn ("… Trung ương"); kiểm tra ranh giới các cột';
      doubt(role, 0.5, note);
      const before = roles[roles.indexOf(role) - 1];
      if (before && before !== 'name') doubt(before, 0.5, note);
    }
  }
  return { label: item.label, cells, extras: {}, doubts, where: `dòng ${item.line + 1}` };
}

/**
 * Words printed after a complete deadline ("Sau khi có văn bản của Trung ương
 * Chương trình") are the end of the cell before it, broken off below.
 */
function moveTrailingWordsOffDeadline(cells: Partial<Record<FieldRole, string>>, roles: readonly FieldRole[], doubt: (role: FieldRole, c: number, note: string) => void): void {
  const text = cells.deadline ?? '';
  if (text === '' || fitsDeadline(text)) return;
  const words = text.split(' ');
  for (let keep = words.length - 1; keep > 0; keep -= 1) {
    const head = words.slice(0, keep).join(' ');
    if (!fitsDeadline(head)) continue;
    const before = roles[roles.indexOf('deadline') - 1];
    if (!before || before === 'name') return;
    const moved = words.slice(keep).join(' ');
    cells.deadline = head;
    cells[before] = [cells[before], moved].filter(Boolean).join(' ');
    const note = `"${moved}" in sau thời hạn, đã ghép vào cột trước`;
    doubt('deadline', 0.6, note);
    doubt(before, 0.6, note);
    return;
  }
}

/** Removes every later copy of the header, and the page-number line printed just before it. */
export function withoutRepeatedHeaders(tokens: readonly TextToken[], header: Pick<TextHeader, 'keys'>): { tokens: TextToken[]; breaks: number[] } {
  const kept: TextToken[] = [];
  const breaks: number[] = [];
  for (let i = 0; i < tokens.length; ) {
    const length = matchKeys(tokens, i, header.keys);
    if (length > 0) {
      // A footer ("16", "484 14 02") is a line of bare numbers right before the header.
      while (kept.length > 0 && isFooterLine(kept, kept[kept.length - 1]!.line)) {
        const line = kept[kept.length - 1]!.line;
        while (kept.length > 0 && kept[kept.length - 1]!.line === line) kept.pop();
      }
      breaks.push(kept.length);
      i += length;
      continue;
    }
    kept.push(tokens[i]!);
    i += 1;
  }
  return { tokens: kept, breaks };
}

export function isFooterLine(tokens: readonly TextToken[], line: number): boolean {
  const onLine = tokens.filter((t) => t.line === line);
  // A page number ("16") or a document code ("484 14 02"); never a year ("2026"), which ends a deadline cell.
  return onLine.length > 0 && onLine.every((t) => /^\d+$/.test(t.raw)) && (onLine.length > 1 || onLine[0]!.raw.length <= 3);
}

/** Tokens matched from `start` whose keys spell `keys`; 0 when they do not. */
function matchKeys(tokens: readonly TextToken[], start: number, keys: readonly string[]): number {
  let k = 0;
  let i = start;
  while (k < keys.length && i < tokens.length) {
    for (const key of tokens[i]!.keys) {
      if (key !== keys[k]) return 0;
      k += 1;
    }
    i += 1;
  }
  return k >= keys.length ? i - start : 0;
}

/** Lines starting a row (the next TT number) or a group heading (a roman numeral) split the tokens. */
function splitItems(tokens: readonly TextToken[], breaks: readonly number[]): Item[] {
  const items: Array<Item & { firstIndex: number }> = [];
  let lastRow = 0;
  let afterGroup = false;
  tokens.forEach((token, index) => {
    if (token.lineStart) {
      const row = taskLabel(token.raw);
      if (row !== null && (row === lastRow + 1 || (row === 1 && afterGroup && lastRow > 0))) {
        items.push({ kind: 'row', label: token.raw.replace(/\.$/, ''), tokens: [], breaks: [], line: token.line, firstIndex: index + 1 });
        lastRow = row;
        afterGroup = false;
        return;
      }
      const group = groupLabel(token.raw);
      if (group !== null && isHeadingLine(tokens, index)) {
        items.push({ kind: 'group', label: group, tokens: [], breaks: [], line: token.line, firstIndex: index + 1 });
        afterGroup = true;
        return;
      }
    }
    const current = items[items.length - 1];
    if (current) current.tokens.push(token);
  });
  // Page breaks, as token indices within each item.
  for (const item of items) {
    for (const at of breaks) {
      const local = at - item.firstIndex;
      if (local > 0 && local < item.tokens.length) item.breaks.push(local);
    }
  }
  return items;
}

/** A roman numeral opens a group only on a line of its own or followed by a capitalised title. */
function isHeadingLine(tokens: readonly TextToken[], index: number): boolean {
  const next = tokens[index + 1];
  return !next || next.lineStart || /^\p{Lu}/u.test(next.raw);
}

/** Where the appendix ends: the next appendix heading, or a signature block. */
function appendixEnd(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i += 1) if (/^\s*PHỤ LỤC\b/u.test(lines[i] ?? '')) return i;
  return lines.length;
}

/** "PHỤ LỤC II - DANH MỤC …" and the lines after it up to "(Kèm theo …)". */
function appendixTitle(lines: readonly string[], headerLine: number): string | null {
  for (let i = headerLine - 1; i >= Math.max(0, headerLine - 12); i -= 1) {
    const line = (lines[i] ?? '').trim();
    if (!/^PHỤ LỤC\b/u.test(line)) continue;
    const parts = [line.replace(/^PHỤ LỤC\s*[IVXLC\d]*\s*[-–:.]?\s*/u, '')];
    for (let j = i + 1; j < headerLine; j += 1) {
      const next = (lines[j] ?? '').trim();
      if (next.startsWith('(')) break;
      parts.push(next);
    }
    const title = parts.join(' ').replace(/\s+/g, ' ').trim();
    return title === '' ? null : title;
  }
  return null;
}

/** Lines at least this long are the task column's: most of the longest lines of the table. */
function wideLineOf(tokens: readonly TextToken[]): number {
  const lengths = [...new Map(tokens.map((t) => [t.line, t.lineLength])).values()].sort((a, b) => a - b);
  const high = lengths[Math.floor(lengths.length * 0.9)] ?? 40;
  return Math.max(16, Math.round(high * 0.6));
}

// Indicator tables in pdftotext-style text: the header found by its words
// ("TT Chỉ tiêu Đơn vị Kết quả Cơ quan chủ trì theo dõi, đánh giá"), its
// repetition and the page footers dropped, the rest split into group
// headings ("I Đến năm 2030"), numbered rows ("6", "6.1") and their items
// ("-"), each row cut into its columns (cut-indicator-row.ts).
import type { AgencySpellings } from '../agencies/agency-spellings';
import type { FieldDoubt } from '../table/extracted-table';
import { groupLabel } from '../table/row-labels';
import { isFooterLine, withoutRepeatedHeaders } from '../text-table/read-text-table';
import { joinTokens, tokenizeLines, type TextToken } from '../text-table/text-tokens';
import { cutIndicatorRow } from './cut-indicator-row';
import {
  INDICATOR_HEADER_PHRASES,
  INDICATOR_HEADER_TAILS,
  indicatorLabel,
  yearNamed,
  type ExtractedIndicator,
  type ExtractedIndicatorGroup,
  type ExtractedIndicatorTable,
  type IndicatorField,
  type IndicatorRole,
} from './indicator-table';

interface IndicatorHeader {
  readonly endLine: number;
  readonly roles: readonly IndicatorRole[];
  readonly keys: readonly string[];
  readonly year: number | null;
}

const HEADER_SPAN = 12;

/** Every indicator table of the text, in order. */
export function readTextIndicators(lines: readonly string[], spellings: AgencySpellings): ExtractedIndicatorTable[] {
  const tables: ExtractedIndicatorTable[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    if (!/^\s*(?:S\s?TT|TT)\b/u.test(lines[index] ?? '')) continue;
    const header = readHeader(lines, index);
    if (!header) continue;
    const end = tableEnd(lines, header.endLine);
    tables.push(readTable(lines, header, end, spellings));
    index = end - 1;
  }
  return tables;
}

function readHeader(lines: readonly string[], start: number): IndicatorHeader | null {
  const tokens = tokenizeLines(lines, start, Math.min(lines.length, start + HEADER_SPAN));
  const keys = tokens.flatMap((token) => token.keys.map((key) => ({ key, token })));
  const roles: IndicatorRole[] = [];
  let position = 0;
  while (position < keys.length) {
    const phrase = INDICATOR_HEADER_PHRASES.find((p) => p.words.every((word, i) => keys[position + i]?.key === word));
    if (!phrase || roles.includes(phrase.role)) break;
    roles.push(phrase.role);
    position += phrase.words.length;
    while (position < keys.length && (INDICATOR_HEADER_TAILS.has(keys[position]!.key) || /^\d{4}$/.test(keys[position]!.key))) position += 1;
  }
  if (roles[0] !== 'row' || !['name', 'target', 'agency'].every((role) => roles.includes(role as IndicatorRole)) || position === 0) return null;
  const words = keys.slice(0, position);
  const lastLine = words[words.length - 1]!.token.line;
  return { endLine: lastLine + 1, roles, keys: words.map((k) => k.key), year: yearNamed(words.map((k) => k.token.raw).join(' ')) };
}

/** The next appendix heading or task table header ends the table. */
function tableEnd(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i += 1) if (/^\s*PHỤ LỤC\b/u.test(lines[i] ?? '') || /^\s*(?:S\s?TT|TT)\s+(?:Tên nhiệm vụ|Nhiệm vụ|Nội dung)/u.test(lines[i] ?? '')) return i;
  return lines.length;
}

interface Item {
  readonly kind: 'group' | 'row';
  readonly label: string;
  readonly parent: string | null;
  readonly tokens: TextToken[];
  readonly line: number;
}

function readTable(lines: readonly string[], header: IndicatorHeader, end: number, spellings: AgencySpellings): ExtractedIndicatorTable {
  const { tokens } = withoutRepeatedHeaders(tokenizeLines(lines, header.endLine, end), header);
  while (tokens.length > 0 && isFooterLine(tokens, tokens[tokens.length - 1]!.line)) {
    const line = tokens[tokens.length - 1]!.line;
    while (tokens.length > 0 && tokens[tokens.length - 1]!.line === line) tokens.pop();
  }
  const fields = header.roles.filter((role): role is IndicatorField => role !== 'row');
  const wideLine = wideLineOf(tokens);
  const groups: Array<{ number: string | null; title: string | null; rows: ExtractedIndicator[] }> = [];
  for (const item of splitItems(tokens)) {
    if (item.kind === 'group') {
      groups.push({ number: item.label, title: joinTokens(item.tokens) || null, rows: [] });
      continue;
    }
    if (groups.length === 0) groups.push({ number: null, title: null, rows: [] });
    groups[groups.length - 1]!.rows.push(readRow(item, fields, spellings, wideLine));
  }
  return { groups: groups as ExtractedIndicatorGroup[], headerYear: header.year };
}

function readRow(item: Item, fields: readonly IndicatorField[], spellings: AgencySpellings, wideLine: number): ExtractedIndicator {
  const cells: Record<IndicatorField, string> = { name: '', unit: '', target: '', agency: '' };
  const doubts: Partial<Record<IndicatorField, FieldDoubt>> = {};
  const where = `dòng ${item.line + 1}`;
  const segments = cutIndicatorRow(item.tokens, fields, spellings, wideLine);
  for (const segment of segments) cells[segment.role] = joinTokens(item.tokens.slice(segment.start, segment.end));
  if (cells.agency === '' && fields.includes('agency')) {
    // No agency monitors it: a heading over the items below it ("Chỉ tiêu về …" then "- Tỷ lệ …"), all of it the name.
    const whole = joinTokens(item.tokens);
    if (whole !== cells.name) doubts.name = { confidence: 0.6, note: `dòng không có cơ quan theo dõi; đã coi cả dòng là tên chỉ tiêu (${where})` };
    Object.assign(cells, { name: whole, unit: '', target: '' });
  } else {
    segments.forEach((segment, s) => {
      if (!segment.guessedCut || segment.start === segment.end) return;
      const note = `văn bản không có vị trí cột; ranh giới với cột bên cạnh nằm giữa một dòng (${where}), đã đoán theo nội dung`;
      doubts[segment.role] = { confidence: 0.8, note };
      const before = segments.slice(0, s).reverse().find((other) => other.end > other.start);
      if (before) doubts[before.role] ??= { confidence: 0.8, note };
    });
  }
  return { label: item.label, parent: item.parent, cells, doubts, where };
}

/** Group headings (a roman numeral) and rows in sequence: "1", "2", "6.1", "6.2", and "-" items of the row above. */
function splitItems(tokens: readonly TextToken[]): Item[] {
  const items: Item[] = [];
  let last: string | null = null;
  tokens.forEach((token, index) => {
    if (token.lineStart) {
      const group = groupLabel(token.raw);
      if (group !== null && (tokens[index + 1]?.line === token.line || !tokens[index + 1])) {
        items.push({ kind: 'group', label: group, parent: null, tokens: [], line: token.line });
        last = null;
        return;
      }
      const label = indicatorLabel(token.raw);
      if (label?.kind === 'row' && follows(last, label.label)) {
        items.push({ kind: 'row', label: label.label, parent: null, tokens: [], line: token.line });
        last = label.label;
        return;
      }
      if (label?.kind === 'sub' && last !== null) {
        items.push({ kind: 'row', label: label.label, parent: last, tokens: [], line: token.line });
        return;
      }
    }
    items[items.length - 1]?.tokens.push(token);
  });
  return items;
}

/** "2" after "1", "6.1" after "6", "6.2" or "7" after "6.1"; "1" opens a group. */
function follows(last: string | null, label: string): boolean {
  if (last === null) return label === '1';
  const [major, minor] = last.split('.').map(Number) as [number, number | undefined];
  const [nextMajor, nextMinor] = label.split('.').map(Number) as [number, number | undefined];
  if (nextMinor === undefined) return nextMajor === major + 1;
  return nextMajor === major && nextMinor === (minor ?? 0) + 1;
}

function wideLineOf(tokens: readonly TextToken[]): number {
  const lengths = [...new Map(tokens.map((t) => [t.line, t.lineLength])).values()].sort((a, b) => a - b);
  const high = lengths[Math.floor(lengths.length * 0.9)] ?? 30;
  return Math.max(16, Math.round(high * 0.7));
}

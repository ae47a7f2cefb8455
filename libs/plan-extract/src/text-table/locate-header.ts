// Finds a task table's header in plain text: a line starting "TT"/"STT"
// followed, within a few lines, by the header words of at least a task and a
// lead column. The header's words (in order) are also how its repetition at
// the top of every later page is recognised and removed.
import { HEADER_PHRASES, type ColumnRole } from '../table/header-vocabulary';
import { tokenizeLines, type TextToken } from './text-tokens';

export interface TextHeader {
  /** Line index of the header's first line. */
  readonly firstLine: number;
  /** Line index after the header's last word. */
  readonly endLine: number;
  readonly columns: readonly ColumnRole[];
  /** The header's word keys, to find it again on later pages. */
  readonly keys: readonly string[];
  /** Header text by role, as printed. */
  readonly headers: Readonly<Partial<Record<ColumnRole, string>>>;
}

const HEADER_SPAN = 16;

/** Every task-table header from `from` on, in order. */
export function locateHeaders(lines: readonly string[], from = 0): TextHeader[] {
  const found: TextHeader[] = [];
  for (let index = from; index < lines.length; index += 1) {
    if (!/^\s*(?:S\s?TT|TT)\b/u.test(lines[index] ?? '')) continue;
    const header = readHeader(lines, index);
    if (!header) continue;
    if (!found.some((earlier) => sameHeader(earlier, header))) found.push(header);
    index = header.endLine - 1;
  }
  return found;
}

/** A header repeated on a later page has the same words as the first. */
export function sameHeader(a: TextHeader, b: { keys: readonly string[] }): boolean {
  return a.keys.join(' ') === b.keys.join(' ');
}

function readHeader(lines: readonly string[], start: number): TextHeader | null {
  const tokens = tokenizeLines(lines, start, Math.min(lines.length, start + HEADER_SPAN));
  const keys = tokens.flatMap((token) => token.keys.map((key) => ({ key, token })));
  const columns: ColumnRole[] = [];
  const headers: Partial<Record<ColumnRole, string>> = {};
  let position = 0;
  let lastToken: TextToken | null = null;
  while (position < keys.length) {
    const phrase = HEADER_PHRASES.find((p) => p.words.every((word, i) => keys[position + i]?.key === word));
    if (!phrase) break;
    // Trailing words of a broken header cell ("hoàn thành", "thực hiện") belong to the phrase before.
    let end = position + phrase.words.length;
    while (end < keys.length && CONTINUATIONS.has(keys[end]!.key)) end += 1;
    if (!columns.includes(phrase.role)) {
      columns.push(phrase.role);
      headers[phrase.role] = keys.slice(position, end).map((k) => k.token.raw).filter((raw, i, all) => all.indexOf(raw) === i).join(' ');
    }
    lastToken = keys[end - 1]!.token;
    position = end;
  }
  if (!columns.includes('name') || !columns.includes('lead') || columns[0] !== 'row' || !lastToken) return null;
  return { firstLine: start, endLine: lastToken.line + 1, columns, keys: keys.slice(0, position).map((k) => k.key), headers };
}

const CONTINUATIONS = new Set(['thuc', 'hien', 'hoan', 'thanh', 'theo', 'doi', 'danh', 'gia', 'dau', 'ra']);

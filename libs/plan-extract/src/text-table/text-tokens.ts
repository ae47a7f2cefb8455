// Words of pdftotext-style text with the layout clues that survive it: where
// a line starts, a run of spaces inside a line (two columns printed side by
// side), a blank line before, the line's length (the task column is the wide
// one) and the page a word is on.
import { wordKeys } from '../agencies/agency-spellings';

export interface TextToken {
  readonly raw: string;
  /** Folded word keys (usually one; "vị,địa" gives two). */
  readonly keys: readonly string[];
  /** 0-based index into the document's lines. */
  readonly line: number;
  readonly lineStart: boolean;
  /** Three or more spaces before it on the same line: a column gap. */
  readonly gapBefore: boolean;
  readonly blankBefore: boolean;
  /** Three or more spaces after it, before the next word or at the end of its line: a column gap. */
  readonly gapAfter: boolean;
  /** Length of its line, trimmed. */
  readonly lineLength: number;
}

export function tokenizeLines(lines: readonly string[], from: number, to: number): TextToken[] {
  const tokens: TextToken[] = [];
  let blank = false;
  for (let index = from; index < to; index += 1) {
    const line = (lines[index] ?? '').normalize('NFC').replace(/\u00a0/g, ' ');
    const trimmed = line.trim();
    if (trimmed === '') {
      blank = true;
      continue;
    }
    const pattern = /(\S+)(\s*)/g;
    let match: RegExpExecArray | null;
    let first = true;
    let spacesBefore = 0;
    const start = line.length - line.trimStart().length;
    pattern.lastIndex = start;
    while ((match = pattern.exec(line)) !== null) {
      const raw = match[1] ?? '';
      const spacesAfter = (match[2] ?? '').length;
      tokens.push({
        raw,
        keys: wordKeys(raw),
        line: index,
        lineStart: first,
        gapBefore: !first && spacesBefore >= 3,
        blankBefore: first && blank,
        gapAfter: spacesAfter >= 3,
        lineLength: trimmed.length,
      });
      first = false;
      spacesBefore = spacesAfter;
    }
    blank = false;
  }
  return tokens;
}

/** The tokens as text, lines joined by single spaces (how the catalog joins broken cells). */
export function joinTokens(tokens: readonly TextToken[]): string {
  return tokens.map((t) => t.raw).join(' ').trim();
}

// Word wrapping for terminal tables. Widths count code points of NFC text,
// which is one column per letter for Vietnamese (precomposed diacritics).

export function width(text: string): number {
  return Array.from(text.normalize('NFC')).length;
}

/** Lines of at most `max` columns, broken between words; words longer than a line are cut. */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.normalize('NFC').split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let rest = word;
      while (width(rest) > max) {
        if (line !== '') {
          lines.push(line);
          line = '';
        }
        const chars = Array.from(rest);
        lines.push(chars.slice(0, max).join(''));
        rest = chars.slice(max).join('');
      }
      if (line === '') line = rest;
      else if (width(line) + 1 + width(rest) <= max) line = `${line} ${rest}`;
      else {
        lines.push(line);
        line = rest;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** `wrap`, keeping at most `maxLines` lines; the last kept line ends in "…" when text was cut. */
export function wrapClipped(text: string, max: number, maxLines: number): string[] {
  const lines = wrap(text, max);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = Array.from(kept[maxLines - 1] ?? '');
  kept[maxLines - 1] = `${(last.length >= max ? last.slice(0, max - 1) : last).join('')}…`;
  return kept;
}

export function padEnd(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - width(text)));
}

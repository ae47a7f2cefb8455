// One row of an indicator table in text without positions, cut into its
// columns in the header's order, as assign-columns.ts cuts a task row: the
// cheapest cutting by dynamic programming, where the indicator is on the wide
// lines, a unit is a word or three ("%", "% GRDP", "Thứ bậc"), a target
// starts with a quantity ("≥ 80", "100%", "45 các tỉnh"), the monitoring agency
// is covered by directory names, and cells start at line starts or gaps.
import type { AgencySpellings } from '../agencies/agency-spellings';
import { coverage } from '../text-table/name-runs';
import type { TextToken } from '../text-table/text-tokens';
import type { IndicatorField } from './indicator-table';

export interface IndicatorSegment {
  readonly role: IndicatorField;
  readonly start: number;
  readonly end: number;
  /** The cut before it fell inside a line, with no gap to show it. */
  readonly guessedCut: boolean;
}

const FILLER = new Set(['va', '-', ',', ';']);
/** A target starts with a number or a comparison: "≥ 80", "100%", "45 các tỉnh" (not "5G"). */
const QUANTITY = /^(?:[≥≤<>~]|\d+(?:[.,]\d+)?%?$)/u;
const CELL_START = /^[\p{Lu}\d(“"%≥≤<>~]/u;
const MAX_UNIT_TOKENS = 4;

export function cutIndicatorRow(tokens: readonly TextToken[], roles: readonly IndicatorField[], spellings: AgencySpellings, wideLine: number): IndicatorSegment[] {
  const n = tokens.length;
  const isFiller = tokens.map((t) => t.keys.length === 0 || t.keys.every((k) => FILLER.has(k)));
  const cover = coverage(tokens, spellings, () => false);
  const explained = coverage(tokens, spellings, (i) => isFiller[i]!);
  const wide = tokens.map((t) => t.lineLength >= wideLine);
  const count = (flags: readonly boolean[]) => {
    const sums = [0];
    for (const flag of flags) sums.push(sums[sums.length - 1]! + (flag ? 1 : 0));
    return (a: number, b: number) => sums[b]! - sums[a]!;
  };
  const wides = count(wide);
  const withDigits = count(tokens.map((t) => /[\d≥≤<>~]/u.test(t.raw)));
  // A cell rarely goes on after a blank line; the task's wording does so least.
  const blankInside = count(tokens.map((t) => t.blankBefore));
  // A gap after a word, inside the segment: the segment runs over a column boundary.
  const gapsInside = count(tokens.map((t) => t.gapAfter));
  const lowerStart = (a: number) => (/^\p{Ll}/u.test(tokens[a]!.raw) ? 1.5 : 0);

  const segmentCost = (role: IndicatorField, a: number, b: number): number => {
    const length = b - a;
    if (length === 0) return role === 'name' ? 6 : role === 'agency' ? 0.5 : 0.8;
    const gaps = 2 * gapsInside(a, b - 1);
    switch (role) {
      case 'name':
        return 0.25 * (length - wides(a, b)) + gaps + blankInside(a + 1, b);
      case 'unit':
        if (length > MAX_UNIT_TOKENS) return 3 * length;
        // A unit is a word or three, no number in it ("%", "% GRDP", "Thứ bậc", "Doanh nghiệp").
        return 0.3 * length + 3 * withDigits(a, b) + (tokens[a]!.raw.startsWith('%') ? -2 : 0) + lowerStart(a) + gaps;
      case 'target':
        return (QUANTITY.test(tokens[a]!.raw) ? -2 : 0.3 * length) + lowerStart(a) + gaps;
      case 'agency': {
        const uncovered = Math.max(0, length - explained(a, b));
        return -1 * cover(a, b) + 3 * uncovered + 0.6 * wides(a, b) + lowerStart(a);
      }
    }
  };

  const cutCost = (at: number): number => {
    if (at >= n) return 0;
    const token = tokens[at]!;
    const listGoesOn = at > 0 && /[,;:]$/.test(tokens[at - 1]!.raw) && !tokens[at - 1]!.gapAfter ? 1 : 0;
    if (token.lineStart || token.gapBefore || tokens[at - 1]?.gapAfter) return listGoesOn;
    return listGoesOn + (CELL_START.test(token.raw) ? 1.5 : 4);
  };

  const m = roles.length;
  const best: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY));
  const from: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(-1));
  best[0]![0] = 0;
  for (let k = 0; k < m; k += 1) {
    for (let i = 0; i <= n; i += 1) {
      const base = best[k]![i]!;
      if (!Number.isFinite(base)) continue;
      const cut = k === 0 ? 0 : cutCost(i);
      for (let j = i; j <= n; j += 1) {
        const cost = base + segmentCost(roles[k]!, i, j) + (j > i ? cut : 0);
        if (cost < best[k + 1]![j]!) {
          best[k + 1]![j] = cost;
          from[k + 1]![j] = i;
        }
      }
    }
  }
  const segments: IndicatorSegment[] = [];
  let end = n;
  for (let k = m; k > 0; k -= 1) {
    const start = from[k]![end]!;
    const token = tokens[start];
    const guessedCut = k > 1 && start < end && token !== undefined && !token.lineStart && !token.gapBefore && !tokens[start - 1]?.gapAfter;
    segments.unshift({ role: roles[k - 1]!, start, end, guessedCut });
    end = start;
  }
  return segments;
}

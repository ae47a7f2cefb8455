// Text without positions (pdftotext's default output) prints a table row as
// its cells one after another, each broken into short lines, sometimes two
// cells on one line. The cells keep the header's order, so the row is cut
// into consecutive segments, one per column, choosing the cuts that explain
// the words best: agency columns covered by directory names, a deadline
// column that parses, the task column on the wide lines, cuts at line starts.
// Dynamic programming over (column, word) finds the cheapest cutting.
import { interpretDeadline } from '../deadline/interpret-deadline';
import type { AgencySpellings } from '../agencies/agency-spellings';
import type { FieldRole } from '../table/extracted-table';
import { completionEnds, completionStart, coverage, endsOpen, openNameTails, unseparatedNames } from './name-runs';
import { joinTokens, type TextToken } from './text-tokens';

export type PartPosition = 'whole' | 'first' | 'continuation';

export interface ColumnSegment {
  readonly role: FieldRole;
  readonly start: number;
  readonly end: number;
  /** The cut before this segment fell inside a line, with no gap of spaces to show it. */
  readonly guessedCut: boolean;
  /** Words of an agency column that no directory name covers. */
  readonly uncovered: number;
}

export interface AssignContext {
  readonly spellings: AgencySpellings;
  /** Lines at least this long belong to the task column (measured per table). */
  readonly wideLine: number;
}

const FILLER = new Set(['va', '-', ',', ';']);
const DEADLINE_START = /^(?:sau|khi|thường|hằng|hàng|trước|quý|năm|tháng|trong|\d)/iu;
const MAX_DEADLINE_TOKENS = 14;

/**
 * @param carried for a part after a page break: each column's words before
 *   the break, so a name or deadline completed across the break is recognised
 * @param following for a part before a page break: the words after it, so a
 *   name the break cuts off in any column is recognised by its completion there
 */
export function assignColumns(
  tokens: readonly TextToken[],
  roles: readonly FieldRole[],
  position: PartPosition,
  context: AssignContext,
  carried: Readonly<Partial<Record<FieldRole, readonly TextToken[]>>> = {},
  following: readonly TextToken[] = [],
): ColumnSegment[] {
  const n = tokens.length;
  const isFiller = tokens.map((t) => t.keys.length === 0 || t.keys.every((k) => FILLER.has(k)));
  const cover = coverage(tokens, context.spellings, () => false);
  // Covered by a name or a joining word ("và", ",", "-"): what is left is unexplained.
  const explained = coverage(tokens, context.spellings, (i) => isFiller[i]!);
  const joined = unseparatedNames(tokens, context.spellings);
  const completes = (role: FieldRole) => completionEnds(carried[role] ?? [], tokens, context.spellings);
  const completion: Partial<Record<FieldRole, Int32Array>> = { lead: completes('lead'), coordinators: completes('coordinators') };
  // Before a page break every column's cell may end in the first words of a name finished after it.
  const openTails = position === 'first' ? openNameTails(tokens, following, context.spellings) : tokens.map(() => []).concat([[]]);
  const wide = tokens.map((t) => t.lineLength >= context.wideLine);
  const wideCount = prefixSums(wide.map((w) => (w ? 1 : 0)));
  const fillerCount = prefixSums(isFiller.map((f) => (f ? 1 : 0)));
  // Short tokens on the line right after a wide one, with no blank line between: how a long cell ends.
  const nameTail = tokens.map((t, i) => {
    if (wide[i]) return false;
    let j = i;
    while (j >= 0 && tokens[j]!.line === t.line) j -= 1;
    const first = tokens[j + 1]!;
    return j >= 0 && wide[j]! && !first.blankBefore;
  });
  const nameTailCount = prefixSums(nameTail.map((f) => (f ? 1 : 0)));

  const segmentCost = (role: FieldRole, a: number, b: number): number => {
    const length = b - a;
    if (length === 0) {
      // A name left unfinished before the break is finished after it: its column is not empty.
      if (position === 'continuation' && (role === 'lead' || role === 'coordinators') && endsOpen(carried[role] ?? [], context.spellings)) return 2;
      return emptyCost(role, position);
    }
    const wides = wideCount[b]! - wideCount[a]!;
    const covered = cover(a, b);
    const fillers = fillerCount[b]! - fillerCount[a]!;
    switch (role) {
      case 'name': {
        if (position !== 'continuation') return 0.25 * (length - wides);
        // After a page break the task column's lines are wide, but for the one ending it.
        const lastLines = nameTailCount[b]! - nameTailCount[a]!;
        return 0.2 * lastLines + 0.8 * (length - wides - lastLines);
      }
      case 'lead':
      case 'coordinators': {
        if (length === fillers && length <= 2) return -0.5; // "-": printed as an empty cell
        // Words finishing a name begun before the page break count as covered, and so do
        // the first words of a name the page break cuts off.
        const finished = completionStart(completion[role], a, b) === a ? Math.min(b, completion[role]![a]!) - a : 0;
        let covering = Math.max(covered, finished + cover(a + finished, b));
        let explaining = Math.max(explained(a, b), finished + explained(a + finished, b));
        for (const open of openTails[b]!) {
          if (open > length - finished) break;
          covering = Math.max(covering, finished + cover(a + finished, b - open) + open);
          explaining = Math.max(explaining, finished + explained(a + finished, b - open) + open);
        }
        const uncovered = Math.max(0, length - explaining);
        const unseparated = joined[b - 1]! - joined[a]!;
        return -1.0 * covering + 3.0 * uncovered + 0.6 * wides + 3.0 * unseparated + startPenalty(a, 3);
      }
      case 'result':
        return 0.5 * covered + 0.3 * (length - covered) + 0.6 * wides + startPenalty(a, 1.5);
      case 'deadline': {
        if (length > MAX_DEADLINE_TOKENS) return 2.0 * length;
        const before = position === 'continuation' && carried.deadline && carried.deadline.length > 0 ? joinTokens(carried.deadline) + ' ' : '';
        // A deadline complete before the break is not continued after it: these words are another column's.
        if (before !== '' && fitsDeadline(before.trim())) return 2.0 * length;
        const reading = readsAsDeadline(before + joinTokens(tokens.slice(a, b)));
        if (reading === 'complete') return -2.5 - 0.4 * length + 0.3 * wides;
        if (reading === 'with-remainder') return -1.0 - 0.3 * length + 0.3 * wides;
        if (position === 'continuation') return 0.5 * length;
        if (position === 'first' && DEADLINE_START.test(tokens[a]!.raw)) return 0.5 * length;
        return 2.0 * length + startPenalty(a, 2);
      }
    }
  };

  // Cells start with a capital; inside a part after a page break they may not.
  const startPenalty = (a: number, cost: number): number =>
    position !== 'continuation' && /^\p{Ll}/u.test(tokens[a]!.raw) ? (/^các$/u.test(tokens[a]!.raw) ? cost / 3 : cost) : 0;

  const cutCost = (at: number): number => {
    if (at >= n) return 0;
    const token = tokens[at]!;
    // A cell rarely ends on a comma or semicolon: the list goes on.
    const listGoesOn = at > 0 && /[,;:]$/.test(tokens[at - 1]!.raw) ? 1.0 : 0;
    if (token.lineStart || token.gapBefore) return listGoesOn;
    return listGoesOn + (/^[\p{Lu}\d(“"]/u.test(token.raw) || position === 'continuation' ? 1.5 : 4);
  };


  // best[k][i]: cheapest cutting of tokens [0, i) into the first k columns.
  const m = roles.length;
  const best: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY));
  const from: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(-1));
  best[0]![0] = 0;
  for (let k = 0; k < m; k += 1) {
    const role = roles[k]!;
    for (let i = 0; i <= n; i += 1) {
      const base = best[k]![i]!;
      if (!Number.isFinite(base)) continue;
      const cut = k === 0 ? 0 : cutCost(i);
      for (let j = i; j <= n; j += 1) {
        const cost = base + segmentCost(role, i, j) + (j > i ? cut : 0);
        if (cost < best[k + 1]![j]!) {
          best[k + 1]![j] = cost;
          from[k + 1]![j] = i;
        }
      }
    }
  }

  const segments: ColumnSegment[] = [];
  let end = n;
  for (let k = m; k > 0; k -= 1) {
    const start = from[k]![end]!;
    const role = roles[k - 1]!;
    const token = tokens[start];
    const guessedCut = k > 1 && start < end && token !== undefined && !token.lineStart && !token.gapBefore;
    const uncovered = role === 'lead' || role === 'coordinators' ? Math.max(0, end - start - cover(start, end) - (fillerCount[end]! - fillerCount[start]!)) : 0;
    segments.unshift({ role, start, end, guessedCut, uncovered });
    end = start;
  }
  return segments;
}

type DeadlineFit = 'complete' | 'with-remainder' | 'no';
const deadlineCache = new Map<string, DeadlineFit>();
const PLAUSIBLE_DEADLINE = /^(?:\d|sau|khi|thường|hằng|hàng|năm|giai|từ|tháng|quý|trước|ngày|trong|đến|chậm)/iu;
/** "Sau khi … Trung ương" parses whatever follows; for cutting, the cell must also end like a deadline. */
const GUIDANCE_END = /(?:trung ương|ban hành|hướng dẫn|văn bản)\s*[.;]?$/iu;

const GUIDANCE_WORDS = new Set('sau khi có văn bản hướng dẫn của trung ương ban hành chính phủ quy định các bộ ngành'.split(' '));

function readsAsDeadline(text: string): DeadlineFit {
  const known = deadlineCache.get(text);
  if (known !== undefined) return known;
  let fit: DeadlineFit = 'no';
  if (PLAUSIBLE_DEADLINE.test(text) && text.length <= 160) {
    if (fitsDeadline(text)) fit = 'complete';
    else {
      // A word or three of the cell before, printed below the deadline ("… Trung ương Chương trình").
      const words = text.split(' ');
      for (let drop = 1; drop <= 3 && drop < words.length; drop += 1) {
        if (fitsDeadline(words.slice(0, -drop).join(' '))) {
          fit = 'with-remainder';
          break;
        }
      }
    }
  }
  if (deadlineCache.size > 50_000) deadlineCache.clear();
  deadlineCache.set(text, fit);
  return fit;
}

export function fitsDeadline(text: string): boolean {
  if (text.split(' ').length > MAX_DEADLINE_TOKENS || !mayBeDeadline(text)) return false;
  const reading = interpretDeadline(text);
  if (reading.status === 'unreadable') return false;
  if (reading.status !== 'catalog' || reading.kind !== 'after-central-guidance') return true;
  // The parser takes anything between "Sau khi" and "Trung ương"; a cell holds only these words.
  return GUIDANCE_END.test(text) && text.toLocaleLowerCase('vi').split(/[\s,.;]+/).every((word) => word === '' || GUIDANCE_WORDS.has(word));
}

/**
 * A cheap first look: the parser explains every failure with spelling
 * suggestions, far too slow for the thousands of candidate cuts of a row.
 */
function mayBeDeadline(text: string): boolean {
  if (!PLAUSIBLE_DEADLINE.test(text)) return false;
  if (/^(?:sau|khi)/iu.test(text)) return /trung ương/iu.test(text);
  if (/^(?:thường|hằng|hàng)/iu.test(text)) return text.split(' ').length <= 4;
  return /\d{4}/.test(text);
}

function emptyCost(role: FieldRole, position: PartPosition): number {
  if (position === 'continuation') return 0;
  switch (role) {
    case 'name':
    case 'lead':
      return 6;
    case 'deadline':
      return 3;
    default:
      return 0.8;
  }
}

function prefixSums(values: readonly number[]): number[] {
  const sums = [0];
  for (const value of values) sums.push(sums[sums.length - 1]! + value);
  return sums;
}

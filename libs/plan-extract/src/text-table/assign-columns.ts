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
 */
export function assignColumns(
  tokens: readonly TextToken[],
  roles: readonly FieldRole[],
  position: PartPosition,
  context: AssignContext,
  carried: Readonly<Partial<Record<FieldRole, readonly TextToken[]>>> = {},
): ColumnSegment[] {
  const n = tokens.length;
  const isFiller = tokens.map((t) => t.keys.length === 0 || t.keys.every((k) => FILLER.has(k)));
  const cover = coverage(tokens, context.spellings, () => false);
  // Covered by a name or a joining word ("và", ",", "-"): what is left is unexplained.
  const explained = coverage(tokens, context.spellings, (i) => isFiller[i]!);
  const joined = unseparatedNames(tokens, context.spellings);
  const completes = (role: FieldRole) => completionEnds(carried[role] ?? [], tokens, context.spellings);
  const completion: Partial<Record<FieldRole, Int32Array>> = { lead: completes('lead'), coordinators: completes('coordinators') };
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
    if (length === 0) return emptyCost(role, position);
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
        const open = position === 'first' && b === n ? openNameAt(a) : 0;
        const covering = Math.max(covered, finished + cover(a + finished, b - open) + open);
        const uncovered = Math.max(0, length - Math.max(explained(a, b), finished + explained(a + finished, b - open) + open));
        const unseparated = joined[b - 1]! - joined[a]!;
        return -1.0 * covering + 3.0 * uncovered + 0.6 * wides + 3.0 * unseparated + startPenalty(a, 3);
      }
      case 'result':
        return 0.5 * covered + 0.3 * (length - covered) + 0.6 * wides + startPenalty(a, 1.5);
      case 'deadline': {
        if (length > MAX_DEADLINE_TOKENS) return 2.0 * length;
        const before = position === 'continuation' && carried.deadline && carried.deadline.length > 0 ? joinTokens(carried.deadline) + ' ' : '';
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

  // openNameAt(a): how many words at the end of the part, from a on, begin a directory name.
  const openNames = openNameLengths(tokens, context.spellings);
  const openNameAt = (a: number): number => {
    const length = openNames[a]!;
    return a + length === n ? length : 0;
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

/** lengths[a]: words from a to the end of the tokens that are the beginning of some directory name. */
function openNameLengths(tokens: readonly TextToken[], spellings: AgencySpellings): number[] {
  const n = tokens.length;
  const lengths = new Array<number>(n + 1).fill(0);
  for (let a = Math.max(0, n - spellings.maxWords); a < n; a += 1) {
    const keys = tokens.slice(a).flatMap((t) => t.keys);
    if (keys.length > 0 && spellings.isPrefix(keys)) lengths[a] = n - a;
  }
  return lengths;
}

/** The segment start when a carried name is completed from it; -1 otherwise. */
function completionStart(ends: Int32Array | undefined, a: number, b: number): number {
  return ends && ends[a]! > a && ends[a]! <= b ? a : -1;
}

/**
 * ends[s]: the furthest e such that the end of `carried` followed by
 * tokens [s, e) spells a directory name; s when there is none.
 */
function completionEnds(carried: readonly TextToken[], tokens: readonly TextToken[], spellings: AgencySpellings): Int32Array {
  const ends = Int32Array.from({ length: tokens.length + 1 }, (_, i) => i);
  const tailKeys = carried.slice(-spellings.maxWords).flatMap((t) => t.keys);
  // A column whose words before the break already end a whole name is not continued by the next words.
  if (tailKeys.length === 0 || tailKeys.some((_, k) => spellings.lookup(tailKeys.slice(k)))) return ends;
  for (let s = 0; s < tokens.length; s += 1) {
    const keys: string[] = [];
    for (let e = s + 1; e <= Math.min(tokens.length, s + spellings.maxWords); e += 1) {
      keys.push(...tokens[e - 1]!.keys);
      for (let k = 1; k <= tailKeys.length && k + keys.length <= spellings.maxWords; k += 1) {
        if (spellings.lookup([...tailKeys.slice(-k), ...keys])) ends[s] = e;
      }
    }
  }
  return ends;
}

/**
 * joined[i]: how many of tokens [0, i] start a directory name right after
 * another name with no comma or semicolon between them: two cells of one
 * line ("… Truyền thông Các sở, ngành …") rather than a list in one cell.
 */
function unseparatedNames(tokens: readonly TextToken[], spellings: AgencySpellings): number[] {
  const n = tokens.length;
  const startsName = new Array<boolean>(n).fill(false);
  const endsName = new Array<boolean>(n + 1).fill(false);
  forEachName(tokens, spellings, (start, end, distributed) => {
    if (distributed) return;
    startsName[start] = true;
    endsName[end] = true;
  });
  // "Các Sở: …" opens a list of names as well.
  tokens.forEach((token, i) => {
    if (/^các$/iu.test(token.raw) && /^(?:sở|bộ|ban):$/iu.test(tokens[i + 1]?.raw ?? '')) startsName[i] = true;
  });
  const counts: number[] = [];
  let count = 0;
  for (let i = 0; i < n; i += 1) {
    if (i > 0 && startsName[i] && endsName[i] && !/[,;:]$/.test(tokens[i - 1]!.raw)) count += 1;
    counts.push(count);
  }
  return counts;
}

/**
 * Calls back for every run of tokens that spells a directory name. After
 * "Các Sở:" the names of the list are written without "Sở" ("Các Sở: Y tế,
 * Công Thương"), so there each run is also tried with the kind put before it.
 */
function forEachName(tokens: readonly TextToken[], spellings: AgencySpellings, found: (start: number, end: number, distributed: boolean) => void): void {
  const n = tokens.length;
  let kind: string[] | null = null;
  let kindAt = -1;
  for (let start = 0; start < n; start += 1) {
    const token = tokens[start]!;
    if (/^(?:sở|bộ|ban):$/iu.test(token.raw) && /^các$/iu.test(tokens[start - 1]?.raw ?? '')) {
      kind = [...token.keys];
      kindAt = start;
    }
    const distributed = kind !== null && start > kindAt && start - kindAt <= 40;
    const keys: string[] = [];
    for (let end = start + 1; end <= Math.min(n, start + spellings.maxWords); end += 1) {
      keys.push(...tokens[end - 1]!.keys);
      if (keys.length > spellings.maxWords || tokens[end - 1]!.keys.length === 0) continue;
      if (spellings.lookup(keys)) found(start, end, false);
      else if (distributed && kind && spellings.lookup([...kind, ...keys])) found(start, end, true);
    }
  }
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

/**
 * cover(a, b): how many tokens of [a, b) the directory's names cover, using
 * non-overlapping names that lie wholly inside the range.
 */
function coverage(tokens: readonly TextToken[], spellings: AgencySpellings, free: (i: number) => boolean): (a: number, b: number) => number {
  const n = tokens.length;
  // Names ending at each token: their start indices.
  const endingAt: number[][] = Array.from({ length: n + 1 }, () => []);
  forEachName(tokens, spellings, (start, end) => endingAt[end]!.push(start));
  const memo = new Map<number, number[]>();
  return (a, b) => {
    let row = memo.get(a);
    if (!row) {
      row = new Array<number>(n + 1).fill(0);
      for (let end = a + 1; end <= n; end += 1) {
        let value = row[end - 1]! + (free(end - 1) ? 1 : 0);
        for (const start of endingAt[end]!) if (start >= a) value = Math.max(value, row[start]! + (end - start));
        row[end] = value;
      }
      memo.set(a, row);
    }
    return row[b]!;
  };
}

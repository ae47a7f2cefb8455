// Where the directory's names lie in a run of words: how many words names
// cover, names run together without a comma (two cells on one line), and the
// names a page break cuts in two (begun before it, finished after it).
import type { AgencySpellings } from '../agencies/agency-spellings';
import type { TextToken } from './text-tokens';

/**
 * tails[b]: the lengths (ascending) of the word runs ending at b that begin a
 * directory name some run of `following` finishes: a cell cut off by the page break.
 */
export function openNameTails(tokens: readonly TextToken[], following: readonly TextToken[], spellings: AgencySpellings): number[][] {
  const completable = new Map<string, boolean>();
  const completes = (keys: readonly string[]): boolean => {
    const key = keys.join(' ');
    let known = completable.get(key);
    if (known === undefined) {
      known = following.some((_, s) => {
        const rest: string[] = [];
        for (let e = s; e < following.length && keys.length + rest.length < spellings.maxWords; e += 1) {
          rest.push(...following[e]!.keys);
          if (spellings.lookup([...keys, ...rest])) return true;
        }
        return false;
      });
      completable.set(key, known);
    }
    return known;
  };
  return Array.from({ length: tokens.length + 1 }, (_, b) => {
    const lengths: number[] = [];
    const keys: string[] = [];
    for (let length = 1; length <= Math.min(b, spellings.maxWords); length += 1) {
      keys.unshift(...tokens[b - length]!.keys);
      if (keys.length > spellings.maxWords) break;
      if (keys.length > 0 && spellings.isPrefix(keys) && completes(keys)) lengths.push(length);
    }
    return lengths;
  });
}

/** True when the words end in the first words of a directory name, and in no whole name. */
export function endsOpen(carried: readonly TextToken[], spellings: AgencySpellings): boolean {
  const tailKeys = carried.slice(-spellings.maxWords).flatMap((t) => t.keys);
  const suffixes = tailKeys.map((_, k) => tailKeys.slice(k));
  return !suffixes.some((keys) => spellings.lookup(keys)) && suffixes.some((keys) => spellings.isPrefix(keys));
}

/** The segment start when a carried name is completed from it; -1 otherwise. */
export function completionStart(ends: Int32Array | undefined, a: number, b: number): number {
  return ends && ends[a]! > a && ends[a]! <= b ? a : -1;
}

/**
 * ends[s]: the furthest e such that the end of `carried` followed by
 * tokens [s, e) spells a directory name; s when there is none.
 */
export function completionEnds(carried: readonly TextToken[], tokens: readonly TextToken[], spellings: AgencySpellings): Int32Array {
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
export function unseparatedNames(tokens: readonly TextToken[], spellings: AgencySpellings): number[] {
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
export function forEachName(tokens: readonly TextToken[], spellings: AgencySpellings, found: (start: number, end: number, distributed: boolean) => void): void {
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

/**
 * cover(a, b): how many tokens of [a, b) the directory's names cover, using
 * non-overlapping names that lie wholly inside the range.
 */
export function coverage(tokens: readonly TextToken[], spellings: AgencySpellings, free: (i: number) => boolean): (a: number, b: number) => number {
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

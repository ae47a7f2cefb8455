import { editDistance } from './edit-distance';
import { slugVietnamese } from './fold-vietnamese';

export interface SuggestionCandidate<T> {
  /** Any spelling that should lead to `value`: an id, a name, an alias. */
  readonly key: string;
  readonly value: T;
}

/**
 * The candidate closest to `input`, compared without diacritics, case or
 * punctuation; null when nothing is close enough to be a plausible typo.
 * An exact match after folding wins outright ("Sở Khoa học và Công nghệ" finds
 * the agency that has it as an alias).
 */
export function suggestClosest<T>(input: string, candidates: Iterable<SuggestionCandidate<T>>): T | null {
  const wanted = slugVietnamese(input);
  if (wanted === '') return null;
  // About one typo per three characters, at least two: enough for "so-khcm",
  // not so much that every short id matches every other.
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  let best: { value: T; distance: number } | null = null;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, slugVietnamese(candidate.key));
    if (distance === 0) return candidate.value;
    if (distance <= limit && (best === null || distance < best.distance)) {
      best = { value: candidate.value, distance };
    }
  }
  return best?.value ?? null;
}

/** `suggestClosest` over plain strings. */
export function suggestWord(input: string, words: Iterable<string>): string | null {
  return suggestClosest(input, Array.from(words, (word) => ({ key: word, value: word })));
}

// Accent-insensitive search: "so khcn" finds "Sở KH&CN". Folds case and
// diacritics (NFD, marks removed, đ → d) on both sides.

/** Lower case without diacritics; punctuation becomes `separator` ("KH&CN" → "khcn" or "kh cn"). */
export function foldVietnamese(text: string, separator = ' '): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, separator)
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Every word of the query occurs in the text, ignoring accents, case and punctuation inside words. */
export function matchesSearch(text: string, query: string): boolean {
  const spaced = foldVietnamese(text);
  const squeezed = foldVietnamese(text, '');
  return foldVietnamese(query)
    .split(' ')
    .filter(Boolean)
    .every((word) => spaced.includes(word) || squeezed.includes(word));
}

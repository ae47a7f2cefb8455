// Typos in seeds often differ from the intended spelling only in diacritics
// ("Hang nam" for "Hằng năm") or in case; comparing folded text lets
// suggestions find them.

/** Lower-case ASCII: diacritics removed, "đ" → "d", whitespace collapsed. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Folded and reduced to an id-like slug: "Sở KH&CN" → "so-kh-cn". */
export function slugVietnamese(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Unicode-normalised, case-folded and whitespace-collapsed, diacritics kept: two spellings of the same name. */
export function normaliseName(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

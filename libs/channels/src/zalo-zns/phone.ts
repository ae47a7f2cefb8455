// ZNS wants Vietnamese mobile numbers as 84xxxxxxxxx. The directory holds
// them as people write them: "0900 000 101", "+84 90-000-0101", "(090) 0000101".

/** The 84xxxxxxxxx form, or null when the text is not a Vietnamese mobile number. */
export function normaliseVietnamesePhone(text: string): string | null {
  const digits = text.trim().replace(/[\s.()-]/g, '');
  let national: string;
  if (/^\+84\d+$/.test(digits)) national = digits.slice(3);
  else if (/^84\d{9}$/.test(digits)) national = digits.slice(2);
  else if (/^0\d{9}$/.test(digits)) national = digits.slice(1);
  else return null;
  // Mobile prefixes since the 2018 renumbering: 3x, 5x, 7x, 8x, 9x.
  return /^[35789]\d{8}$/.test(national) ? `84${national}` : null;
}

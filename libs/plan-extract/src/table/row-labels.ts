// What the TT cell says about a row: a task number ("12", "12."), a group
// heading (a roman numeral or a capital letter: "II", "B."), or a sub-item
// of the task above ("a)", "-", "1.2").

/** The task number of a TT cell, or null. */
export function taskLabel(text: string): number | null {
  const match = /^(\d{1,3})\.?$/.exec(text.trim());
  return match ? Number(match[1]) : null;
}

const ROMAN = /^(M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))$/;

/** The group number of a heading's TT cell ("II.", "IV", "A."), or null. */
export function groupLabel(text: string): string | null {
  const trimmed = text.trim().replace(/[.:]$/, '');
  if (trimmed !== '' && ROMAN.test(trimmed)) return trimmed;
  if (/^[A-Z]$/.test(trimmed) && /[.:]$/.test(text.trim())) return trimmed;
  return null;
}

/** A sub-item of the task above: "a)", "b.", "-", "+", "1.2". */
export function subItemLabel(text: string): string | null {
  const trimmed = text.trim();
  if (/^[a-zđ][).]$/.test(trimmed) || /^[-–+•*]$/.test(trimmed) || /^\d{1,3}\.\d{1,2}\.?$/.test(trimmed)) return trimmed.replace(/\.$/, '');
  return null;
}

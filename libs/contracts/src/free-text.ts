import { z } from 'zod';

// Free text people type (reasons, notes, results, comments) enters through one
// rule: no control characters but tab and newline, and well-formed Unicode.
// PostgreSQL refuses NUL in text and JSONB, so such input that got past the
// boundary used to fail after the action was applied; other controls garble
// documents, mails and terminals.

/** C0 controls but tab and line feed (a CR only as part of CRLF), DEL and the C1 controls. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/u;

/** Half a surrogate pair: not Unicode, and no valid UTF-8 once stored. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with a text, in Vietnamese, or null when it may be stored and shown. */
export function freeTextProblem(text: string): string | null {
  if (LONE_SURROGATE.test(text)) return 'Chứa ký tự Unicode không hợp lệ (nửa cặp surrogate).';
  const match = CONTROL_CHARACTER.exec(text);
  if (!match) return null;
  return `Chứa ký tự điều khiển ${codePoint(match[0])} ở vị trí ${match.index + 1}; chỉ được dùng xuống dòng và tab.`;
}

/** Adds the free-text rule to a string schema (after its own trim, length and emptiness checks). */
export function plainText<S extends z.ZodString>(schema: S): S {
  return schema.superRefine((text, ctx) => {
    const problem = freeTextProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }) as S;
}

/** Trimmed free text of at most `max` characters; `required` is the message when it is empty (omit: may be empty). */
export function freeText(max: number, required?: string): z.ZodString {
  const trimmed = z.string(required ? { error: required } : undefined).trim();
  return plainText((required ? trimmed.min(1, required) : trimmed).max(max, `Tối đa ${max} ký tự.`));
}

// Deadline cells are free text in the signed plans. This turns each wording
// found in the seeds into a Deadline kind and explains, in Vietnamese, why any
// other text is not understood, so the person transcribing can fix the cell.
import type { Deadline, MonthDeadline, YearDeadline } from '@dondoc/domain';

import { foldVietnamese } from '../text/fold-vietnamese';
import { suggestWord } from '../text/suggest';

export type DeadlineParseResult =
  | { readonly ok: true; readonly deadline: Deadline }
  | { readonly ok: false; readonly reason: string; readonly message: string };

/**
 * Plans of this programme run to the 2045 vision; anything far outside is a typo. The
 * first year is the working-day calendar's (CALENDAR_YEARS in libs/calendar: the labour
 * code of 2019 took effect in 2021): a task workflow cannot compute a ladder before it.
 */
export const DEADLINE_YEAR_MIN = 2021;
export const DEADLINE_YEAR_MAX = 2100;

const ACCEPTED_FORMS =
  '12/2025, 2026, Năm 2025, 2025-2026, Hằng năm, Thường xuyên, ' +
  'Sau khi có văn bản hướng dẫn của Trung ương, Khi Trung ương ban hành …, 2025 (và tiếp tục duy trì …)';

// Matched case-insensitively on NFC text with single spaces and ASCII hyphens.
const MONTH = /^(?:tháng )?(\d{1,2}) ?\/ ?(\d{4})$/iu;
const YEAR = /^(?:năm )?(\d{4})$/iu;
const YEAR_RANGE = /^(?:giai đoạn |năm |từ (?:năm )?)?(\d{4}) ?(?:-|đến(?: năm)?) ?(\d{4})$/iu;
const YEARLY = /^(?:hằng|hàng) năm$/iu;
const CONTINUOUS = /^thường xuyên(?:,? liên tục)?$/iu;
const CENTRAL_GUIDANCE = /^(?:sau )?khi .*trung ương/iu;
const FIRST_THEN_CONTINUED = /^((?:tháng )?\d{1,2} ?\/ ?\d{4}|(?:năm )?\d{4}) ?(?:\((.+)\)|(và .+))$/iu;
const CONTINUATION = /tiếp (?:tục|theo)/iu;
const DAY_DATE = /^\d{1,2} ?\/ ?\d{1,2} ?\/ ?\d{4}$/u;

type Parsed<T extends Deadline = Deadline> = { ok: true; deadline: T } | { ok: false; reason: string };

/** Parses a deadline cell such as "12/2025", "Hằng năm" or "2025 (và tiếp tục duy trì …)". */
export function parseDeadline(raw: string): DeadlineParseResult {
  const text = normalise(raw);
  const parsed = text === '' ? { ok: false as const, reason: 'ô thời hạn để trống' } : parseText(raw, text);
  if (parsed.ok) return parsed;
  return { ok: false, reason: parsed.reason, message: `không hiểu thời hạn "${raw.trim()}" (${parsed.reason})` };
}

/** NFC, one space between words, ASCII hyphens, no trailing full stop: the transcription varies in all four. */
function normalise(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ ?[.;]$/, '');
}

function parseText(raw: string, text: string): Parsed {
  const dated = parseDated(raw, text);
  if (dated) return dated;

  const range = YEAR_RANGE.exec(text);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    const bad = checkYear(from) ?? checkYear(to);
    if (bad) return { ok: false, reason: bad };
    if (to <= from) return { ok: false, reason: `năm kết thúc ${to} phải sau năm bắt đầu ${from}` };
    return { ok: true, deadline: { kind: 'year-range', raw, from, to } };
  }
  if (YEARLY.test(text)) return { ok: true, deadline: { kind: 'yearly', raw } };
  if (CONTINUOUS.test(text)) return { ok: true, deadline: { kind: 'continuous', raw } };
  if (CENTRAL_GUIDANCE.test(text)) return { ok: true, deadline: { kind: 'after-central-guidance', raw } };

  const continued = FIRST_THEN_CONTINUED.exec(text);
  const firstText = continued?.[1];
  const continuation = (continued?.[2] ?? continued?.[3])?.trim();
  if (firstText && continuation && CONTINUATION.test(continuation)) {
    const first = parseDated(firstText, firstText);
    if (first && !first.ok) return first;
    if (first) return { ok: true, deadline: { kind: 'first-then-continued', raw, first: first.deadline, continuation } };
  }
  return { ok: false, reason: explainUnknown(text) };
}

/** A month or a year on its own; null when the text is neither. */
function parseDated(raw: string, text: string): Parsed<MonthDeadline | YearDeadline> | null {
  const month = MONTH.exec(text);
  if (month) {
    const m = Number(month[1]);
    const year = Number(month[2]);
    if (m < 1 || m > 12) return { ok: false, reason: 'tháng phải từ 1 đến 12' };
    const bad = checkYear(year);
    if (bad) return { ok: false, reason: bad };
    return { ok: true, deadline: { kind: 'month', raw, year, month: m } };
  }
  const year = YEAR.exec(text);
  if (year) {
    const y = Number(year[1]);
    const bad = checkYear(y);
    if (bad) return { ok: false, reason: bad };
    return { ok: true, deadline: { kind: 'year', raw, year: y } };
  }
  return null;
}

function checkYear(year: number): string | null {
  return year < DEADLINE_YEAR_MIN || year > DEADLINE_YEAR_MAX
    ? `năm ${year} phải từ ${DEADLINE_YEAR_MIN} đến ${DEADLINE_YEAR_MAX}`
    : null;
}

/** Why an unrecognised text fails, naming the likely intended wording where one is close. */
function explainUnknown(text: string): string {
  if (DAY_DATE.test(text)) return 'chưa hỗ trợ thời hạn theo ngày; ghi tháng, ví dụ "12/2025"';
  const folded = foldVietnamese(text);
  const withoutDiacritics: Array<[RegExp, string]> = [
    [/^hang nam$/, 'Hằng năm'],
    [/^thuong xuyen$/, 'Thường xuyên'],
    [/^(?:sau )?khi .*trung uong/, 'Sau khi có văn bản hướng dẫn của Trung ương'],
  ];
  for (const [pattern, intended] of withoutDiacritics) {
    if (pattern.test(folded)) return `sai hoặc thiếu dấu tiếng Việt, có phải "${intended}"?`;
  }
  const near = suggestWord(folded, ['Hằng năm', 'Thường xuyên']);
  if (near) return `có phải "${near}"?`;
  return `các dạng được chấp nhận: ${ACCEPTED_FORMS}`;
}

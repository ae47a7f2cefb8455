// A task's deadline as the plan prints it. Plans mix exact months, whole years,
// multi-year periods and open-ended duties; each kind keeps the source text
// (`raw`) because that wording is what officials recognise and quote back.

export const DEADLINE_KINDS = [
  'month',
  'year',
  'year-range',
  'yearly',
  'continuous',
  'after-central-guidance',
  'first-then-continued',
] as const;

export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** "12/2025": due by the end of that month. */
export interface MonthDeadline {
  readonly kind: 'month';
  readonly raw: string;
  readonly year: number;
  /** 1–12 */
  readonly month: number;
}

/** "2026", "Năm 2025": due by the end of that year. */
export interface YearDeadline {
  readonly kind: 'year';
  readonly raw: string;
  readonly year: number;
}

/** "2025-2026": carried out over a period, due by the end of its last year. */
export interface YearRangeDeadline {
  readonly kind: 'year-range';
  readonly raw: string;
  readonly from: number;
  /** Always later than `from`. */
  readonly to: number;
}

/** "Hằng năm", "Hàng năm": recurs every year; the plan's reporting calendar gives the day. */
export interface YearlyDeadline {
  readonly kind: 'yearly';
  readonly raw: string;
}

/** "Thường xuyên": an ongoing duty without a due date, reported on each cycle. */
export interface ContinuousDeadline {
  readonly kind: 'continuous';
  readonly raw: string;
}

/**
 * "Sau khi có văn bản hướng dẫn của Trung ương", "Khi Trung ương ban hành":
 * dormant until a central document arrives, which triggers the task.
 */
export interface AfterCentralGuidanceDeadline {
  readonly kind: 'after-central-guidance';
  readonly raw: string;
}

/** "2025 (và tiếp tục duy trì cho những năm tiếp theo)": a first due date, then an ongoing duty. */
export interface FirstThenContinuedDeadline {
  readonly kind: 'first-then-continued';
  readonly raw: string;
  readonly first: MonthDeadline | YearDeadline;
  /** The wording after the first deadline, e.g. "và tiếp tục duy trì cho những năm tiếp theo". */
  readonly continuation: string;
}

export type Deadline =
  | MonthDeadline
  | YearDeadline
  | YearRangeDeadline
  | YearlyDeadline
  | ContinuousDeadline
  | AfterCentralGuidanceDeadline
  | FirstThenContinuedDeadline;

/** Vietnamese name of each kind, for tables and messages. */
export const DEADLINE_KIND_LABELS: Readonly<Record<DeadlineKind, string>> = {
  month: 'tháng',
  year: 'năm',
  'year-range': 'giai đoạn',
  yearly: 'hằng năm',
  continuous: 'thường xuyên',
  'after-central-guidance': 'sau hướng dẫn của Trung ương',
  'first-then-continued': 'hạn đầu, sau đó duy trì',
};

export interface YearMonth {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
}

/**
 * The month by whose end the first obligation falls due, or null when the
 * deadline has no date of its own (recurring, ongoing or waiting for guidance).
 */
export function firstDueMonth(deadline: Deadline): YearMonth | null {
  switch (deadline.kind) {
    case 'month':
      return { year: deadline.year, month: deadline.month };
    case 'year':
      return { year: deadline.year, month: 12 };
    case 'year-range':
      return { year: deadline.to, month: 12 };
    case 'first-then-continued':
      return firstDueMonth(deadline.first);
    case 'yearly':
    case 'continuous':
    case 'after-central-guidance':
      return null;
  }
}

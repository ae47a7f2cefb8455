// One error for everything wrong in an overrides file, listing every problem
// at once with file:line:column and field, so a single edit fixes the file.

export interface OverridesIssue {
  /** "daysOff[2].date"; "" for the file as a whole. */
  readonly path: string;
  readonly message: string;
  /** 1-based; absent when the data did not come from text. */
  readonly line?: number;
  readonly column?: number;
}

export class CalendarOverridesError extends Error {
  override readonly name = 'CalendarOverridesError';

  constructor(
    /** A file path, or a label such as "<inline>" for data that came from elsewhere. */
    readonly origin: string,
    readonly issues: readonly OverridesIssue[],
  ) {
    super(
      [`lịch nghỉ không hợp lệ (${origin}):`, ...issues.map((issue) => `  ${formatOverridesIssue(origin, issue)}`)].join(
        '\n',
      ),
    );
  }
}

/** `seeds/calendar/2025.yaml:12:11 daysOff[2].date: phải là một ngày có thật, viết YYYY-MM-DD` */
export function formatOverridesIssue(origin: string, issue: OverridesIssue): string {
  const where = issue.line === undefined ? origin : `${origin}:${issue.line}:${issue.column ?? 1}`;
  return issue.path === '' ? `${where}: ${issue.message}` : `${where} ${issue.path}: ${issue.message}`;
}

export function formatFieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    return text === '' ? String(segment) : `${text}.${String(segment)}`;
  }, '');
}

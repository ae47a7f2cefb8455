import { z } from 'zod';

import { plainText } from './free-text';

// What an agency reports for one cycle. Validated where it enters (API, CLI)
// and again by the activity that stores it, with Vietnamese messages the
// officer can act on. The content lives in the database; workflows only ever
// see the row id, so no report text lands in workflow history.

export const TASK_REPORT_STATUSES = ['done', 'on-track', 'late', 'not-started'] as const;
export type TaskReportStatus = (typeof TASK_REPORT_STATUSES)[number];

export const TASK_REPORT_STATUS_LABELS: Readonly<Record<TaskReportStatus, string>> = {
  done: 'Đã hoàn thành',
  'on-track': 'Đang thực hiện, đúng tiến độ',
  late: 'Chậm tiến độ',
  'not-started': 'Chưa triển khai',
};

/** Limits that keep one report printable and the database row reasonable. */
export const REPORT_LIMITS = {
  /** Characters of one free-text field (results, difficulties, proposals). */
  text: 4000,
  /** Characters of one evidence item (document number or link). */
  evidenceItem: 500,
  evidenceItems: 20,
  /** Characters of an indicator's achieved value or note. */
  indicatorValue: 200,
  /** UTF-8 bytes of the whole report as JSON. */
  totalBytes: 256 * 1024,
} as const;

const text = (label: string) =>
  plainText(
    z
      .string({ error: `${label} phải là văn bản.` })
      .max(REPORT_LIMITS.text, { error: `${label} dài quá ${REPORT_LIMITS.text} ký tự; đề nghị tóm tắt và gửi chi tiết bằng văn bản đính kèm.` }),
  );

export const taskReportSchema = z.object({
  taskId: z.string({ error: 'Thiếu mã nhiệm vụ.' }).min(1, { error: 'Thiếu mã nhiệm vụ.' }),
  status: z.enum(TASK_REPORT_STATUSES, { error: `Tình trạng phải là một trong: ${TASK_REPORT_STATUSES.join(', ')}.` }),
  percent: z
    .number({ error: 'Tỷ lệ hoàn thành phải là số.' })
    .int({ error: 'Tỷ lệ hoàn thành phải là số nguyên.' })
    .min(0, { error: 'Tỷ lệ hoàn thành phải từ 0 đến 100.' })
    .max(100, { error: 'Tỷ lệ hoàn thành phải từ 0 đến 100.' }),
  results: text('Kết quả thực hiện'),
  evidence: z
    .array(plainText(z.string().min(1).max(REPORT_LIMITS.evidenceItem, { error: `Mỗi minh chứng tối đa ${REPORT_LIMITS.evidenceItem} ký tự.` })))
    .max(REPORT_LIMITS.evidenceItems, { error: `Tối đa ${REPORT_LIMITS.evidenceItems} minh chứng cho một nhiệm vụ.` })
    .default([]),
  difficulties: text('Khó khăn, vướng mắc').default(''),
  proposals: text('Đề xuất, kiến nghị').default(''),
});

export const indicatorReportSchema = z.object({
  indicatorId: z.string({ error: 'Thiếu mã chỉ tiêu.' }).min(1, { error: 'Thiếu mã chỉ tiêu.' }),
  achieved: plainText(
    z
      .string({ error: 'Giá trị đạt được phải là văn bản.' })
      .trim()
      .min(1, { error: 'Cần giá trị đạt được của chỉ tiêu.' })
      .max(REPORT_LIMITS.indicatorValue, { error: `Giá trị đạt được tối đa ${REPORT_LIMITS.indicatorValue} ký tự.` }),
  ),
  note: plainText(z.string().max(REPORT_LIMITS.indicatorValue, { error: `Ghi chú chỉ tiêu tối đa ${REPORT_LIMITS.indicatorValue} ký tự.` })).default(''),
});

export const reportContentSchema = z.object({
  tasks: z.array(taskReportSchema).default([]),
  indicators: z.array(indicatorReportSchema).default([]),
  /** Optional covering remarks of the agency. */
  summary: text('Nhận xét chung').default(''),
});

export type TaskReport = z.infer<typeof taskReportSchema>;
export type IndicatorReport = z.infer<typeof indicatorReportSchema>;
export type ReportContent = z.infer<typeof reportContentSchema>;

/** What an agency must report on: its tasks and the indicators it monitors. */
export interface ReportScope {
  readonly taskIds: readonly string[];
  readonly indicatorIds: readonly string[];
}

/** One problem of a report: the field it is about (dotted path, "(body)" for the whole) and why, in Vietnamese. */
export interface ReportIssue {
  readonly field: string;
  readonly reason: string;
}

export type ReportValidation =
  | { readonly ok: true; readonly content: ReportContent }
  | {
      readonly ok: false;
      /** The reasons, each naming the task or indicator it is about (what the CLI prints). */
      readonly errors: readonly string[];
      /** The same problems with the field they are about (what the API's 400 lists). */
      readonly issues: readonly ReportIssue[];
      /** The whole report is over REPORT_LIMITS.totalBytes (the API answers 413). */
      readonly tooLarge: boolean;
    };

const failed = (issues: readonly ReportIssue[], tooLarge = false): ReportValidation => ({ ok: false, errors: issues.map((i) => i.reason), issues, tooLarge });

/**
 * Parses a report and checks it against the agency's scope: every task and
 * indicator once, nothing else, within the size limits. Errors name the item.
 */
export function validateReportContent(input: unknown, scope: ReportScope): ReportValidation {
  const size = new TextEncoder().encode(JSON.stringify(input ?? null)).length;
  if (size > REPORT_LIMITS.totalBytes) {
    return failed([{ field: '(body)', reason: `Báo cáo quá lớn (${Math.ceil(size / 1024)} KB; tối đa ${REPORT_LIMITS.totalBytes / 1024} KB).` }], true);
  }
  const parsed = reportContentSchema.safeParse(input);
  if (!parsed.success) {
    return failed(parsed.error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(body)', reason: `${issueLocation(input, issue.path)}${issue.message}` })));
  }
  const content = parsed.data;
  const issues: ReportIssue[] = [];
  const check = (list: 'tasks' | 'indicators', kind: string, given: readonly string[], expected: readonly string[]) => {
    const seen = new Set<string>();
    for (const [index, id] of given.entries()) {
      const field = `${list}.${index}.${list === 'tasks' ? 'taskId' : 'indicatorId'}`;
      if (!expected.includes(id)) issues.push({ field, reason: `${kind} ${id} không thuộc phạm vi báo cáo của cơ quan.` });
      else if (seen.has(id)) issues.push({ field, reason: `${kind} ${id} được báo cáo hai lần.` });
      seen.add(id);
    }
    for (const id of expected) if (!seen.has(id)) issues.push({ field: list, reason: `Thiếu báo cáo ${kind.toLowerCase()} ${id}.` });
  };
  check('tasks', 'Nhiệm vụ', content.tasks.map((t) => t.taskId), scope.taskIds);
  check('indicators', 'Chỉ tiêu', content.indicators.map((i) => i.indicatorId), scope.indicatorIds);
  for (const [index, task] of content.tasks.entries()) {
    if (task.status === 'done' && task.percent !== 100) issues.push({ field: `tasks.${index}.percent`, reason: `Nhiệm vụ ${task.taskId}: đã hoàn thành thì tỷ lệ phải là 100%.` });
    if (task.status === 'not-started' && task.percent !== 0) issues.push({ field: `tasks.${index}.percent`, reason: `Nhiệm vụ ${task.taskId}: chưa triển khai thì tỷ lệ phải là 0%.` });
    if (task.status !== 'not-started' && !task.results.trim()) issues.push({ field: `tasks.${index}.results`, reason: `Nhiệm vụ ${task.taskId}: cần nêu kết quả thực hiện.` });
  }
  return issues.length ? failed(issues) : { ok: true, content };
}

/** "Nhiệm vụ I.2: " for an issue inside a task, so the officer finds the row. */
function issueLocation(input: unknown, path: readonly PropertyKey[]): string {
  const [list, index] = path;
  if (typeof index !== 'number' || (list !== 'tasks' && list !== 'indicators')) return '';
  const items = (input as Record<string, unknown> | null)?.[list];
  const item = Array.isArray(items) ? (items[index] as Record<string, unknown> | undefined) : undefined;
  const id = item?.[list === 'tasks' ? 'taskId' : 'indicatorId'];
  const label = list === 'tasks' ? 'Nhiệm vụ' : 'Chỉ tiêu';
  return `${label} ${typeof id === 'string' ? id : `thứ ${index + 1}`}: `;
}

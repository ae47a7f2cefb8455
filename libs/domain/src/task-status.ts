// The life of one cycle of a task for one lead agency, and the categories the
// oversight offices count tasks by. Acknowledged (tiếp nhận) is kept apart from
// completed (hoàn thành): receiving a task is not doing it; and an agency only
// proposes completion (đề nghị hoàn thành): Sở KH&CN confirms it, unless the plan
// takes the agency's word (`completion: self`).

/** What task workflows report today (the DondocStatus search attribute, TaskState.status). */
export const TASK_STATUSES = [
  'waiting-trigger',
  'not-due',
  'active',
  'overdue',
  'proposed',
  'completed-on-time',
  'completed-late',
  'paused',
  'cancelled',
  'merged',
] as const;
export type CurrentTaskStatus = (typeof TASK_STATUSES)[number];

/**
 * Reported by workflows that started before the status model above and have not
 * moved to it yet (they move at their next step), and by tasks closed before it.
 * Lists and filters keep accepting them.
 */
export const LEGACY_TASK_STATUSES = ['due', 'completed'] as const;
export type LegacyTaskStatus = (typeof LEGACY_TASK_STATUSES)[number];

export type TaskStatus = CurrentTaskStatus | LegacyTaskStatus;
/** Every value a list filter accepts. */
export const ALL_TASK_STATUSES: readonly TaskStatus[] = [...TASK_STATUSES, ...LEGACY_TASK_STATUSES];

export const TASK_STATUS_LABELS: Readonly<Record<TaskStatus, string>> = {
  'waiting-trigger': 'Chờ hướng dẫn',
  'not-due': 'Chưa đến hạn',
  active: 'Đang thực hiện (trong hạn)',
  overdue: 'Quá hạn',
  proposed: 'Đề nghị hoàn thành',
  'completed-on-time': 'Hoàn thành đúng hạn',
  'completed-late': 'Hoàn thành quá hạn',
  paused: 'Tạm dừng',
  cancelled: 'Đã hủy',
  merged: 'Đã gộp (sáp nhập cơ quan)',
  due: 'Đến hạn',
  completed: 'Hoàn thành',
};

export const COMPLETED_STATUSES: readonly TaskStatus[] = ['completed-on-time', 'completed-late', 'completed'];
export const isCompletedStatus = (status: TaskStatus) => COMPLETED_STATUSES.includes(status);
/** `merged`: closed by an agency merge, its task continuing in the successor's workflow (TaskState.continuesIn). */
export const isFinalStatus = (status: TaskStatus) => isCompletedStatus(status) || status === 'cancelled' || status === 'merged';
export const isTaskStatus = (value: string): value is TaskStatus => (ALL_TASK_STATUSES as readonly string[]).includes(value);

/**
 * Who has the last word on a completion: `confirmed` (the default), an agency's
 * proposal waits for Sở KH&CN; `self`, the agency's proposal completes the task.
 */
export const COMPLETION_MODES = ['confirmed', 'self'] as const;
export type CompletionMode = (typeof COMPLETION_MODES)[number];

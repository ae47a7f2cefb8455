// The life of one task for one lead agency. Acknowledged (tiếp nhận) is kept
// apart from completed (hoàn thành): receiving a task is not doing it.
export const TASK_STATUSES = ['waiting-trigger', 'active', 'due', 'overdue', 'completed', 'cancelled', 'merged'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_LABELS: Readonly<Record<TaskStatus, string>> = {
  'waiting-trigger': 'Chờ điều kiện bắt đầu',
  active: 'Đang thực hiện',
  due: 'Đến hạn',
  overdue: 'Quá hạn',
  completed: 'Hoàn thành',
  cancelled: 'Đã hủy',
  merged: 'Đã gộp vào nhiệm vụ của cơ quan kế thừa',
};

export const isFinalStatus = (status: TaskStatus) => status === 'completed' || status === 'cancelled' || status === 'merged';

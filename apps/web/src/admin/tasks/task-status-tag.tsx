import { TASK_STATUS_LABELS, type TaskStatus } from '@dondoc/domain';
import { Tag } from 'antd';

import { STATUS_COLOURS } from '../../common/theme';

const COLOURS: Partial<Record<string, string>> = {
  completed: STATUS_COLOURS.onTime,
  overdue: STATUS_COLOURS.overdue,
  due: STATUS_COLOURS.late,
  active: STATUS_COLOURS.inProgress,
  'waiting-trigger': STATUS_COLOURS.notStarted,
  cancelled: STATUS_COLOURS.notStarted,
};

/** A task's status in Vietnamese, in the colour oversight dashboards use for it. */
export function TaskStatusTag({ status }: { status: string | null }) {
  if (!status) return <Tag>Không rõ</Tag>;
  return <Tag color={COLOURS[status]}>{TASK_STATUS_LABELS[status as TaskStatus] ?? status}</Tag>;
}

import { TASK_STATUS_LABELS, type TaskStatus } from '@dondoc/domain';
import { Tag } from 'antd';

import { STATUS_COLOURS } from './theme';

const COLOURS: Partial<Record<string, string>> = {
  'completed-on-time': STATUS_COLOURS.onTime,
  completed: STATUS_COLOURS.onTime,
  'completed-late': STATUS_COLOURS.late,
  overdue: STATUS_COLOURS.overdue,
  due: STATUS_COLOURS.late,
  proposed: 'cyan',
  active: STATUS_COLOURS.inProgress,
  'not-due': STATUS_COLOURS.notStarted,
  'waiting-trigger': STATUS_COLOURS.notStarted,
  paused: 'gold',
  cancelled: STATUS_COLOURS.notStarted,
};

/** The colour of a status, as the officer's page and the dashboard show it. */
export const statusColourOf = (status: string | null) => (status ? COLOURS[status] : undefined);

/** A task's status in Vietnamese, in the colour oversight dashboards use for it. */
export function TaskStatusTag({ status }: { status: string | null }) {
  if (!status) return <Tag>Không rõ</Tag>;
  return <Tag color={COLOURS[status]}>{TASK_STATUS_LABELS[status as TaskStatus] ?? status}</Tag>;
}

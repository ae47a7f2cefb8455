import { Empty, Timeline, Typography } from 'antd';

import { formatInstant } from '../common/dates';
import { TIMELINE_LABELS, timelineColour } from '../common/timeline-labels';
import type { TaskLinkView } from './officer-api';

/** Reminders sent to the agency and what was done on the task, newest first. */
export function TaskTimeline({ events }: { events: TaskLinkView['timeline'] }) {
  if (events.length === 0) return <Empty description="Chưa có hoạt động nào." />;
  const newestFirst = [...events].sort((a, b) => b.at - a.at);
  return (
    <Timeline
      items={newestFirst.map((event, index) => ({
        key: `${event.at}-${index}`,
        color: timelineColour(event.type),
        content: (
          <div className="wrap-anywhere">
            <Typography.Text strong>{TIMELINE_LABELS[event.type] ?? event.type}</Typography.Text>
            <Typography.Text type="secondary"> · {formatInstant(event.at)}</Typography.Text>
            <div className="text-block">{event.detail}</div>
          </div>
        ),
      }))}
    />
  );
}

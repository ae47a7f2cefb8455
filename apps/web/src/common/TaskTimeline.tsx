import { Empty, Timeline, Typography } from 'antd';

import { formatInstant } from './dates';
import { TIMELINE_LABELS, timelineColour } from './timeline-labels';

export interface TimelineEntry {
  readonly at: number;
  readonly type: string;
  readonly detail: string;
}

/** Reminders sent for a task and what was done on it, newest first (officer page and task detail). */
export function TaskTimeline({ events }: { events: readonly TimelineEntry[] }) {
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

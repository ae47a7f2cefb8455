// An agency's deadlines as an iCalendar feed (RFC 5545) for calendar apps.
// Built only from the tasks' state, never from the clock, so the same state gives
// the same bytes: the ETag then stays put and a polling calendar app gets 304.
import ical from 'ical-generator';

export interface FeedTask {
  readonly workflowId: string;
  readonly planId: string | null;
  readonly taskId: string | null;
  readonly name: string | null;
  readonly status: string | null;
  readonly dueDate: string | null;
  /** ISO instant the task's current run began: the event's DTSTAMP (its last revision). */
  readonly startedAt: string | null;
}

export interface DeadlineFeedInput {
  readonly agencyName: string;
  /** The agency was merged away: its tasks now belong to this one. */
  readonly successor: { readonly name: string; readonly since: string } | null;
  readonly tasks: readonly FeedTask[];
}

const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

export function deadlineFeed(input: DeadlineFeedInput): string {
  const dated = input.tasks.filter((t) => t.dueDate !== null).sort((a, b) => a.workflowId.localeCompare(b.workflowId));
  const waiting = input.tasks.filter((t) => t.dueDate === null);
  const notes: string[] = [];
  if (input.successor) {
    notes.push(`${input.agencyName} đã sáp nhập vào ${input.successor.name} từ ngày ${ddmmyyyy(input.successor.since)}; các nhiệm vụ chuyển về ${input.successor.name}. Hãy đăng ký lịch của ${input.successor.name}.`);
  }
  if (waiting.length > 0) {
    notes.push(`${waiting.length} nhiệm vụ chưa có hạn (chờ văn bản hướng dẫn của Trung ương hoặc chờ đến kỳ): ${waiting.map((t) => `${t.taskId ?? t.workflowId} ${t.name ?? ''}`.trim()).join('; ')}.`);
  }
  const name = input.successor ? `Đôn Đốc – ${input.agencyName} (đã sáp nhập vào ${input.successor.name})` : `Đôn Đốc – ${input.agencyName}`;
  // No calendar time zone: the events are all-day dates, and DTSTAMP must be UTC (RFC 5545 §3.8.7.2).
  const calendar = ical({ name, prodId: { company: 'Đôn Đốc', product: 'dondoc', language: 'VI' }, ...(notes.length ? { description: notes.join(' ') } : {}) });
  for (const task of dated) {
    calendar.createEvent({
      id: `${task.workflowId}|${task.dueDate}`,
      start: new Date(`${task.dueDate}T00:00:00Z`),
      allDay: true,
      stamp: new Date(task.startedAt ?? `${task.dueDate}T00:00:00Z`),
      summary: `Hạn: ${task.name ?? task.taskId ?? task.workflowId}`,
      description: `Kế hoạch ${task.planId}, nhiệm vụ ${task.taskId}; trạng thái: ${task.status ?? 'không rõ'}`,
    });
  }
  // ical-generator ends without the CRLF every content line needs (RFC 5545 §3.1).
  return `${calendar.toString()}\r\n`;
}

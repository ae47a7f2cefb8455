import ICAL from 'ical.js';

import { deadlineFeed, type FeedTask } from './deadline-feed';

const task = (over: Partial<FeedTask>): FeedTask => ({
  workflowId: 'task/kh-ai-2025-2030/5/so-cong-thuong-qng',
  planId: 'kh-ai-2025-2030',
  taskId: '5',
  name: 'Xây dựng cơ sở dữ liệu',
  status: 'active',
  dueDate: '2026-12-31',
  startedAt: '2026-12-04T01:00:00.000Z',
  ...over,
});

describe(deadlineFeed.name, () => {
  it('is valid iCalendar: CRLF line ends including the last, DTSTAMP in UTC, one all-day event per due date', () => {
    const ics = deadlineFeed({ agencyName: 'Sở Công Thương tỉnh Quảng Ngãi', successor: null, tasks: [task({})] });
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const [event] = calendar.getAllSubcomponents('vevent');
    expect(event?.getFirstPropertyValue('summary')).toBe('Hạn: Xây dựng cơ sở dữ liệu');
    const start = event?.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect([start.isDate, start.toString()]).toEqual([true, '2026-12-31']);
    const stamp = event?.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.zone?.tzid).toBe('UTC');
    expect(stamp.toJSDate().toISOString()).toBe('2026-12-04T01:00:00.000Z');
  });

  it('gives the same bytes for the same tasks, whatever the clock or the order they were listed in', () => {
    const a = task({});
    const b = task({ workflowId: 'task/kh-ai-2025-2030/6/so-cong-thuong-qng', taskId: '6', dueDate: '2027-06-30' });
    const first = deadlineFeed({ agencyName: 'X', successor: null, tasks: [a, b] });
    jest.useFakeTimers({ now: Date.UTC(2027, 0, 1) });
    try {
      expect(deadlineFeed({ agencyName: 'X', successor: null, tasks: [b, a] })).toBe(first);
    } finally {
      jest.useRealTimers();
    }
  });

  it("says in the calendar's description that the agency was merged, into whom, and which tasks wait for their trigger", () => {
    const ics = deadlineFeed({
      agencyName: 'Sở Khoa học và Công nghệ tỉnh Kon Tum',
      successor: { name: 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi', since: '2025-07-01' },
      tasks: [task({ taskId: 'III.12', name: 'Triển khai hướng dẫn', dueDate: null, status: 'waiting-trigger' })],
    });
    // Every line ends in CRLF: no bare line feed from the description.
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(0);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Đôn Đốc – Sở Khoa học và Công nghệ tỉnh Kon Tum (đã sáp nhập vào Sở Khoa học và Công nghệ tỉnh Quảng Ngãi)');
    const description = String(calendar.getFirstPropertyValue('x-wr-caldesc'));
    expect(description).toContain('đã sáp nhập vào Sở Khoa học và Công nghệ tỉnh Quảng Ngãi từ ngày 01/07/2025');
    expect(description).toContain('1 nhiệm vụ chưa có hạn (chờ văn bản hướng dẫn của Trung ương hoặc chờ đến kỳ): III.12 Triển khai hướng dẫn.');
  });
});

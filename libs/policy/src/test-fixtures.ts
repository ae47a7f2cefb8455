// Shared by the policy specs: the default policy as data, and a small calendar
// with weekends and the 2026 Tết days off, independent of libs/calendar.
import type { EscalationPolicy } from './escalation-policy';
import { addCalendarDays, type WorkingDayCalendar } from './working-calendar';

export const defaultPolicy: EscalationPolicy = {
  id: 'default',
  sendAt: '08:00',
  before: [
    { id: 'before-30d', calendarDaysBefore: 30, recipients: [{ role: 'focal', channels: ['email', 'zalo'] }], onlyUntilAcknowledged: true },
    { id: 'before-7d', calendarDaysBefore: 7, recipients: [{ role: 'focal', channels: ['email'] }], onlyUntilAcknowledged: false },
    { id: 'before-1wd', workingDaysBefore: 1, recipients: [{ role: 'focal', channels: ['email'] }], onlyUntilAcknowledged: false },
  ],
  onDueDate: { id: 'due-day', recipients: [{ role: 'focal', channels: ['email'] }], onlyUntilAcknowledged: false },
  after: [
    { id: 'overdue-1wd', workingDaysAfter: 1, recipients: [{ role: 'head', channels: ['email'] }], onlyUntilAcknowledged: false },
    { id: 'overdue-5wd', workingDaysAfter: 5, recipients: [{ role: 'department', channels: ['email'] }], onlyUntilAcknowledged: false },
    { id: 'overdue-15wd', workingDaysAfter: 15, recipients: [{ role: 'provincial-office', channels: ['email'] }], onlyUntilAcknowledged: false },
  ],
  repeat: { everyCalendarDays: 7, recipients: [{ role: 'head', channels: ['email'] }], maxRepeats: null },
  guidanceLeadDays: 60,
};

const tet2026 = new Set(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);

/** Weekends plus Tết 2026; office hours 07:30–11:30, 13:30–17:00 in UTC+7. */
export const simpleCalendar: WorkingDayCalendar = {
  isWorkingDay(date) {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !tet2026.has(date);
  },
  addWorkingDays(date, n) {
    let day = date;
    for (let left = Math.abs(n); left > 0; ) {
      day = addCalendarDays(day, Math.sign(n));
      if (this.isWorkingDay(day)) left--;
    }
    return day;
  },
  nextOfficeMoment(instant) {
    for (let t = instant; ; ) {
      const local = new Date(t + 7 * 3_600_000);
      const date = local.toISOString().slice(0, 10);
      const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
      const dayStart = Date.parse(`${date}T00:00:00Z`) - 7 * 3_600_000;
      if (this.isWorkingDay(date)) {
        if (minutes < 450) return dayStart + 450 * 60_000;
        if (minutes < 690) return t;
        if (minutes < 810) return dayStart + 810 * 60_000;
        if (minutes < 1020) return t;
      }
      t = dayStart + 86_400_000;
    }
  },
};

import { loadCalendarOverridesDir, WorkingCalendar } from '@dondoc/calendar';
import { renderNotification } from '@dondoc/channels';
import { type DeliveryContact, type NotificationJob, type RecipientRole, reminderKey } from '@dondoc/contracts';
import { verifyLinkToken } from '@dondoc/links';
import path from 'node:path';

import { messageValues } from './message-values';

// Issue 12 §4: the day counts of a message are the moment's, not the ladder step's.
// "Now" is pinned to the morning of Friday 04/12/2026 in Vietnam, as in the issue.
const NOW = Date.parse('2026-12-04T08:00:00+07:00');
const calendar = new WorkingCalendar({ overrides: loadCalendarOverridesDir(path.join(__dirname, '../../../../seeds/calendar')) });
const links = { publicBaseUrl: 'https://dondoc.kontum.example', secret: 'unit-test-link-secret-0123456789abcdef', ttlDays: 30 };
const focal: DeliveryContact = { name: 'Nguyễn Thị Hằng', title: 'Chuyên viên', agencyId: 'so-y-te-qng', agencyName: 'Sở Y tế tỉnh Quảng Ngãi', email: 'hang@syt.example', phone: null };
const department: DeliveryContact = { name: 'Võ Ngọc Tín', title: 'Chuyên viên', agencyId: 'so-khcn-qng', agencyName: 'Sở Khoa học và Công nghệ', email: 'tin@skhcn.example', phone: null };

/** What a workflow handed over, with the stale day count its ladder step carried. */
function job(template: NotificationJob['template'], dueDate: string, staleDaysLeft: number, workflowId = 'task/kh-ai-2025-2030/14/so-y-te-qng'): NotificationJob {
  return {
    idempotencyKey: reminderKey(workflowId, dueDate, 'step'),
    template,
    workflowId,
    planId: 'kh-ai-2025-2030',
    taskId: '14',
    agencyId: 'so-y-te-qng',
    cycle: 0,
    stepId: 'step',
    recipients: [{ role: 'focal', channels: ['email', 'zalo'] }],
    data: { taskName: 'Ứng dụng trí tuệ nhân tạo trong khám chữa bệnh', planTitle: 'Kế hoạch ứng dụng trí tuệ nhân tạo', dueDate, daysLeft: staleDaysLeft, deadlineText: 'Năm 2026' },
    scheduledFor: NOW - 3 * 86_400_000,
  };
}

const render = (notification: NotificationJob, role: RecipientRole = 'focal', contact = focal, now = NOW) =>
  renderNotification(notification.template, messageValues(notification, role, contact, 'Sở Y tế tỉnh Quảng Ngãi', { links, calendar, now }));

describe(messageValues.name, () => {
  it('a catch-up states the days overdue now, in calendar and working days, and since when', () => {
    // Deadline 15/11/2026 (a Sunday); the ladder's step said 5 days.
    const sut = render(job('catch-up', '2026-11-15', -5));
    expect(sut.text).toContain('tình trạng hiện tại: quá hạn 19 ngày (15 ngày làm việc) kể từ ngày 16/11/2026.');
    expect(sut.text).toContain('Tình trạng: quá hạn 19 ngày (15 ngày làm việc)\n');
    expect(sut.html).toContain('<strong>quá hạn 19 ngày (15 ngày làm việc)</strong>');
    expect(sut.znsData.tinh_trang).toBe('quá hạn 19 ngày (15 ngày LV)');
    expect(sut.text).not.toContain('quá hạn 5 ngày');
  });

  it('a before-30-days catch-up says the days left now', () => {
    const sut = render(job('catch-up', '2026-12-14', 31));
    expect(sut.text).toContain('tình trạng hiện tại: còn 10 ngày.');
    expect(sut.znsData.tinh_trang).toBe('còn 10 ngày');
  });

  it('an escalation counts the days overdue at sending, over a weekend and Tết', () => {
    const sut = render(job('escalation', '2026-11-15', -14));
    expect(sut.subject).toBe('[Đôn Đốc] Nhiệm vụ quá hạn: Ứng dụng trí tuệ nhân tạo trong khám chữa bệnh (quá hạn 19 ngày (15 ngày làm việc))');
    // Due Friday 13/02/2026, before Tết Bính Ngọ: 13 calendar days later only 4 were working days.
    const tet = render(job('escalation', '2026-02-13', -1), 'focal', focal, Date.parse('2026-02-26T08:00:00+07:00'));
    expect(tet.text).toContain('Tình trạng: quá hạn 13 ngày (4 ngày làm việc)\n');
  });

  it('a due-day reminder says "today" on the day, and overdue when it goes out a day late', () => {
    expect(render(job('reminder-due', '2026-12-04', 0)).text).toContain('Tình trạng: đến hạn hôm nay\n');
    const late = render(job('reminder-due', '2026-12-03', 0));
    expect(late.text).toContain('Tình trạng: quá hạn 1 ngày (1 ngày làm việc)\n');
  });

  it('a task released by guidance says how overdue it is now, not when its step was planned', () => {
    // Released with a due date four days back; its step carried "1 day".
    expect(render(job('escalation', '2026-11-30', -1)).text).toContain('Tình trạng: quá hạn 4 ngày (4 ngày làm việc)\n');
    // The weekly repeat of a 12/2025 task says what the task list says (338), not the step's 335.
    expect(render(job('escalation', '2025-12-31', -335)).text).toContain('quá hạn 338 ngày (');
  });

  it('report reminders count to the unit deadline at sending', () => {
    const reminder = render(job('report-reminder', '2026-11-15', -2, 'report/kh-ai-2025-2030/2026/so-y-te-qng'));
    expect(reminder.subject).toBe('[Đôn Đốc] Nhắc gửi báo cáo: Kế hoạch ứng dụng trí tuệ nhân tạo (quá hạn 19 ngày (15 ngày làm việc))');
    const request = render(job('report-request', '2026-12-14', 30, 'report/kh-ai-2025-2030/2026/so-y-te-qng'));
    expect(request.text).toContain('Đến kỳ báo cáo kết quả thực hiện kế hoạch dưới đây (còn 10 ngày).');
  });

  it('signs the link for the recipient: the lead acts, a copy only reads (issue 12 §3)', () => {
    const notification = job('escalation', '2026-11-15', -15);
    const tokenOf = (text: string) => /https:\/\/dondoc\.kontum\.example\/l\/([\w.-]+)/.exec(text)?.[1] ?? '';
    const lead = tokenOf(render(notification, 'head').text);
    expect(verifyLinkToken(lead, links.secret, 'report-progress', NOW)).toMatchObject({ ok: true, claims: { agencyId: 'so-y-te-qng', subject: notification.workflowId } });
    const copy = tokenOf(render(notification, 'department', department).text);
    expect(verifyLinkToken(copy, links.secret, 'report-progress', NOW)).toEqual({ ok: false, reason: 'wrong-purpose' });
    expect(verifyLinkToken(copy, links.secret, 'view-task', NOW)).toMatchObject({ ok: true, claims: { agencyId: 'so-khcn-qng', subject: notification.workflowId } });
    const report = job('report-reminder', '2026-11-15', -15, 'report/kh-ai-2025-2030/2026/so-y-te-qng');
    expect(verifyLinkToken(tokenOf(render(report, 'focal').text), links.secret, 'submit-report', NOW)).toMatchObject({ ok: true });
    expect(verifyLinkToken(tokenOf(render(report, 'provincial-office', department).text), links.secret, 'view-report', NOW)).toMatchObject({ ok: true, claims: { agencyId: 'so-khcn-qng' } });
  });
});

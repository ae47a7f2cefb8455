// Each template rendered for a real recipient and sent through real SMTP into
// the sink: Vietnamese text survives encoding, dates read dd/mm/yyyy, the
// signed link verifies, and the headers are the ones we promise.
import { EmailChannel, messageIdFor, renderNotification, TEMPLATE_WORDING, type TemplateValues } from '@dondoc/channels';
import { NOTIFICATION_TEMPLATES } from '@dondoc/contracts';
import { createLinkToken, linkUrl, verifyLinkToken } from '@dondoc/links';
import type { DeadlineDistance } from '@dondoc/policy';
import type { SmtpSink } from '@dondoc/runtime';
import { startTestSmtpSink } from '@dondoc/test-harness';

import { LINK_SECRET, REPLY_TO, SENDER } from './support/notifier-harness';

const now = Date.UTC(2026, 2, 8, 1, 0);
const token = createLinkToken({ purpose: 'report-progress', subject: 'task/kh-thu/1/so-thu', agencyId: 'so-thu', exp: Math.floor(now / 1000) + 30 * 86_400 }, LINK_SECRET);
const distanceOf = (daysLeft: number | null): DeadlineDistance =>
  daysLeft === null ? { kind: 'none' } : daysLeft > 0 ? { kind: 'ahead', days: daysLeft } : daysLeft === 0 ? { kind: 'today' } : { kind: 'overdue', days: -daysLeft, workingDays: 8, since: '2026-03-16' };
const values = (daysLeft: number | null): TemplateValues => ({
  recipientName: 'Nguyễn Thị Hằng',
  recipientTitle: 'Chuyên viên',
  recipientAgency: 'Sở Thử nghiệm tỉnh Kon Tum',
  agencyName: 'Sở Thử nghiệm tỉnh Kon Tum',
  taskName: 'Xây dựng cơ sở dữ liệu về đổi mới sáng tạo & chuyển đổi số <ưu tiên>',
  planTitle: 'Kế hoạch thực hiện Nghị quyết số 03/NQ-CP',
  dueDate: '2026-03-15',
  distance: distanceOf(daysLeft),
  deadlineText: 'Trước ngày 15/3/2026',
  link: linkUrl('https://dondoc.test.example', token),
  linkExpiresAt: new Date(now + 30 * 86_400_000),
  reference: 'task/kh-thu/1/so-thu|2026-03-15|before-7d',
});

describe('notification templates', () => {
  let sink: SmtpSink;
  let channel: EmailChannel;

  beforeAll(async () => {
    sink = await startTestSmtpSink();
    channel = new EmailChannel({ url: sink.smtpUrl, poolSize: 2, from: SENDER, replyTo: REPLY_TO });
  });
  afterAll(async () => {
    await channel.close();
    await sink.stop();
  });

  it.each(NOTIFICATION_TEMPLATES)('%s: renders Vietnamese subject, HTML and text with the deadline, status and link', (template) => {
    const daysLeft = template === 'escalation' ? -12 : template === 'reminder-due' ? 0 : 7;
    const rendered = renderNotification(template, values(daysLeft));
    const status = daysLeft > 0 ? 'còn 7 ngày' : daysLeft === 0 ? 'đến hạn hôm nay' : 'quá hạn 12 ngày (8 ngày làm việc)';
    expect(rendered.subject).toMatch(/^\[Đôn Đốc\] /);
    expect(rendered.subject).not.toContain('\n');
    for (const body of [rendered.html, rendered.text]) {
      expect(body).toContain('Nguyễn Thị Hằng');
      expect(body).toContain('Kế hoạch thực hiện Nghị quyết số 03/NQ-CP');
      expect(body).toContain('15/03/2026');
      expect(body).toContain(status);
      expect(body).toContain(TEMPLATE_WORDING[template].action);
      expect(body).toContain(token);
    }
    // HTML escapes the task name; plain text keeps it as written.
    expect(rendered.html).toContain('&amp; chuyển đổi số &lt;ưu tiên&gt;');
    expect(rendered.text).toContain('& chuyển đổi số <ưu tiên>');
    expect(rendered.znsData.thoi_han).toBe('15/03/2026');
    expect(rendered.znsData.tinh_trang).toBe(daysLeft < 0 ? 'quá hạn 12 ngày (8 ngày LV)' : status);
    expect(rendered.znsData.duong_dan).toContain(token);
  });

  it('shows the plan wording of a deadline when there is no date', () => {
    const rendered = renderNotification('catch-up', { ...values(null), dueDate: null });
    expect(rendered.text).toContain('Thời hạn: Trước ngày 15/3/2026');
    expect(rendered.text).toContain('chưa có hạn cụ thể');
  });

  it('delivers every template through SMTP with intact diacritics, UTF-8, Message-ID and Reply-To', async () => {
    for (const [i, template] of NOTIFICATION_TEMPLATES.entries()) {
      const content = renderNotification(template, values(7));
      await channel.send({ deliveryKey: `key-${i}|focal|email`, recipient: { name: 'Nguyễn Thị Hằng', address: 'hang@sothu.example' }, content });
    }
    const messages = await sink.waitForMessages(NOTIFICATION_TEMPLATES.length);
    for (const [i, template] of NOTIFICATION_TEMPLATES.entries()) {
      const message = messages.find((m) => m.messageId === messageIdFor(`key-${i}|focal|email`, 'skhcn.test.example'));
      expect(message).toBeDefined();
      const expected = renderNotification(template, values(7));
      expect(message?.subject).toBe(expected.subject);
      expect(message?.text.trim()).toBe(expected.text.trim());
      expect(message?.html).toContain('Kính gửi: Chuyên viên Nguyễn Thị Hằng');
      expect(message?.replyTo).toBe(REPLY_TO);
      expect(message?.from).toContain('Đôn Đốc – Sở KH&CN');
      expect(message?.to).toContain('Nguyễn Thị Hằng');
      expect(message?.headers['content-type']).toMatch(/multipart\/alternative/);
      expect(message?.raw).toMatch(/charset=utf-8/i);
      expect(message?.headers['x-dondoc-delivery']).toBe(`key-${i}|focal|email`);
      // The link in the delivered mail still verifies (no encoding mangled it).
      const link = /\/l\/([\w.-]+)/.exec(message?.text ?? '')?.[1];
      expect(link).toBeDefined();
      const verified = verifyLinkToken(link ?? '', LINK_SECRET, 'report-progress', now);
      expect(verified).toMatchObject({ ok: true, claims: { subject: 'task/kh-thu/1/so-thu', agencyId: 'so-thu' } });
    }
  });
});

import { DIGEST_TEMPLATE, type DigestItem, renderAggregateReport, renderDigest, renderNotification } from '@dondoc/channels';
import { NOTIFICATION_TEMPLATES, type NotificationTemplate } from '@dondoc/contracts';
import { WorkingCalendar } from '@dondoc/calendar';
import { createLinkToken, linkUrl } from '@dondoc/links';
import { addCalendarDays, deadlineDistanceAt, vietnamDate } from '@dondoc/policy';
import { InvalidArgumentError, type Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** `dondoc templates preview <template>`: the e-mail as a recipient sees it, written to an HTML file. */
export function register(program: Command): void {
  const templates = program.command('templates').description('Xem trước mẫu thư nhắc việc');
  templates
    .command('preview')
    .description('Ghi nội dung HTML của một mẫu thư (với dữ liệu mẫu) ra tệp và in đường dẫn')
    .argument('<template>', `mẫu thư: ${TEMPLATE_NAMES.join(', ')}`, parseTemplate)
    .option('--out <file>', 'tệp HTML cần ghi (mặc định: thư mục tạm)')
    .action((template: PreviewTemplate, options: { out?: string }) => {
      // The consolidated report is a letter of its own (several addressees, attachments, no link), and the
      // daily digest one letter for a person's whole day: preview what is sent.
      const rendered =
        template === DIGEST_TEMPLATE ? renderDigest(sampleDigest()) : template === 'aggregate-report' ? renderAggregateReport(sampleAggregate()) : renderNotification(template, sampleValues(template));
      const file = path.resolve(options.out ?? path.join(os.tmpdir(), `dondoc-preview-${template}.html`));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, rendered.html);
      process.stdout.write(`Tiêu đề: ${rendered.subject}\n${file}\n`);
    });
}

type PreviewTemplate = NotificationTemplate | typeof DIGEST_TEMPLATE;
const TEMPLATE_NAMES: readonly PreviewTemplate[] = [DIGEST_TEMPLATE, ...NOTIFICATION_TEMPLATES];

function parseTemplate(text: string): PreviewTemplate {
  if (!(TEMPLATE_NAMES as readonly string[]).includes(text)) throw new InvalidArgumentError(`không có mẫu "${text}"; chọn một trong: ${TEMPLATE_NAMES.join(', ')}`);
  return text as PreviewTemplate;
}

/** A realistic reminder from the seeded plans; the link is signed with a throw-away key (a preview is never sent). */
function sampleValues(template: NotificationTemplate) {
  const now = Date.now();
  const expires = now + 30 * 86_400_000;
  const daysLeft = template === 'escalation' ? -12 : template === 'reminder-due' ? 0 : 7;
  const dueDate = addCalendarDays(vietnamDate(now), daysLeft);
  const workflowId = 'task/kh-nq03-2025/1/so-khcn';
  const token = createLinkToken({ purpose: 'report-progress', subject: workflowId, agencyId: 'so-khcn', exp: Math.floor(expires / 1000) }, 'preview-only-secret-not-for-real-links');
  return {
    recipientName: 'Võ Ngọc Tín',
    recipientTitle: 'Chuyên viên',
    recipientAgency: 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi',
    agencyName: 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi',
    taskName: 'Xây dựng, cập nhật cơ sở dữ liệu về khoa học, công nghệ và đổi mới sáng tạo của tỉnh',
    planTitle: 'Kế hoạch thực hiện Nghị quyết số 03/NQ-CP của Chính phủ',
    dueDate,
    // Counted as the notifier does when it composes a message.
    distance: deadlineDistanceAt(dueDate, now, new WorkingCalendar()),
    deadlineText: 'Năm 2025',
    link: linkUrl('http://localhost:3000', token),
    linkExpiresAt: new Date(expires),
    reference: `${workflowId}|2025-12-31|before-7d`,
  };
}

/** Sở KH&CN's focal person's day: its own tasks, and the copies of other agencies' escalations. */
function sampleDigest() {
  const now = Date.now();
  const expires = now + 30 * 86_400_000;
  const today = vietnamDate(now);
  const calendar = new WorkingCalendar();
  const link = (purpose: 'report-progress' | 'view-task' | 'submit-report' | 'view-digest', subject: string, agencyId: string) =>
    linkUrl('http://localhost:3000', createLinkToken({ purpose, subject, agencyId, exp: Math.floor(expires / 1000) }, 'preview-only-secret-not-for-real-links'));
  const item = (taskId: string, agency: string, agencyName: string, template: DigestItem['template'], days: number, taskName: string, readOnly: boolean): DigestItem => {
    const workflowId = `task/kh-nq03-2025/${taskId}/${agency}`;
    const dueDate = addCalendarDays(today, days);
    return {
      template,
      readOnly,
      report: false,
      taskName,
      planTitle: 'Kế hoạch thực hiện Nghị quyết số 03/NQ-CP của Chính phủ',
      agencyName,
      dueDate,
      deadlineText: 'Năm 2026',
      distance: deadlineDistanceAt(dueDate, now, calendar),
      link: link(readOnly ? 'view-task' : 'report-progress', workflowId, readOnly ? 'so-khcn' : agency),
      reference: `${workflowId}|${dueDate}|${template}`,
    };
  };
  const digestId = `digest|${today}|email|preview`;
  return {
    recipientName: 'Võ Ngọc Tín',
    recipientTitle: 'Chuyên viên',
    recipientAgency: 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi',
    day: today,
    items: [
      item('II.8', 'so-y-te-qng', 'Sở Y tế tỉnh Quảng Ngãi', 'escalation', -19, 'Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh', true),
      item('1', 'so-khcn-qng', 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi', 'catch-up', -4, 'Xây dựng, cập nhật cơ sở dữ liệu về khoa học, công nghệ và đổi mới sáng tạo của tỉnh', false),
      item('III.14', 'so-khcn-qng', 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi', 'reminder-due', 0, 'Ban hành danh mục dữ liệu mở của tỉnh', false),
      item('I.3', 'so-khcn-qng', 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi', 'reminder-before', 7, 'Hướng dẫn triển khai nền tảng số dùng chung', false),
    ],
    listLink: link('view-digest', `digest/${digestId}`, 'so-khcn-qng'),
    linkExpiresAt: new Date(expires),
    reference: digestId,
  };
}

/** The consolidated report of kh-nq03-2025 for 2026, as Sở KH&CN sends it. */
function sampleAggregate() {
  return {
    recipientAgencies: ['Bộ Khoa học và Công nghệ', 'Ủy ban nhân dân tỉnh Kon Tum'],
    senderAgency: 'Sở Khoa học và Công nghệ tỉnh Kon Tum',
    reportTitle: 'kết quả thực hiện Kế hoạch thực hiện Nghị quyết số 03-NQ/TU năm 2026',
    planTitle: 'Kế hoạch thực hiện Nghị quyết số 03-NQ/TU',
    deadline: '2026-12-14',
    attachments: [
      { fileName: 'bao-cao-kh-nq03-2025-2026.docx', description: 'báo cáo (DOCX)' },
      { fileName: 'bao-cao-kh-nq03-2025-2026.xlsx', description: 'số liệu tổng hợp (XLSX)' },
      { fileName: 'bao-cao-kh-nq03-2025-2026.json', description: 'dữ liệu (JSON)' },
    ],
    reference: 'report/kh-nq03-2025/2026|aggregate',
  };
}

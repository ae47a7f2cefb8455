import { renderAggregateReport, renderNotification } from '@dondoc/channels';
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
    .argument('<template>', `mẫu thư: ${NOTIFICATION_TEMPLATES.join(', ')}`, parseTemplate)
    .option('--out <file>', 'tệp HTML cần ghi (mặc định: thư mục tạm)')
    .action((template: NotificationTemplate, options: { out?: string }) => {
      // The consolidated report is a letter of its own (several addressees, attachments, no link): preview what is sent.
      const rendered = template === 'aggregate-report' ? renderAggregateReport(sampleAggregate()) : renderNotification(template, sampleValues(template));
      const file = path.resolve(options.out ?? path.join(os.tmpdir(), `dondoc-preview-${template}.html`));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, rendered.html);
      process.stdout.write(`Tiêu đề: ${rendered.subject}\n${file}\n`);
    });
}

function parseTemplate(text: string): NotificationTemplate {
  if (!(NOTIFICATION_TEMPLATES as readonly string[]).includes(text)) throw new InvalidArgumentError(`không có mẫu "${text}"; chọn một trong: ${NOTIFICATION_TEMPLATES.join(', ')}`);
  return text as NotificationTemplate;
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

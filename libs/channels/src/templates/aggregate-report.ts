// The consolidated report Sở KH&CN sends to Bộ KH&CN and UBND tỉnh: one
// letter to several agencies, with the documents attached and no action link,
// so it has a layout of its own; the wording (heading, intro, action) is the
// 'aggregate-report' entry of the template catalogue. Handlebars, strict.
import Handlebars from 'handlebars';

import { TEMPLATE_WORDING } from './catalog';
import { formatDueDate } from './format';

export interface AggregateReportValues {
  /** Agency names the letter is addressed to. */
  readonly recipientAgencies: readonly string[];
  /** The agency that consolidates (Sở KH&CN). */
  readonly senderAgency: string;
  /** The cycle's title, e.g. "kết quả thực hiện Kế hoạch … năm 2026". */
  readonly reportTitle: string;
  readonly planTitle: string;
  /** ISO date of the aggregator's deadline. */
  readonly deadline: string;
  /** The attached files, in order, with what each is. */
  readonly attachments: ReadonlyArray<{ readonly fileName: string; readonly description: string }>;
  /** The idempotency key: the same report always carries the same reference. */
  readonly reference: string;
}

export interface RenderedAggregateReport {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

const SUBJECT = '[Đôn Đốc] {{subjectTitle}}';

/** "Báo cáo …" once: an ad-hoc request's title usually starts with the word already ("Báo cáo đột xuất …"). */
export const reportSubjectTitle = (title: string) => (/^báo cáo(\s|$)/iu.test(title.normalize('NFC').trim()) ? title.trim() : `Báo cáo ${title.trim()}`);

const HTML = `<!DOCTYPE html>
<html lang="vi">
<head><meta charset="utf-8"><title>{{subject}}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; color: #1a1a1a; line-height: 1.5;">
  <p>Kính gửi: {{recipients}}.</p>
  <h2 style="color: #a4161a; margin: 16px 0 8px;">{{heading}}</h2>
  <p>{{intro}}</p>
  <table style="border-collapse: collapse; margin: 8px 0 16px;">
    <tr><td style="padding: 4px 12px 4px 0; color: #555;">Báo cáo</td><td style="padding: 4px 0;"><strong>{{reportTitle}}</strong></td></tr>
    <tr><td style="padding: 4px 12px 4px 0; color: #555;">Kế hoạch</td><td style="padding: 4px 0;">{{planTitle}}</td></tr>
    <tr><td style="padding: 4px 12px 4px 0; color: #555;">Cơ quan tổng hợp</td><td style="padding: 4px 0;">{{senderAgency}}</td></tr>
    <tr><td style="padding: 4px 12px 4px 0; color: #555;">Hạn báo cáo</td><td style="padding: 4px 0;">{{deadline}}</td></tr>
  </table>
  <p><strong>Tệp đính kèm:</strong></p>
  <ul>{{#each attachments}}<li>{{fileName}}: {{description}}</li>{{/each}}</ul>
  <p><strong>Đề nghị:</strong> {{action}}</p>
  <p>Trân trọng.</p>
  <hr style="border: none; border-top: 1px solid #ddd;">
  <p style="font-size: 12px; color: #555;">Thư tự động từ hệ thống Đôn Đốc của Sở Khoa học và Công nghệ. Mã báo cáo: {{reference}}</p>
</body>
</html>
`;

const TEXT = `Kính gửi: {{recipients}}.

{{heading}}

{{intro}}

Báo cáo: {{reportTitle}}
Kế hoạch: {{planTitle}}
Cơ quan tổng hợp: {{senderAgency}}
Hạn báo cáo: {{deadline}}

Tệp đính kèm:
{{#each attachments}}- {{fileName}}: {{description}}
{{/each}}
Đề nghị: {{action}}

Trân trọng.

--
Thư tự động từ hệ thống Đôn Đốc của Sở Khoa học và Công nghệ. Mã báo cáo: {{reference}}
`;

const text = (source: string) => Handlebars.compile(source, { strict: true, noEscape: true });
const subjectTemplate = text(SUBJECT);
const htmlTemplate = Handlebars.compile(HTML, { strict: true });
const textTemplate = text(TEXT);
const wording = TEMPLATE_WORDING['aggregate-report'];

export function renderAggregateReport(values: AggregateReportValues): RenderedAggregateReport {
  const facts = {
    ...values,
    recipients: values.recipientAgencies.join('; '),
    subjectTitle: reportSubjectTitle(values.reportTitle),
    deadline: formatDueDate(values.deadline) ?? values.deadline,
    attachments: values.attachments.map((a) => ({ ...a })),
    heading: wording.heading,
    intro: wording.intro,
    action: wording.action,
  };
  // One line: a title with a newline must not inject headers.
  const subject = subjectTemplate(facts).replace(/\s+/g, ' ').trim();
  return { subject, html: htmlTemplate({ ...facts, subject }), text: textTemplate({ ...facts, subject }) };
}

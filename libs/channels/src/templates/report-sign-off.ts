// The letters of a report's sign-off, to Sở KH&CN itself: the request to its
// admins to approve the consolidation (with a link to the report page), and
// the escalation to its head when no approval came by the day the report must
// go out. Handlebars, strict, like the consolidated report's letter.
import Handlebars from 'handlebars';

import { reportSubjectTitle } from './aggregate-report';
import { formatDueDate } from './format';

export type ReportSignOffKind = 'request' | 'escalation';

export interface ReportSignOffValues {
  readonly kind: ReportSignOffKind;
  /** The cycle's title, e.g. "Kết quả thực hiện Kế hoạch … năm 2026". */
  readonly reportTitle: string;
  readonly planTitle: string;
  /** Sở KH&CN (or its successor). */
  readonly senderAgency: string;
  /** The agencies the report goes to once approved. */
  readonly recipientAgencies: readonly string[];
  /** ISO date of the aggregator's deadline. */
  readonly deadline: string;
  /** The consolidation put to approval. */
  readonly generation: number;
  /** Where the counts stand in that generation. */
  readonly standing: { readonly accepted: number; readonly submitted: number; readonly returned: number; readonly notSubmitted: number; readonly total: number };
  /** The report page in the web app. */
  readonly link: string;
  /** `dondoc report approve <plan> <cycle>`: the same without the web app. */
  readonly command: string;
  /** The idempotency key: the same letter always carries the same reference. */
  readonly reference: string;
}

export interface RenderedReportSignOff {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

const WORDING: Readonly<Record<ReportSignOffKind, { subject: string; heading: string; intro: string; action: string }>> = {
  request: {
    subject: '[Đôn Đốc] Đề nghị phê duyệt trước khi gửi: {{subjectTitle}}',
    heading: 'Đề nghị phê duyệt báo cáo tổng hợp',
    intro: 'Kỳ báo cáo đã khóa sổ. Báo cáo tổng hợp dưới đây (lần tổng hợp thứ {{generation}}) chỉ được gửi {{recipients}} sau khi được phê duyệt.',
    action: 'xem xét báo cáo tổng hợp (có thể tổng hợp lại) và phê duyệt để gửi trước hạn {{deadline}}.',
  },
  escalation: {
    subject: '[Đôn Đốc] Chưa được phê duyệt, sắp đến hạn gửi: {{subjectTitle}}',
    heading: 'Báo cáo tổng hợp chưa được phê duyệt',
    intro: 'Báo cáo tổng hợp dưới đây (lần tổng hợp thứ {{generation}}) chưa được phê duyệt nên chưa gửi {{recipients}}; hạn gửi là {{deadline}}. Hệ thống không tự gửi báo cáo khi chưa được phê duyệt.',
    action: 'đồng chí chỉ đạo xem xét, phê duyệt báo cáo để gửi đúng hạn.',
  },
};

const HTML = `<!DOCTYPE html>
<html lang="vi">
<head><meta charset="utf-8"><title>{{subject}}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; color: #1a1a1a; line-height: 1.5;">
  <p>Kính gửi: {{senderAgency}},</p>
  <h2 style="color: #a4161a; margin: 16px 0 8px;">{{heading}}</h2>
  <p>{{intro}}</p>
  <table style="border-collapse: collapse; margin: 8px 0 16px;">
    <tr><td style="padding: 4px 12px 4px 0; color: #555;">Báo cáo</td><td style="padding: 4px 0;"><strong>{{reportTitle}}</strong></td></tr>
    <tr><td style="padding: 4px 12px 4px 0; color: #555;">Kế hoạch</td><td style="padding: 4px 0;">{{planTitle}}</td></tr>
    <tr><td style="padding: 4px 12px 4px 0; color: #555;">Hạn gửi</td><td style="padding: 4px 0;">{{deadline}}</td></tr>
    <tr><td style="padding: 4px 12px 4px 0; color: #555;">Tình hình báo cáo</td><td style="padding: 4px 0;">{{standingText}}</td></tr>
  </table>
  <p><strong>Đề nghị:</strong> {{action}}</p>
  <p><a href="{{{link}}}" style="display: inline-block; background: #a4161a; color: #fff; padding: 10px 18px; text-decoration: none; border-radius: 4px;">Xem và phê duyệt báo cáo</a></p>
  <p style="font-size: 12px; color: #555;">Trang báo cáo: {{link}} (đăng nhập bằng tài khoản quản trị). Hoặc dùng lệnh: <code>{{command}}</code></p>
  <hr style="border: none; border-top: 1px solid #ddd;">
  <p style="font-size: 12px; color: #555;">Thư tự động từ hệ thống Đôn Đốc của Sở Khoa học và Công nghệ. Mã thư: {{reference}}</p>
</body>
</html>
`;

const TEXT = `Kính gửi: {{senderAgency}},

{{heading}}

{{intro}}

Báo cáo: {{reportTitle}}
Kế hoạch: {{planTitle}}
Hạn gửi: {{deadline}}
Tình hình báo cáo: {{standingText}}

Đề nghị: {{action}}

Xem và phê duyệt báo cáo: {{link}}
(đăng nhập bằng tài khoản quản trị; hoặc dùng lệnh: {{command}})

--
Thư tự động từ hệ thống Đôn Đốc của Sở Khoa học và Công nghệ. Mã thư: {{reference}}
`;

const text = (source: string) => Handlebars.compile(source, { strict: true, noEscape: true });
const compiled = Object.fromEntries(
  Object.entries(WORDING).map(([kind, w]) => [kind, { subject: text(w.subject), heading: text(w.heading), intro: text(w.intro), action: text(w.action) }]),
) as Record<ReportSignOffKind, Record<'subject' | 'heading' | 'intro' | 'action', HandlebarsTemplateDelegate>>;
const htmlTemplate = Handlebars.compile(HTML, { strict: true });
const textTemplate = text(TEXT);

/** "2 đã tiếp nhận, 0 chờ xem xét, 1 bị trả lại, 16 không gửi (19 cơ quan)". */
export function standingText(standing: ReportSignOffValues['standing']): string {
  return `${standing.accepted} đã tiếp nhận, ${standing.submitted} chờ xem xét, ${standing.returned} bị trả lại, ${standing.notSubmitted} không gửi báo cáo (tổng số ${standing.total} cơ quan, đơn vị)`;
}

export function renderReportSignOff(values: ReportSignOffValues): RenderedReportSignOff {
  const facts = {
    ...values,
    subjectTitle: reportSubjectTitle(values.reportTitle),
    recipients: values.recipientAgencies.join('; ') || 'cơ quan nhận báo cáo',
    deadline: formatDueDate(values.deadline) ?? values.deadline,
    standingText: standingText(values.standing),
  };
  const wording = compiled[values.kind];
  const words = { subject: wording.subject(facts).replace(/\s+/g, ' ').trim(), heading: wording.heading(facts), intro: wording.intro(facts), action: wording.action(facts) };
  const all = { ...facts, ...words };
  return { subject: words.subject, html: htmlTemplate(all), text: textTemplate(all) };
}

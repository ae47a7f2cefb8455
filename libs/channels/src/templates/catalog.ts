// The wording of each message. One entry per NotificationTemplate: the
// subject line, a heading, an opening sentence and what the reader must do.
// Placeholders are Handlebars expressions over TemplateValues.
import type { NotificationTemplate } from '@dondoc/contracts';

export interface TemplateWording {
  readonly subject: string;
  readonly heading: string;
  readonly intro: string;
  readonly action: string;
  /** Text of the button / link. */
  readonly linkLabel: string;
}

export const TEMPLATE_WORDING: Readonly<Record<NotificationTemplate, TemplateWording>> = {
  'reminder-before': {
    subject: '[Đôn Đốc] Nhắc hạn nhiệm vụ: {{taskName}} ({{daysText}})',
    heading: 'Nhắc hạn thực hiện nhiệm vụ',
    intro: 'Nhiệm vụ dưới đây sắp đến hạn hoàn thành ({{daysText}}).',
    action: 'Đề nghị quý cơ quan khẩn trương triển khai và cập nhật tiến độ thực hiện trước hạn.',
    linkLabel: 'Báo cáo tiến độ',
  },
  'reminder-due': {
    subject: '[Đôn Đốc] Hôm nay đến hạn: {{taskName}}',
    heading: 'Nhiệm vụ đến hạn hôm nay',
    intro: 'Hôm nay là hạn hoàn thành nhiệm vụ dưới đây.',
    action: 'Đề nghị báo cáo kết quả thực hiện trong ngày hôm nay; nếu chưa hoàn thành, nêu rõ lý do và thời gian dự kiến hoàn thành.',
    linkLabel: 'Báo cáo kết quả',
  },
  escalation: {
    subject: '[Đôn Đốc] Nhiệm vụ quá hạn: {{taskName}} ({{daysText}})',
    heading: 'Nhiệm vụ đã quá hạn',
    intro: 'Nhiệm vụ dưới đây đã quá hạn ({{daysText}}) nhưng chưa được báo cáo hoàn thành.',
    action: 'Đề nghị chỉ đạo khẩn trương hoàn thành, báo cáo kết quả và giải trình lý do chậm trễ.',
    linkLabel: 'Báo cáo tiến độ',
  },
  'catch-up': {
    subject: '[Đôn Đốc] Tình hình thực hiện nhiệm vụ: {{taskName}}',
    heading: 'Tình hình thực hiện nhiệm vụ',
    intro: 'Hệ thống Đôn Đốc bắt đầu theo dõi nhiệm vụ dưới đây; tình trạng hiện tại: {{daysText}}{{sinceText}}.',
    action: 'Đề nghị cập nhật tiến độ thực hiện để hệ thống ghi nhận đúng tình hình.',
    linkLabel: 'Cập nhật tiến độ',
  },
  'report-request': {
    subject: '[Đôn Đốc] Đề nghị báo cáo: {{planTitle}}',
    heading: 'Đề nghị báo cáo kết quả thực hiện kế hoạch',
    intro: 'Đến kỳ báo cáo kết quả thực hiện kế hoạch dưới đây ({{daysText}}).',
    action: 'Đề nghị quý cơ quan gửi báo cáo kết quả thực hiện đúng hạn.',
    linkLabel: 'Gửi báo cáo',
  },
  'report-reminder': {
    subject: '[Đôn Đốc] Nhắc gửi báo cáo: {{planTitle}} ({{daysText}})',
    heading: 'Nhắc gửi báo cáo',
    intro: 'Hệ thống chưa nhận được báo cáo kết quả thực hiện kế hoạch dưới đây ({{daysText}}).',
    action: 'Đề nghị quý cơ quan khẩn trương gửi báo cáo.',
    linkLabel: 'Gửi báo cáo',
  },
  'report-returned': {
    subject: '[Đôn Đốc] Báo cáo đã được trả lại để chỉnh sửa: {{planTitle}}',
    heading: 'Báo cáo đã được trả lại để chỉnh sửa',
    intro: 'Sở Khoa học và Công nghệ đã nhận và xem xét báo cáo của quý cơ quan về kế hoạch dưới đây; báo cáo cần được bổ sung, chỉnh sửa theo ý kiến nêu dưới đây. Hạn gửi lại: {{deadline}}.',
    action: 'Đề nghị quý cơ quan bổ sung, chỉnh sửa theo ý kiến nêu trên và gửi lại báo cáo trước hạn gửi lại.',
    linkLabel: 'Chỉnh sửa và gửi lại báo cáo',
  },
  'aggregate-report': {
    subject: '[Đôn Đốc] Báo cáo tổng hợp: {{planTitle}}',
    heading: 'Báo cáo tổng hợp kết quả thực hiện kế hoạch',
    intro: 'Báo cáo tổng hợp kết quả thực hiện kế hoạch dưới đây đã sẵn sàng.',
    action: 'Đề nghị xem xét báo cáo tổng hợp và chỉ đạo các cơ quan còn chậm báo cáo.',
    linkLabel: 'Xem báo cáo tổng hợp',
  },
};

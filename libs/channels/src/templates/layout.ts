// The frame around every message: one HTML layout (inline styles, because
// mail clients drop <style>) and one plain-text layout with the same facts.
export const HTML_LAYOUT = `<!DOCTYPE html>
<html lang="vi">
<head><meta charset="utf-8"><title>{{subject}}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; color: #1a1a1a; line-height: 1.5;">
  <p>Kính gửi: {{recipientTitle}} {{recipientName}} – {{recipientAgency}},</p>
  <h2 style="color: #a4161a; margin: 16px 0 8px;">{{heading}}</h2>
  <p>{{intro}}</p>
  <table style="border-collapse: collapse; margin: 8px 0 16px;">
    <tr><td style="padding: 4px 12px 4px 0; color: #555;">Nhiệm vụ</td><td style="padding: 4px 0;"><strong>{{taskName}}</strong></td></tr>
    <tr><td style="padding: 4px 12px 4px 0; color: #555;">Kế hoạch</td><td style="padding: 4px 0;">{{planTitle}}</td></tr>
    <tr><td style="padding: 4px 12px 4px 0; color: #555;">Cơ quan chủ trì</td><td style="padding: 4px 0;">{{agencyName}}</td></tr>
    <tr><td style="padding: 4px 12px 4px 0; color: #555;">Thời hạn</td><td style="padding: 4px 0;">{{deadline}}</td></tr>
    <tr><td style="padding: 4px 12px 4px 0; color: #555;">Tình trạng</td><td style="padding: 4px 0;"><strong>{{daysText}}</strong></td></tr>
  </table>
  {{#if deadlineNote}}<p><em>{{deadlineNote}}</em></p>{{/if}}
  {{#if reviewComment}}<p><strong>Báo cáo đã được trả lại để bổ sung, chỉnh sửa. Ý kiến của Sở Khoa học và Công nghệ:</strong></p>
  <blockquote style="margin: 0 0 16px; padding: 8px 12px; border-left: 4px solid #a4161a; background: #f8f8f8; white-space: pre-wrap;">{{reviewComment}}</blockquote>{{/if}}
  <p><strong>Đề nghị:</strong> {{action}}</p>
  <p><a href="{{{link}}}" style="display: inline-block; background: #a4161a; color: #fff; padding: 10px 18px; text-decoration: none; border-radius: 4px;">{{linkLabel}}</a></p>
  <p style="font-size: 12px; color: #555;">Nếu nút không hoạt động, mở đường dẫn sau (có hiệu lực đến {{linkExpires}}):<br>{{link}}</p>
  <hr style="border: none; border-top: 1px solid #ddd;">
  <p style="font-size: 12px; color: #555;">Thư tự động từ hệ thống Đôn Đốc của Sở Khoa học và Công nghệ. Vui lòng không chia sẻ đường dẫn trong thư. Mã nhắc việc: {{reference}}</p>
</body>
</html>
`;

export const TEXT_LAYOUT = `Kính gửi: {{recipientTitle}} {{recipientName}} – {{recipientAgency}},

{{heading}}

{{intro}}

Nhiệm vụ: {{taskName}}
Kế hoạch: {{planTitle}}
Cơ quan chủ trì: {{agencyName}}
Thời hạn: {{deadline}}
Tình trạng: {{daysText}}

{{#if deadlineNote}}
{{deadlineNote}}

{{/if}}
{{#if reviewComment}}
Báo cáo đã được trả lại để bổ sung, chỉnh sửa. Ý kiến của Sở Khoa học và Công nghệ:
{{reviewComment}}

{{/if}}
Đề nghị: {{action}}

{{linkLabel}}: {{link}}
(đường dẫn có hiệu lực đến {{linkExpires}})

--
Thư tự động từ hệ thống Đôn Đốc của Sở Khoa học và Công nghệ. Mã nhắc việc: {{reference}}
`;

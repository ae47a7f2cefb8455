// The daily digest's frame: one letter a day to one person, with every
// reminder of the day grouped (quá hạn first, most days late first; then sắp
// đến hạn), each with its status and its own link. Inline styles, because mail
// clients drop <style>; the plain-text part carries the same facts.
export const DIGEST_SUBJECT = '[Đôn Đốc] Nhắc việc ngày {{day}}: {{summary}}';

export const DIGEST_HTML = `<!DOCTYPE html>
<html lang="vi">
<head><meta charset="utf-8"><title>{{subject}}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; color: #1a1a1a; line-height: 1.5;">
  <p>Kính gửi: {{recipientTitle}} {{recipientName}} – {{recipientAgency}},</p>
  <h2 style="color: #a4161a; margin: 16px 0 8px;">Tổng hợp nhắc việc ngày {{day}}</h2>
  <p>{{intro}}</p>
  {{#each groups}}
  <h3 style="color: {{color}}; margin: 20px 0 8px;">{{title}} ({{count}})</h3>
  <ol style="padding-left: 20px; margin: 0;">
    {{#each items}}
    <li style="margin: 0 0 14px;">
      <strong>{{taskName}}</strong><br>
      <span style="color: #555;">{{kind}}</span><br>
      Kế hoạch: {{planTitle}}<br>
      Cơ quan chủ trì: {{agencyName}}<br>
      Thời hạn: {{deadline}} – <strong style="color: {{../color}};">{{status}}</strong>
      {{#if reviewComment}}<br><em>Ý kiến của Sở Khoa học và Công nghệ:</em>
      <blockquote style="margin: 4px 0; padding: 6px 10px; border-left: 4px solid #a4161a; background: #f8f8f8; white-space: pre-wrap;">{{reviewComment}}</blockquote>{{/if}}
      <br><a href="{{{link}}}" style="color: #a4161a;">{{linkLabel}}</a>
    </li>
    {{/each}}
  </ol>
  {{/each}}
  <p><strong>Đề nghị:</strong> {{action}}</p>
  <p><a href="{{{listLink}}}" style="display: inline-block; background: #a4161a; color: #fff; padding: 10px 18px; text-decoration: none; border-radius: 4px;">Xem danh sách trên Đôn Đốc</a></p>
  <p style="font-size: 12px; color: #555;">Các đường dẫn trong thư có hiệu lực đến {{linkExpires}}. Nếu nút không hoạt động, mở đường dẫn sau:<br>{{listLink}}</p>
  <hr style="border: none; border-top: 1px solid #ddd;">
  <p style="font-size: 12px; color: #555;">Thư tự động từ hệ thống Đôn Đốc của Sở Khoa học và Công nghệ; mỗi ngày làm việc ông/bà nhận tối đa một thư tổng hợp như thế này. Vui lòng không chia sẻ đường dẫn trong thư. Mã thư tổng hợp: {{reference}}</p>
</body>
</html>
`;

export const DIGEST_TEXT = `Kính gửi: {{recipientTitle}} {{recipientName}} – {{recipientAgency}},

TỔNG HỢP NHẮC VIỆC NGÀY {{day}}

{{intro}}
{{#each groups}}

{{upperTitle}} ({{count}})
{{#each items}}

{{number}}. {{taskName}}
   {{kind}}
   Kế hoạch: {{planTitle}}
   Cơ quan chủ trì: {{agencyName}}
   Thời hạn: {{deadline}} – {{status}}
{{#if reviewComment}}
   Ý kiến của Sở Khoa học và Công nghệ: {{reviewComment}}
{{/if}}
   {{linkLabel}}: {{link}}
{{/each}}
{{/each}}

Đề nghị: {{action}}

Xem danh sách trên Đôn Đốc: {{listLink}}
(các đường dẫn có hiệu lực đến {{linkExpires}})

--
Thư tự động từ hệ thống Đôn Đốc của Sở Khoa học và Công nghệ; mỗi ngày làm việc ông/bà nhận tối đa một thư tổng hợp như thế này. Mã thư tổng hợp: {{reference}}
`;

import { escapeHtml } from './html';
import type { SinkMessage } from './smtp-sink';

const page = (title: string, body: string) => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta http-equiv="refresh" content="${title.startsWith('Hộp thư') ? 5 : 3600}">
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2433}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #dde;padding:.4rem .6rem;text-align:left;vertical-align:top}th{background:#f3f5f9}
a{color:#0b57d0;text-decoration:none}.meta{color:#555}iframe{width:100%;height:70vh;border:1px solid #dde}</style>
</head><body>${body}</body></html>`;

/** The inbox list, newest first. */
export function renderInbox(messages: SinkMessage[]): string {
  const rows = [...messages]
    .reverse()
    .map(
      (m) => `<tr><td class="meta">${escapeHtml(new Date(m.receivedAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }))}</td>
<td>${escapeHtml(m.to)}</td><td><a href="/messages/${m.id}">${escapeHtml(m.subject || '(không có tiêu đề)')}</a></td>
<td class="meta">${m.attachments.length ? `${m.attachments.length} tệp` : ''}</td></tr>`,
    )
    .join('\n');
  return page(
    `Hộp thư thử nghiệm (${messages.length})`,
    `<h1>Hộp thư thử nghiệm – Đôn Đốc</h1><p class="meta">${messages.length} thư. Mọi thư gửi tới máy chủ SMTP cục bộ hiện ở đây; không thư nào ra ngoài.</p>
<table><thead><tr><th>Nhận lúc</th><th>Người nhận</th><th>Tiêu đề</th><th></th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

/** One message: headers, then the HTML body in a sandboxed frame. */
export function renderMessage(message: SinkMessage): string {
  // Decoded values (RFC 2047 encoded words shown as the Vietnamese text they carry).
  const rows: Array<[string, string | undefined]> = [
    ['From', message.from],
    ['To', message.to],
    ['Reply-To', message.replyTo],
    ['Subject', message.subject],
    ['Date', new Date(message.receivedAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })],
    ['Message-ID', message.messageId],
  ];
  const headers = rows.map(([name, value]) => (value ? `<tr><th>${name}</th><td>${escapeHtml(value)}</td></tr>` : '')).join('');
  const attachments = message.attachments.map((a) => `<li>${escapeHtml(a.filename ?? '(không tên)')} – ${escapeHtml(a.contentType)}, ${a.size} byte</li>`).join('');
  return page(
    message.subject,
    `<p><a href="/">← Hộp thư</a></p><h1>${escapeHtml(message.subject)}</h1><table>${headers}</table>
${attachments ? `<h2>Tệp đính kèm</h2><ul>${attachments}</ul>` : ''}
<iframe sandbox src="/messages/${message.id}/html"></iframe><h2>Văn bản thuần</h2><pre>${escapeHtml(message.text)}</pre>`,
  );
}

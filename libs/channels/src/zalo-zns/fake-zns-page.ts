// The fake ZNS server's message log as a small page (GET /), for a person
// watching `npm start`; the same log is JSON at /api/messages.
import type { FakeZnsMessage } from './fake-zns-state';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderFakeZnsLog(messages: readonly FakeZnsMessage[], quota: { dailyQuota: string; remainingQuota: string }): string {
  const rows = [...messages]
    .reverse()
    .map((m) => {
      const status = m.error === 0 ? '<span style="color:#1b7f3b">đã gửi</span>' : `<span style="color:#a4161a">lỗi ${m.error}</span>`;
      const data = Object.entries(m.data).map(([k, v]) => `<div><b>${escape(k)}</b>: ${escape(String(v))}</div>`).join('');
      return `<tr><td>${escape(m.at)}</td><td>${escape(m.phone)}</td><td>${escape(m.templateId)}</td><td>${status}</td><td>${data}</td><td><code>${escape(m.trackingId ?? '')}</code></td></tr>`;
    })
    .join('\n');
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>ZNS giả lập</title>
<style>body{font-family:Arial,sans-serif;margin:24px}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:6px;text-align:left;vertical-align:top;font-size:13px}</style></head>
<body><h1>Zalo ZNS giả lập</h1><p>${messages.length} yêu cầu gửi; hạn mức còn ${escape(quota.remainingQuota)}/${escape(quota.dailyQuota)} tin hôm nay. JSON: <a href="/api/messages">/api/messages</a></p>
<table><thead><tr><th>Thời điểm</th><th>Số điện thoại</th><th>Template</th><th>Kết quả</th><th>Dữ liệu</th><th>tracking_id</th></tr></thead><tbody>
${rows || '<tr><td colspan="6">Chưa có tin nào.</td></tr>'}
</tbody></table></body></html>`;
}

// A small Vietnamese page rendered by the API itself, for answers a browser
// must understand without the web app's scripts: a link that cannot be
// opened (used, expired, forged, revoked), or a server with no web build.
// Plain HTML, no script, readable on a phone.
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Whom an officer should write to or call: Sở KH&CN's focal person, from the directory. */
export interface OversightContact {
  readonly agencyName: string;
  readonly name: string | null;
  readonly title: string | null;
  readonly email: string | null;
  readonly phone: string | null;
}

export interface MessagePage {
  readonly title: string;
  readonly message: string;
  /** Further sentences, each its own paragraph. */
  readonly details?: readonly string[];
  readonly contact?: OversightContact | null;
}

const style = `body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f5f7fa;color:#1f1f1f;line-height:1.5}
main{max-width:640px;margin:0 auto;padding:24px 16px}
.card{background:#fff;border-radius:8px;padding:20px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:22px;margin:0 0 12px;color:#a8071a}
.brand{font-weight:600;color:#1f5fa8;margin-bottom:12px}
.contact{margin-top:20px;padding-top:12px;border-top:1px solid #eee}
a{color:#1f5fa8;overflow-wrap:anywhere}`;

function contactBlock(contact: OversightContact | null | undefined): string {
  if (!contact) return '';
  const person = [contact.name, contact.title].filter(Boolean).map((s) => escapeHtml(s!)).join(', ');
  const lines = [
    `<strong>${escapeHtml(contact.agencyName)}</strong>${person ? ` – ${person}` : ''}`,
    contact.email ? `Email: <a href="mailto:${escapeHtml(contact.email)}">${escapeHtml(contact.email)}</a>` : '',
    contact.phone ? `Điện thoại: <a href="tel:${escapeHtml(contact.phone.replace(/\s+/g, ''))}">${escapeHtml(contact.phone)}</a>` : '',
  ].filter(Boolean);
  return `<section class="contact" aria-label="Liên hệ"><p>Cần hỗ trợ, vui lòng liên hệ:</p><p>${lines.join('<br>')}</p></section>`;
}

export function renderMessagePage(page: MessagePage): string {
  const details = (page.details ?? []).map((d) => `<p>${escapeHtml(d)}</p>`).join('');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(page.title)} – Đôn Đốc</title>
<style>${style}</style>
</head>
<body>
<main>
<div class="card">
<div class="brand">Đôn Đốc – theo dõi, đôn đốc nhiệm vụ</div>
<h1>${escapeHtml(page.title)}</h1>
<p>${escapeHtml(page.message)}</p>
${details}
${contactBlock(page.contact)}
</div>
</main>
</body>
</html>
`.normalize('NFC');
}

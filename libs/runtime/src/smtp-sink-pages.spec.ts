import type { SinkMessage } from './smtp-sink';
import { renderInbox, renderMessage } from './smtp-sink-pages';

const message: SinkMessage = {
  id: 'm1',
  receivedAt: '2026-11-24T01:00:00.000Z',
  envelope: { from: 'dondoc@skhcn.kontum.example', to: ['dondoc@skhcn.quangngai.example'] },
  messageId: '<abc@skhcn.kontum.example>',
  subject: '[Đôn Đốc] Tình hình thực hiện nhiệm vụ <số 1>',
  from: '"Đôn Đốc – Sở KH&CN" <dondoc@skhcn.kontum.example>',
  to: '"Lương Anh Quyên" <dondoc@skhcn.quangngai.example>',
  text: 'Kính gửi',
  headers: { subject: '=?UTF-8?Q?=5B=C4=90=C3=B4n_=C4=90=E1=BB=91c=5D?=' },
  attachments: [{ filename: 'bao-cao.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 2048 }],
  raw: '',
};

describe('SMTP sink pages', () => {
  it('shows decoded Vietnamese headers, escaped, never the encoded words', () => {
    const page = renderMessage(message);
    expect(page).toContain('[Đôn Đốc] Tình hình thực hiện nhiệm vụ &lt;số 1&gt;');
    expect(page).toContain('&quot;Lương Anh Quyên&quot; &lt;dondoc@skhcn.quangngai.example&gt;');
    expect(page).toContain('08:00:00 24/11/2026'); // shown in Vietnam time
    expect(page).not.toContain('=?UTF-8?');
    expect(page).toContain('bao-cao.docx');
  });

  it('lists messages newest first with their recipients', () => {
    const older = { ...message, id: 'm0', subject: 'Thư cũ', receivedAt: '2026-11-23T01:00:00.000Z' };
    const page = renderInbox([older, message]);
    expect(page.indexOf('/messages/m1')).toBeLessThan(page.indexOf('/messages/m0'));
    expect(page).toContain('2 thư');
  });
});

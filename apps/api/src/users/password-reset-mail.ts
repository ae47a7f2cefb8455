// The one-time link an admin sends a staff member to set a new password,
// through the same relay as every other message (smtpSettingsFromConfig). The
// token travels in the URL's fragment, which browsers neither send to the
// server nor put in a Referer, so it never lands in an access log.
import { smtpSettingsFromConfig, smtpTransportOptions } from '@dondoc/channels';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import Handlebars from 'handlebars';
import nodemailer, { type Transporter } from 'nodemailer';

import { AppConfigService } from '../app-config.service';

/** Path of the web page that takes the new password (built by apps/web). */
export const PASSWORD_RESET_PAGE = '/dat-lai-mat-khau';

export const passwordResetUrl = (publicBaseUrl: string, token: string) => `${publicBaseUrl.replace(/\/+$/, '')}${PASSWORD_RESET_PAGE}#token=${token}`;

const SUBJECT = '[Đôn Đốc] Đặt lại mật khẩu';
const TEXT = Handlebars.compile(
  `Kính gửi {{name}},

Quản trị viên hệ thống Đôn Đốc ({{requestedBy}}) đã yêu cầu đặt lại mật khẩu cho tài khoản {{email}}.
Mở đường dẫn sau để đặt mật khẩu mới (dùng được một lần, có hiệu lực đến {{expires}}):

{{{url}}}

Nếu bạn không cần đặt lại mật khẩu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn dùng được.
Thư tự động từ hệ thống Đôn Đốc của Sở Khoa học và Công nghệ. Không chia sẻ đường dẫn này.
`,
  { strict: true, noEscape: true },
);
const HTML = Handlebars.compile(
  `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${SUBJECT}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; color: #1a1a1a; line-height: 1.5;">
<p>Kính gửi {{name}},</p>
<p>Quản trị viên hệ thống Đôn Đốc ({{requestedBy}}) đã yêu cầu đặt lại mật khẩu cho tài khoản <strong>{{email}}</strong>.</p>
<p><a href="{{url}}" style="display: inline-block; background: #a4161a; color: #fff; padding: 10px 18px; text-decoration: none; border-radius: 4px;">Đặt mật khẩu mới</a></p>
<p style="font-size: 12px; color: #555;">Đường dẫn dùng được một lần, có hiệu lực đến {{expires}}:<br>{{url}}</p>
<p style="font-size: 12px; color: #555;">Nếu bạn không cần đặt lại mật khẩu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn dùng được.</p>
</body></html>`,
  { strict: true },
);

const vietnamTime = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });

export interface PasswordResetLetter {
  readonly to: string;
  readonly name: string;
  readonly requestedBy: string;
  readonly url: string;
  readonly expiresAt: Date;
}

@Injectable()
export class PasswordResetMailer implements OnApplicationShutdown {
  private transport: Transporter | null = null;

  constructor(private readonly config: AppConfigService) {}

  async send(letter: PasswordResetLetter): Promise<void> {
    const values = { name: letter.name, email: letter.to, requestedBy: letter.requestedBy, url: letter.url, expires: vietnamTime.format(letter.expiresAt) };
    // One pooled connection is plenty: resets are rare. Opened on first use, so an API without a relay still boots.
    this.transport ??= nodemailer.createTransport(smtpTransportOptions(smtpSettingsFromConfig(this.config.values, 1)));
    await this.transport.sendMail({
      from: this.config.values.SMTP_FROM,
      replyTo: this.config.values.SMTP_REPLY_TO,
      to: letter.to,
      subject: SUBJECT,
      text: TEXT(values),
      html: HTML(values),
      headers: { 'X-Dondoc-Purpose': 'password-reset' },
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}

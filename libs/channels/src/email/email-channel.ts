// E-mail through a pooled SMTP transport. One recipient per message: a bad
// address then fails only its own message, and the Message-ID stays per person.
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';

import { type Channel, DeliveryError, type OutboundMessage, type SendReceipt } from '../channel';
import { domainOfAddress, isValidEmailAddress, messageIdFor } from './message-id';
import { classifySmtpError } from './smtp-errors';
import { type SmtpSettings, smtpTransportOptions } from './smtp-transport';

export interface EmailChannelOptions extends SmtpSettings {
  /** `"Name" <address>` of the sender. */
  readonly from: string;
  /** The Sở KH&CN focal point, who answers replies. */
  readonly replyTo: string;
}

export class EmailChannel implements Channel {
  readonly name = 'email' as const;
  private readonly transport: Transporter<SMTPPool.SentMessageInfo>;
  private readonly domain: string;

  constructor(private readonly options: EmailChannelOptions) {
    this.transport = nodemailer.createTransport(smtpTransportOptions(options));
    this.domain = domainOfAddress(options.from);
  }

  async send(message: OutboundMessage): Promise<SendReceipt> {
    const address = message.recipient.address.trim();
    if (!isValidEmailAddress(address)) {
      throw new DeliveryError('next-contact', `địa chỉ e-mail trong danh mục không hợp lệ: "${message.recipient.address}"`, 'invalid-address');
    }
    const messageId = messageIdFor(message.deliveryKey, this.domain);
    try {
      const info = await this.transport.sendMail({
        from: this.options.from,
        to: { name: message.recipient.name, address },
        replyTo: this.options.replyTo,
        subject: message.content.subject,
        text: message.content.text,
        html: message.content.html,
        messageId,
        headers: { 'X-Dondoc-Delivery': message.deliveryKey, 'Auto-Submitted': 'auto-generated' },
      });
      if (info.rejected.length > 0) {
        throw new DeliveryError('next-contact', `máy chủ thư từ chối địa chỉ người nhận: ${info.response}`, 'rejected');
      }
      return { providerMessageId: info.messageId || messageId };
    } catch (error) {
      throw classifySmtpError(error);
    }
  }

  /** Checks the relay answers and accepts our credentials (for start-up and health). */
  async verify(): Promise<void> {
    await this.transport.verify();
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

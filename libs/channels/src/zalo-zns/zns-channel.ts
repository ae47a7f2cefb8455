// Zalo ZNS template messages. The error table (zns-errors.ts) decides retry
// vs fall back to e-mail; -124 (access token refused) is answered here by one
// refresh and one more try, and -144 (daily quota spent) by a retry when the
// quota resets. Nothing that goes wrong on ZNS is final for the reminder:
// every permanent failure, our OAuth refusal included, hands it to e-mail.
import { createHash } from 'node:crypto';

import { type Channel, DeliveryError, type OutboundMessage, type SendReceipt } from '../channel';
import { normaliseVietnamesePhone } from './phone';
import { znsErrorMeaning, znsQuotaResetAt } from './zns-errors';
import type { ZaloTokenStore } from './token-store';
import type { ZnsTemplate } from './zns-templates';

export interface ZnsChannelOptions {
  readonly baseUrl: string;
  readonly templateIds: Readonly<Record<ZnsTemplate, string>>;
  /** `development` delivers only to the app's admins (Zalo's own sandbox). */
  readonly mode: 'development' | 'production';
  readonly tokens: ZaloTokenStore;
  /** @defaultValue Date.now */
  readonly now?: () => number;
}

interface ZnsReply {
  error: number;
  message?: string;
  data?: { msg_id?: string; sent_time?: string };
}

/** tracking_id: our key, hashed (Zalo limits its length and shows it in its reports). */
export function znsTrackingId(deliveryKey: string): string {
  return createHash('sha256').update(deliveryKey).digest('hex').slice(0, 40);
}

export class ZnsChannel implements Channel {
  readonly name = 'zalo' as const;

  constructor(private readonly options: ZnsChannelOptions) {}

  async send(message: OutboundMessage): Promise<SendReceipt> {
    const phone = normaliseVietnamesePhone(message.recipient.address);
    if (!phone) throw new DeliveryError('fallback-email', `số điện thoại trong danh mục không hợp lệ: "${message.recipient.address}"`, 'invalid-phone');
    const body = {
      phone,
      template_id: this.options.templateIds[message.content.template],
      template_data: message.content.znsData,
      tracking_id: znsTrackingId(message.deliveryKey),
      ...(this.options.mode === 'development' ? { mode: 'development' } : {}),
    };
    let token = await this.token(() => this.options.tokens.accessToken());
    let reply = await this.post(body, token);
    if (reply.error === -124) {
      const rejected = token;
      token = await this.token(() => this.options.tokens.refresh(rejected));
      reply = await this.post(body, token);
    }
    if (reply.error === 0) {
      const msgId = reply.data?.msg_id;
      if (!msgId) throw new DeliveryError('retry', `ZNS trả lời thành công nhưng thiếu msg_id: ${JSON.stringify(reply)}`, 'no-msg-id');
      return { providerMessageId: msgId };
    }
    const meaning = znsErrorMeaning(reply.error);
    const reason = `ZNS ${reply.error}: ${meaning.reason}${reply.message ? ` (${reply.message})` : ''}`;
    if (meaning.action === 'wait-for-quota') {
      throw new DeliveryError('retry', reason, String(reply.error), { retryAt: znsQuotaResetAt((this.options.now ?? Date.now)()) });
    }
    // A second -124 right after a fresh token is Zalo's trouble, not ours: try later.
    throw new DeliveryError(meaning.action === 'refresh-token' ? 'retry' : meaning.action, reason, String(reply.error));
  }

  /** A token the OAuth server refused (revoked refresh token, wrong app secret) ends ZNS for this reminder: e-mail takes over. */
  private async token(get: () => Promise<string>): Promise<string> {
    try {
      return await get();
    } catch (error) {
      if (error instanceof DeliveryError && error.action === 'fail') {
        throw new DeliveryError('fallback-email', error.reason, error.code, { cause: error });
      }
      throw error;
    }
  }

  private async post(body: object, token: string): Promise<ZnsReply> {
    let response: Response;
    try {
      response = await fetch(`${this.options.baseUrl.replace(/\/$/, '')}/message/template`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', access_token: token },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new DeliveryError('retry', `không kết nối được ZNS: ${(error as Error).message}`, 'unreachable', { cause: error });
    }
    if (response.status === 429 || response.status >= 500) {
      throw new DeliveryError('retry', `ZNS trả lời HTTP ${response.status}`, `http-${response.status}`);
    }
    try {
      const reply = (await response.json()) as ZnsReply;
      if (typeof reply.error !== 'number') throw new Error('no error field');
      return reply;
    } catch (error) {
      throw new DeliveryError('fallback-email', `ZNS trả lời không đúng định dạng (HTTP ${response.status})`, `http-${response.status}`, { cause: error });
    }
  }

  async close(): Promise<void> {}
}

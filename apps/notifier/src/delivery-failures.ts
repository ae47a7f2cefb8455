// What a failed send means for what comes next, shared by single reminders
// and daily digests: the channel's DeliveryError decides; this file adds the
// notifier's own rules (e-mail after any permanent ZNS failure, then the next
// contact; retries spent on ZNS count as permanent).
import { type Channel, DeliveryError } from '@dondoc/channels';
import type { Channel as ChannelName, DeliveryJob } from '@dondoc/contracts';

export const vietnamTime = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });

/** Anything thrown while composing or sending, as a DeliveryError (an unexpected one is retried). */
export function asDeliveryError(caught: unknown): DeliveryError {
  if (caught instanceof DeliveryError) return caught;
  return new DeliveryError('retry', `lỗi không lường trước: ${(caught as Error)?.message ?? String(caught)}`, null, { cause: caught });
}

/** The error to act on once no retry is left: spent ZNS retries hand over to e-mail, spent e-mail retries fail. */
export function finalError(error: DeliveryError, channel: ChannelName, attempt: number): DeliveryError {
  if (error.action !== 'retry') return error;
  return new DeliveryError(channel === 'zalo' ? 'fallback-email' : 'fail', `${error.reason} (hết ${attempt} lần thử)`, error.code);
}

/** The log note of a hold until the provider's quota resets. */
export const quotaHoldNote = (error: DeliveryError, retryAt: number) => `${error.reason}; gửi lại sau khi hạn mức được đặt lại (${vietnamTime.format(retryAt)})`;

/**
 * The follow-up a permanent failure allows: e-mail instead of ZNS (for any
 * permanent ZNS failure, when e-mail is configured), or the next contact.
 */
export function followUp(delivery: DeliveryJob, error: DeliveryError, channels: Partial<Readonly<Record<ChannelName, Channel>>>): { job: DeliveryJob; label: string } | null {
  if (error.permanent && delivery.channel === 'zalo' && channels.email) {
    return { job: { ...delivery, channel: 'email', fallbackFrom: 'zalo' }, label: 'e-mail' };
  }
  const next = delivery.contacts[delivery.contactIndex + 1];
  if ((error.action === 'next-contact' || error.action === 'fallback-email') && next) {
    return { job: { ...delivery, contactIndex: delivery.contactIndex + 1 }, label: `người liên hệ tiếp theo (${next.name})` };
  }
  return null;
}

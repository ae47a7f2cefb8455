// The port every delivery channel implements. The notifier only ever sees
// this: a channel sends one rendered message to one address, or throws a
// DeliveryError saying what to do next. Each adapter decides that once, from
// its own protocol's error codes, so the notifier never parses SMTP replies
// or ZNS codes.
import type { ContactChannel } from '@dondoc/domain';

import type { ZnsTemplate } from './zalo-zns/zns-templates';

/** A message ready to send: e-mail parts, and the same facts as ZNS template data. */
export interface OutboundContent {
  readonly template: ZnsTemplate;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly znsData: Readonly<Record<string, string>>;
}

export interface OutboundMessage {
  /** Unique per reminder (or digest), recipient and channel: seeds the Message-ID / tracking_id. */
  readonly deliveryKey: string;
  readonly recipient: { readonly name: string; readonly address: string };
  readonly content: OutboundContent;
}

export interface SendReceipt {
  /** The provider's id: the Message-ID for e-mail, msg_id for ZNS. */
  readonly providerMessageId: string;
}

export interface Channel {
  readonly name: ContactChannel;
  send(message: OutboundMessage): Promise<SendReceipt>;
  close(): Promise<void>;
}

/**
 * What the notifier does after a failed attempt:
 * - `retry`: a temporary problem; try the same send again later (backoff).
 * - `fail`: permanent; retrying cannot help (dead-letter, replay after a fix).
 * - `next-contact`: this contact's address is bad; try the step's next contact.
 * - `fallback-email`: this channel cannot deliver to the person (no Zalo account, invalid phone, or
 *   any other permanent ZNS refusal); use e-mail.
 */
export type FailureAction = 'retry' | 'fail' | 'next-contact' | 'fallback-email';

export class DeliveryError extends Error {
  constructor(
    readonly action: FailureAction,
    /** Human-readable reason for the delivery log (Vietnamese, with the provider's code). */
    readonly reason: string,
    /** The provider's code, e.g. "550", "-118". */
    readonly code: string | null = null,
    options?: { cause?: unknown; retryAt?: number },
  ) {
    super(reason, options);
    this.name = 'DeliveryError';
    this.retryAt = options?.retryAt ?? null;
  }

  /**
   * For `retry`: the provider said when trying again can work (epoch ms), e.g. when
   * Zalo's daily quota resets. Until then every send on this channel would fail the same way.
   */
  readonly retryAt: number | null;

  get permanent(): boolean {
    return this.action !== 'retry';
  }
}

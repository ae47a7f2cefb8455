// Links as the officer receives them: found in a message of the SMTP sink,
// read (not verified) to know which task or report they are for.
import type { SinkMessage } from '@dondoc/runtime';

/**
 * Digests go out a few seconds after their last reminder (not two minutes, at
 * most half a minute after the first) and at any hour, so a suite sees its mail soon.
 */
export const PROMPT_DIGESTS = { NOTIFIER_DIGEST_WINDOW_MS: '5000', NOTIFIER_DIGEST_MAX_WAIT_MS: '30000', NOTIFIER_DIGEST_NOT_BEFORE: '00:00' } as const;

export interface MailedLink {
  readonly url: string;
  readonly token: string;
  readonly claims: { readonly purpose: string; readonly subject: string; readonly agencyId: string; readonly exp: number };
}

/** `${PUBLIC_BASE_URL}/l/<token>`, and the /links/<purpose>?token=<token> of messages sent before it. */
const LINK = /(https?:\/\/[^\s"<>]+?)\/(?:l\/|links\/[a-z-]+\?token=)([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/g;

export function linksIn(message: Pick<SinkMessage, 'text'>): MailedLink[] {
  return [...message.text.matchAll(LINK)].map(([url, , token]) => ({
    url: url!,
    token: token!,
    claims: JSON.parse(Buffer.from(token!.split('.')[0]!, 'base64url').toString('utf8')) as MailedLink['claims'],
  }));
}

/** The first link of `purpose` in the mailbox, with the message it came in. */
export function findLink(messages: readonly SinkMessage[], purpose: string, accept: (link: MailedLink) => boolean = () => true): { message: SinkMessage; link: MailedLink } | undefined {
  for (const message of messages) {
    const link = linksIn(message).find((l) => l.claims.purpose === purpose && accept(l));
    if (link) return { message, link };
  }
  return undefined;
}

import { createHash } from 'node:crypto';

/**
 * `<sha256(deliveryKey)@domain>`: the same reminder to the same person always
 * carries the same Message-ID, so a duplicate send (the unavoidable crash
 * window) is visible in any mailbox and collapsed by many clients.
 */
export function messageIdFor(deliveryKey: string, domain: string): string {
  return `<${createHash('sha256').update(deliveryKey).digest('hex')}@${domain}>`;
}

/** The domain of the sender address in `"Name" <user@domain>` or `user@domain`. */
export function domainOfAddress(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim());
  if (!match?.[1]) throw new Error(`cannot find the domain of the sender address ${from}`);
  return match[1].toLowerCase();
}

// Deliberately stricter than RFC 5322: directory entries are typed by hand,
// and "a.b@cd" with a space or a missing dot is a typo, not an exotic address.
const EMAIL = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function isValidEmailAddress(address: string): boolean {
  return EMAIL.test(address) && !address.includes('..');
}

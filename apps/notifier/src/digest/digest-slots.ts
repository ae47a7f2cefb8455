// Which digest an entry joins, and when that digest goes out. A person's
// digest of a day is keyed by channel and address, so whatever roles and
// agencies a person's reminders come through, they arrive together. Today's
// digest collects until no entry has joined it for `windowMs` (never before
// `notBefore` local time, never more than `maxWaitMs` after it started
// collecting); an entry arriving once it is sealed goes to the next working
// day's digest, which waits for that day's `notBefore` in office hours.
import { normaliseVietnamesePhone } from '@dondoc/channels';
import type { DeliveryContact } from '@dondoc/contracts';
import type { DigestSlot } from '@dondoc/db';
import type { QuietHours } from '@dondoc/domain';
import { vietnamDate, vietnamInstant, type WorkingDayCalendar } from '@dondoc/policy';
import { createHash } from 'node:crypto';

export interface DigestTiming {
  /** Quiet period: a digest goes out once no entry has joined it for this long. */
  readonly windowMs: number;
  /** At most this long after the digest began collecting. */
  readonly maxWaitMs: number;
  /** Local time "HH:MM" before which no digest goes out (the ladder's send time). */
  readonly notBefore: string;
}

/** The defaults of NOTIFIER_DIGEST_WINDOW_MS, NOTIFIER_DIGEST_MAX_WAIT_MS and NOTIFIER_DIGEST_NOT_BEFORE. */
export const DEFAULT_DIGEST_TIMING: DigestTiming = { windowMs: 120_000, maxWaitMs: 30 * 60_000, notBefore: '08:00' };

/** `digest|<day>|<channel>|<hash>`: the digest id, its BullMQ job id and the seed of its Message-ID / tracking_id. */
export function digestId(day: string, channel: 'email' | 'zalo', address: string): string {
  return `digest|${day}|${channel}|${createHash('sha256').update(address).digest('hex').slice(0, 20)}`;
}

/** The person behind a contact on a channel: the e-mail address in lower case, or the phone number as Zalo knows it. */
export function personAddress(channel: 'email' | 'zalo', contact: Pick<DeliveryContact, 'email' | 'phone'>): string | null {
  if (channel === 'email') return contact.email.trim().toLowerCase();
  if (!contact.phone) return null;
  return normaliseVietnamesePhone(contact.phone) ?? contact.phone.trim();
}

/** The n-th digest an entry may join: today's (n = 0), then each next working day's. */
export function digestSlots(
  person: { channel: 'email' | 'zalo'; address: string; agencyId: string; quietHours: QuietHours | null },
  now: number,
  calendar: Pick<WorkingDayCalendar, 'addWorkingDays' | 'nextOfficeMoment'>,
  timing: DigestTiming,
): (n: number) => DigestSlot {
  const today = vietnamDate(now);
  const slots: DigestSlot[] = [];
  return (n) => {
    for (let i = slots.length; i <= n; i++) {
      const day = i === 0 ? today : calendar.addWorkingDays(slots[i - 1]!.day, 1);
      const start = i === 0 ? Math.max(now, vietnamInstant(day, timing.notBefore)) : calendar.nextOfficeMoment(vietnamInstant(day, timing.notBefore));
      slots.push({
        id: digestId(day, person.channel, person.address),
        day,
        channel: person.channel,
        address: person.address,
        recipientAgencyId: person.agencyId,
        quietHours: person.quietHours,
        sendAfter: new Date(start + timing.windowMs),
        sendBy: new Date(start + Math.max(timing.maxWaitMs, timing.windowMs)),
      });
    }
    return slots[n]!;
  };
}

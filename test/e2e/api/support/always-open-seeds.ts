// A copy of seeds/ under which offices are open all day, every day from today
// (weekends become làm bù days, quiet hours are dropped), so an e2e test can
// watch a reminder leave at whatever hour CI runs it. Everything else (plans,
// agencies, policy, holidays) is the real seed data. Public holidays stay days
// off: a test run on one must expect its reminder at the next working day.
import { weekdayOf } from '@dondoc/calendar';
import type { DeliveryMode } from '@dondoc/domain';
import { addCalendarDays, vietnamDate } from '@dondoc/policy';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';

const SEEDS = path.join(__dirname, '..', '..', '..', '..', 'seeds');
const DOCUMENT = 'e2e-always-open';
/** Days from today made working days: longer than any e2e suite runs. */
const DAYS_AHEAD = 3;

export function alwaysOpenSeeds(now = Date.now(), options: { delivery?: DeliveryMode } = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-seeds-'));
  cpSync(SEEDS, dir, { recursive: true });
  const agencies = path.join(dir, 'agencies.yaml');
  const directory = parse(readFileSync(agencies, 'utf8')) as { agencies: Array<{ preferences?: { channels?: string[]; quietHours?: unknown; delivery?: DeliveryMode } | null }> };
  for (const agency of directory.agencies) {
    // No quiet hours; `delivery` (e.g. each: one message per reminder instead of the daily digest) for every agency.
    const channels = agency.preferences?.channels ?? ['email', 'zalo'];
    agency.preferences = { channels, ...(options.delivery ? { delivery: options.delivery } : agency.preferences?.delivery ? { delivery: agency.preferences.delivery } : {}) };
  }
  writeFileSync(agencies, stringify(directory));

  const today = vietnamDate(now);
  const days = Array.from({ length: DAYS_AHEAD + 1 }, (_, i) => addCalendarDays(today, i));
  const years = [...new Set(days.map((d) => Number(d.slice(0, 4))))];
  for (const year of years) {
    const file = path.join(dir, 'calendar', `${year}.yaml`);
    const announcement = existsSync(file) ? (parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : { year };
    const documents = { ...(announcement.documents as Record<string, string> | undefined), [DOCUMENT]: 'Lịch làm việc cả ngày cho kiểm thử e2e' };
    const announced = (announcement.workingDays as Array<{ date: string }> | undefined) ?? [];
    const offDays = new Set(((announcement.daysOff as Array<{ date: string }> | undefined) ?? []).map((d) => d.date));
    const weekends = days.filter((d) => d.startsWith(`${year}-`) && [0, 6].includes(weekdayOf(d)) && !offDays.has(d) && !announced.some((w) => w.date === d));
    writeFileSync(
      file,
      stringify({
        ...announcement,
        documents,
        workingDays: [...announced, ...weekends.map((date) => ({ date, document: DOCUMENT }))],
        officeHours: [{ start: '00:00', end: '24:00' }],
      }),
    );
  }
  return dir;
}

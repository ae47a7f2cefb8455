// `dondoc calendar` against a second, independent source: the Python `holidays`
// package. Every day on which the two disagree about working must be explained in
// calendar/holiday-differences.yaml; the test prints the table of differences.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { repoRoot } from '@dondoc/runtime';
import { testPython } from '@dondoc/test-harness';
import { parse } from 'yaml';

const YEARS = { from: 2025, to: 2030 } as const;
type Worked = 'off' | 'worked';
interface Difference {
  readonly date: string;
  readonly ours: Worked;
  readonly theirs: Worked;
}
interface Explained extends Difference {
  readonly reason: string;
}

const root = repoRoot();
const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/** Weekdays off and weekend days worked, by `dondoc calendar <year> --json`. */
function ourExceptions(year: number): Map<string, Worked> {
  const output = execFileSync(process.execPath, [path.join(root, 'dist/apps/cli/src/main.js'), 'calendar', String(year), '--json', '--seeds', path.join(root, 'seeds/calendar')], { encoding: 'utf8' });
  const calendar = JSON.parse(output) as { daysOff: Array<{ date: string }>; workingDays: Array<{ date: string }> };
  return new Map<string, Worked>([
    ...calendar.daysOff.filter((d) => !isWeekend(d.date)).map((d): [string, Worked] => [d.date, 'off']),
    ...calendar.workingDays.map((d): [string, Worked] => [d.date, 'worked']),
  ]);
}

/** The same from the package: its days off, and the weekend days its swaps name ("thay cho ngày 22/08/2026"). */
function theirExceptions(): { version: string; byYear: Map<number, Map<string, Worked>> } {
  const script = path.join(__dirname, 'calendar', 'vietnam_holidays.py');
  const output = execFileSync(testPython('holidays'), [script, String(YEARS.from), String(YEARS.to)], { encoding: 'utf8' });
  const parsed = JSON.parse(output) as { version: string; years: Record<string, Array<{ date: string; name: string }>> };
  const byYear = new Map<number, Map<string, Worked>>();
  for (const [year, days] of Object.entries(parsed.years)) {
    const exceptions = new Map<string, Worked>();
    for (const day of days) {
      if (!isWeekend(day.date)) exceptions.set(day.date, 'off');
      const swap = /thay cho ngày (\d{2})\/(\d{2})\/(\d{4})/.exec(day.name);
      if (swap) exceptions.set(`${swap[3]}-${swap[2]}-${swap[1]}`, 'worked');
    }
    byYear.set(Number(year), exceptions);
  }
  return { version: parsed.version, byYear };
}

const defaultOf = (date: string): Worked => (isWeekend(date) ? 'off' : 'worked');

describe('dondoc calendar against the Python holidays package', () => {
  it(`agrees on every working day of ${YEARS.from}–${YEARS.to}, or the difference is explained`, () => {
    const theirs = theirExceptions();
    const differences: Difference[] = [];
    for (let year = YEARS.from; year <= YEARS.to; year++) {
      const ours = ourExceptions(year);
      const their = theirs.byYear.get(year) ?? new Map<string, Worked>();
      for (const date of new Set([...ours.keys(), ...their.keys()])) {
        const a = ours.get(date) ?? defaultOf(date);
        const b = their.get(date) ?? defaultOf(date);
        if (a !== b) differences.push({ date, ours: a, theirs: b });
      }
    }
    differences.sort((a, b) => a.date.localeCompare(b.date));

    const explained = parse(readFileSync(path.join(__dirname, 'calendar', 'holiday-differences.yaml'), 'utf8')) as Explained[];
    const reasonOf = new Map(explained.map((e) => [`${e.date} ${e.ours} ${e.theirs}`, e.reason]));
    const table = differences.map((d) => `${d.date}  ours: ${d.ours.padEnd(6)} theirs (holidays ${theirs.version}): ${d.theirs.padEnd(6)} ${reasonOf.get(`${d.date} ${d.ours} ${d.theirs}`)?.replace(/\s+/g, ' ') ?? 'UNEXPLAINED'}`);
    process.stdout.write(`Differences with the Python holidays package:\n${table.join('\n')}\n`);

    const unexplained = differences.filter((d) => !reasonOf.has(`${d.date} ${d.ours} ${d.theirs}`));
    const stale = explained.filter((e) => !differences.some((d) => d.date === e.date && d.ours === e.ours && d.theirs === e.theirs));
    expect({ unexplained, stale: stale.map((e) => e.date) }).toEqual({ unexplained: [], stale: [] });
    // The comparison itself must see the two sources' announcements: both know the 2025 and 2026 swaps they share.
    expect(theirs.byYear.get(2025)?.get('2025-04-26')).toBe('worked');
    expect(ourExceptions(2026).get('2026-08-22')).toBe('worked');
  });
});

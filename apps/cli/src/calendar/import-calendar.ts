// `dondoc calendar import <file>`: an admin records a new holiday announcement
// (Tết, Quốc khánh, a swapped working day) without editing the seeds by hand.
// The file is checked (file:line for every problem), the days whose working status
// changes are listed, and it replaces seeds/calendar/<year>.yaml only if the whole
// catalog still loads with it; otherwise the previous file stays, untouched.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { type CalendarOverrides, CalendarOverridesError, formatVietnameseDate, loadCalendarOverridesDir, parseCalendarOverrides, vietnameseWeekday, WorkingCalendar } from '@dondoc/calendar';
import type { Database } from '@dondoc/db';
import { loadSeedCatalog } from '@dondoc/plan-sync';
import type { Kysely } from 'kysely';

import { recordOperatorAction } from '../operator-audit';
import type { CliIo } from '../plan/cli-io';

export interface CalendarImportOptions {
  /** The seeds folder whose calendar/ receives the file. */
  readonly seedsDir: string;
  readonly by: string;
  /** Moves running workflows onto the new calendar; returns a line to print. */
  readonly apply?: () => Promise<string>;
}

export interface WorkingDayChange {
  readonly date: string;
  readonly before: 'nghỉ' | 'làm việc';
  readonly after: 'nghỉ' | 'làm việc';
}

export async function runCalendarImport(file: string, options: CalendarImportOptions, io: CliIo, db: Kysely<Database>): Promise<number> {
  const read = io.readFile(file);
  if (!read.ok) {
    io.err(`${file}: không đọc được tệp (${read.reason})\n`);
    return 2;
  }
  let overrides: CalendarOverrides;
  try {
    overrides = parseCalendarOverrides(read.text, file);
  } catch (error) {
    if (!(error instanceof CalendarOverridesError)) throw error;
    io.err(`${error.message}\nchưa nhập lịch (không có gì bị thay đổi)\n`);
    return 1;
  }
  const calendarDir = path.join(options.seedsDir, 'calendar');
  const target = path.join(calendarDir, `${overrides.year}.yaml`);
  const previousText = existsSync(target) ? readFileSync(target, 'utf8') : null;
  if (previousText === read.text) {
    io.out(`${target}: không có thay đổi (cùng nội dung).\n`);
    return 0;
  }
  const others = (existsSync(calendarDir) ? loadCalendarOverridesDir(calendarDir) : []).filter((o) => o.year !== overrides.year);
  const previous = previousText === null ? [] : [parseCalendarOverrides(previousText, target)];
  const changes = workingDayChanges(overrides.year, new WorkingCalendar({ overrides: [...others, ...previous] }), new WorkingCalendar({ overrides: [...others, overrides] }));

  // Written beside the target and renamed, so a reader never sees half a file.
  const staged = `${target}.importing`;
  writeFileSync(staged, read.text);
  renameSync(staged, target);
  try {
    loadSeedCatalog(options.seedsDir);
  } catch (error) {
    if (previousText === null) rmSync(target);
    else {
      writeFileSync(staged, previousText);
      renameSync(staged, target);
    }
    io.err(`${(error as Error).message}\nchưa nhập lịch: tệp cũ được giữ nguyên\n`);
    return 1;
  }

  io.out(`${target}: đã nhập lịch năm ${overrides.year}${previousText === null ? ' (tệp mới)' : ''}.\n`);
  io.out(changes.length === 0 ? '  không ngày nào đổi giữa nghỉ và làm việc\n' : `${changes.map((c) => `  ${formatVietnameseDate(c.date)} (${vietnameseWeekday(c.date)}): ${c.before} → ${c.after}`).join('\n')}\n`);
  await recordOperatorAction(db, {
    action: 'calendar.import',
    target: `calendar/${overrides.year}`,
    by: options.by,
    payload: { file, changes: changes.map((c) => `${c.date}: ${c.after}`) },
  });
  const applied = await options.apply?.();
  if (applied) io.out(`${applied}\n`);
  return 0;
}

/** Every date of the year whose working status differs between two calendars. */
export function workingDayChanges(year: number, before: WorkingCalendar, after: WorkingCalendar): WorkingDayChange[] {
  const status = (calendar: WorkingCalendar, date: string) => (calendar.isWorkingDay(date) ? 'làm việc' : 'nghỉ') as WorkingDayChange['before'];
  const changes: WorkingDayChange[] = [];
  for (let day = Date.UTC(year, 0, 1); new Date(day).getUTCFullYear() === year; day += 86_400_000) {
    const date = new Date(day).toISOString().slice(0, 10);
    const [b, a] = [status(before, date), status(after, date)];
    if (b !== a) changes.push({ date, before: b, after: a });
  }
  return changes;
}

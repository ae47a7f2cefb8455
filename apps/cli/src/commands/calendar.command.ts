import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import {
  CALENDAR_YEARS,
  dayOffKindLabel,
  formatLunarDate,
  formatVietnameseDate,
  loadCalendarOverridesDir,
  vietnameseWeekday,
  WorkingCalendar,
  type YearCalendar,
} from '@dondoc/calendar';
import { configOrExit } from '@dondoc/config';
import { createDatabase } from '@dondoc/db';
import { InvalidArgumentError, type Command } from 'commander';

import { applyCalendarToWorkflows } from '../calendar/apply-calendar';
import { runCalendarImport } from '../calendar/import-calendar';
import { nodeIo } from '../plan/cli-io';
import { databaseUrlFor } from '../runtime-connections';

/**
 * `dondoc calendar <year>`: the days off and làm bù days of a year, as the reminders will count them;
 * `dondoc calendar import <file>`: records a year's announcement and moves running workflows onto it.
 */
export function register(program: Command): void {
  const calendar = program
    .command('calendar')
    .description('In lịch nghỉ lễ, Tết, nghỉ bù và ngày làm bù của một năm, kèm nguồn của từng ngày; nhập lịch công bố mới (calendar import)')
    .argument('<year>', `năm (${CALENDAR_YEARS.from}–${CALENDAR_YEARS.to})`, parseYear)
    .option('--seeds <dir>', 'thư mục lịch công bố <năm>.yaml (mặc định: seeds/calendar trong thư mục hiện tại)')
    .option('--json', 'in dạng JSON (cho script): từng ngày với loại, nguồn, văn bản và dấu dự kiến')
    .action((year: number, options: { seeds?: string; json?: boolean }) => {
      const shown = options.seeds ?? 'seeds/calendar';
      const directory = resolve(shown);
      const exists = existsSync(directory);
      // A missing default folder only means "no announcements"; a folder the user named must exist.
      if (!exists && options.seeds !== undefined) throw new Error(`không có thư mục lịch công bố ${shown}`);
      const overrides = exists ? loadCalendarOverridesDir(directory) : [];
      const working = new WorkingCalendar({ overrides });
      const origin = !exists
        ? `không thấy thư mục ${shown}, chỉ có lịch tính toán`
        : overrides.some((o) => o.year === year)
          ? `công bố: ${join(shown, `${year}.yaml`)}`
          : `chưa có tệp công bố ${year}.yaml trong ${shown}`;
      const holidays = working.holidaysOf(year);
      const timeZone = working.officeHours.timeZone;
      process.stdout.write(options.json ? `${JSON.stringify(calendarJson(holidays, timeZone, origin), null, 2)}\n` : render(holidays, timeZone, origin));
    });

  calendar
    .command('import')
    .description('Nhập tệp lịch công bố <năm>.yaml (Tết, Quốc khánh, hoán đổi ngày làm việc) vào DONDOC_SEEDS_DIR/calendar, liệt kê các ngày thay đổi và chuyển các luồng theo dõi sang lịch mới')
    .argument('<file>', 'tệp lịch công bố YAML (xem seeds/calendar/README.md)')
    .option('--by <name>', 'người nhập, ghi vào nhật ký thao tác')
    .option('--no-workflows', 'chỉ lưu tệp, không cập nhật các luồng theo dõi nhiệm vụ')
    .action(async (file: string, options: { by?: string; workflows: boolean }) => {
      const config = configOrExit();
      const db = createDatabase(databaseUrlFor(config));
      try {
        const by = options.by ?? 'cli';
        const apply = options.workflows ? () => applyCalendarToWorkflows(config, db, by) : undefined;
        process.exitCode = await runCalendarImport(file, { seedsDir: config.DONDOC_SEEDS_DIR, by, ...(apply ? { apply } : {}) }, nodeIo(), db);
      } finally {
        await db.destroy();
      }
    });
}

function parseYear(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < CALENDAR_YEARS.from || year > CALENDAR_YEARS.to) {
    throw new InvalidArgumentError(`năm phải từ ${CALENDAR_YEARS.from} đến ${CALENDAR_YEARS.to}`);
  }
  return year;
}

/** The same facts as the table, for scripts: ISO dates, one object per day. */
export function calendarJson(calendar: YearCalendar, timeZone: string, origin: string) {
  return {
    year: calendar.year,
    timeZone,
    origin,
    daysOff: calendar.daysOff.map((day) => ({
      date: day.date,
      weekday: vietnameseWeekday(day.date),
      name: day.name,
      occasion: day.occasion,
      kind: day.kind,
      lunar: day.lunar ? formatLunarDate(day.lunar) : null,
      source: day.source,
      document: day.document ?? null,
      provisional: day.provisional === true,
    })),
    workingDays: calendar.swappedWorkingDays.map((day) => ({
      date: day.date,
      weekday: vietnameseWeekday(day.date),
      name: day.name,
      replaces: day.replaces ?? null,
      document: day.document,
    })),
  };
}

export function render(calendar: YearCalendar, timeZone: string, origin: string): string {
  const documents: string[] = [];
  const source = (document: string | undefined, provisional = false): string => {
    if (document === undefined) return provisional ? 'tính toán, dự kiến' : 'tính toán';
    if (!documents.includes(document)) documents.push(document);
    return `công bố [${documents.indexOf(document) + 1}]`;
  };
  const daysOff = calendar.daysOff.map((day) => [
    formatVietnameseDate(day.date),
    vietnameseWeekday(day.date),
    day.name,
    day.lunar ? formatLunarDate(day.lunar) : '',
    dayOffKindLabel(day.kind),
    source(day.source === 'override' ? day.document : undefined, day.provisional),
  ]);
  const provisional = calendar.daysOff.some((day) => day.provisional);
  const workingDays = calendar.swappedWorkingDays.map((day) => [
    formatVietnameseDate(day.date),
    vietnameseWeekday(day.date),
    day.name,
    '',
    'làm bù',
    source(day.document),
  ]);
  const header = ['Ngày', 'Thứ', 'Tên', 'Âm lịch', 'Loại', 'Nguồn'];
  const table = alignColumns([header, ...daysOff, ...workingDays]);
  const [head = '', ...rows] = table;
  return [
    `Lịch nghỉ năm ${calendar.year} (${timeZone}); thứ Bảy, Chủ nhật là ngày nghỉ hằng tuần, trừ ngày làm bù`,
    `Nguồn: tính theo Bộ luật Lao động 2019 (Điều 111, 112); ${origin}`,
    '',
    `Ngày nghỉ (${daysOff.length}):`,
    `  ${head}`,
    ...rows.slice(0, daysOff.length).map((row) => `  ${row}`),
    '',
    `Ngày làm bù (${workingDays.length}):`,
    ...(workingDays.length === 0 ? ['  không có'] : rows.slice(daysOff.length).map((row) => `  ${row}`)),
    ...(documents.length === 0 ? [] : ['', 'Văn bản công bố:', ...documents.map((doc, i) => `  [${i + 1}] ${doc}`)]),
    ...(provisional
      ? ['', 'Dự kiến: ngày Tết, ngày liền kề Quốc khánh và nghỉ bù của chúng do Thủ tướng quyết định hằng năm, chưa có công bố; sẽ thay khi có tệp công bố.']
      : []),
    '',
  ].join('\n');
}

/** Pads each column to its widest cell; the last column is left unpadded. */
function alignColumns(rows: readonly string[][]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

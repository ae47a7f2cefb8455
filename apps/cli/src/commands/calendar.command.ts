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
import { InvalidArgumentError, type Command } from 'commander';

/** `dondoc calendar <year>`: the days off and làm bù days of a year, as the reminders will count them. */
export function register(program: Command): void {
  program
    .command('calendar')
    .description('In lịch nghỉ lễ, Tết, nghỉ bù và ngày làm bù của một năm, kèm nguồn của từng ngày')
    .argument('<year>', `năm (${CALENDAR_YEARS.from}–${CALENDAR_YEARS.to})`, parseYear)
    .option('--seeds <dir>', 'thư mục lịch công bố <năm>.yaml (mặc định: seeds/calendar trong thư mục hiện tại)')
    .action((year: number, options: { seeds?: string }) => {
      const shown = options.seeds ?? 'seeds/calendar';
      const directory = resolve(shown);
      const exists = existsSync(directory);
      // A missing default folder only means "no announcements"; a folder the user named must exist.
      if (!exists && options.seeds !== undefined) throw new Error(`không có thư mục lịch công bố ${shown}`);
      const overrides = exists ? loadCalendarOverridesDir(directory) : [];
      const calendar = new WorkingCalendar({ overrides });
      const origin = !exists
        ? `không thấy thư mục ${shown}, chỉ có lịch tính toán`
        : overrides.some((o) => o.year === year)
          ? `công bố: ${join(shown, `${year}.yaml`)}`
          : `chưa có tệp công bố ${year}.yaml trong ${shown}`;
      process.stdout.write(render(calendar.holidaysOf(year), calendar.officeHours.timeZone, origin));
    });
}

function parseYear(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < CALENDAR_YEARS.from || year > CALENDAR_YEARS.to) {
    throw new InvalidArgumentError(`năm phải từ ${CALENDAR_YEARS.from} đến ${CALENDAR_YEARS.to}`);
  }
  return year;
}

function render(calendar: YearCalendar, timeZone: string, origin: string): string {
  const documents: string[] = [];
  const source = (document: string | undefined): string => {
    if (document === undefined) return 'tính toán';
    if (!documents.includes(document)) documents.push(document);
    return `công bố [${documents.indexOf(document) + 1}]`;
  };
  const daysOff = calendar.daysOff.map((day) => [
    formatVietnameseDate(day.date),
    vietnameseWeekday(day.date),
    day.name,
    day.lunar ? formatLunarDate(day.lunar) : '',
    dayOffKindLabel(day.kind),
    source(day.source === 'override' ? day.document : undefined),
  ]);
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

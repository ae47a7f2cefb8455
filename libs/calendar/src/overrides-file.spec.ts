import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { CalendarOverridesError } from './overrides-error';
import { loadCalendarOverridesDir, loadCalendarOverridesFile } from './overrides-file';

describe(loadCalendarOverridesDir.name, () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'dondoc-calendar-'));
  });

  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('reads every <year>.yaml in year order and skips other files', () => {
    writeFileSync(join(directory, '2026.yaml'), 'year: 2026\ndocuments: { a: A }\n');
    writeFileSync(join(directory, '2025.yml'), 'year: 2025\ndocuments: { a: A }\n');
    writeFileSync(join(directory, 'README.md'), '# not a year\n');
    expect(loadCalendarOverridesDir(directory).map((overrides) => overrides.year)).toEqual([2025, 2026]);
  });

  it('rejects a file whose year differs from its name', () => {
    writeFileSync(join(directory, '2025.yaml'), 'year: 2026\ndocuments: { a: A }\n');
    expect(() => loadCalendarOverridesDir(directory)).toThrow(CalendarOverridesError);
    expect(() => loadCalendarOverridesDir(directory)).toThrow(/2025\.yaml:? year: tệp 2025\.yaml phải khai báo year: 2025/);
  });

  it('names the file in validation errors', () => {
    const file = join(directory, '2025.yaml');
    writeFileSync(file, 'year: 2025\ndocuments: { a: A }\ndaysOff: [{ date: 2025-02-30, occasion: tet, kind: holiday, document: a }]\n');
    expect(() => loadCalendarOverridesFile(file)).toThrow(`${file}:3:13 daysOff[0].date`);
  });

  it('fails plainly on a missing directory', () => {
    expect(() => loadCalendarOverridesDir(join(directory, 'missing'))).toThrow(/ENOENT/);
  });
});

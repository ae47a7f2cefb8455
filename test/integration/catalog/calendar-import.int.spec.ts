// `dondoc calendar import` against the real PostgreSQL: an admin records a year's
// announcement; the file replaces seeds/calendar/<year>.yaml only when valid and
// when the whole catalog still loads, and the changed days are listed and audited.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { AuditLogRepository } from '@dondoc/db';

import { runCalendarImport } from '../../../apps/cli/src/calendar/import-calendar';
import type { CliIo } from '../../../apps/cli/src/plan/cli-io';
import { createTestDatabase } from '../../../libs/db/src/testing';

const root = path.join(__dirname, '..', '..', '..');

function memoryIo(files: Record<string, string>): CliIo & { output: string } {
  const io = {
    output: '',
    readFile: (file: string) => (file in files ? { ok: true as const, text: files[file]! } : { ok: false as const, reason: 'không có tệp này' }),
    out: (text: string) => void (io.output += text),
    err: (text: string) => void (io.output += text),
    columns: 120,
    today: () => '2026-12-04',
  };
  return io;
}

const tet2027 = `year: 2027
documents:
  tb-tet-2027: Thông báo của Bộ Nội vụ về lịch nghỉ Tết Âm lịch năm 2027
replaces: [tet]
daysOff:
  - { date: 2027-02-04, occasion: tet, kind: holiday, document: tb-tet-2027 }
  - { date: 2027-02-05, occasion: tet, kind: holiday, document: tb-tet-2027 }
  - { date: 2027-02-08, occasion: tet, kind: holiday, document: tb-tet-2027 }
  - { date: 2027-02-09, occasion: tet, kind: holiday, document: tb-tet-2027 }
  - { date: 2027-02-10, occasion: tet, kind: holiday, document: tb-tet-2027 }
`;

describe('dondoc calendar import', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let seedsDir: string;

  beforeAll(async () => {
    database = await createTestDatabase({ label: 'calendar-import' });
  });
  afterAll(() => database?.destroy());
  beforeEach(() => {
    seedsDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'dondoc-seeds-')), 'seeds');
    cpSync(path.join(root, 'seeds'), seedsDir, { recursive: true });
  });
  afterEach(() => rmSync(path.dirname(seedsDir), { recursive: true, force: true }));

  it('writes a new year, lists the days that change between working and off, audits it and applies it', async () => {
    const io = memoryIo({ '2027.yaml': tet2027 });
    const apply = jest.fn(async () => '  luồng theo dõi: 3 nhiệm vụ chuyển sang lịch mới');
    expect(await runCalendarImport('2027.yaml', { seedsDir, by: 'admin@skhcn', apply }, io, database.db)).toBe(0);

    expect(readFileSync(path.join(seedsDir, 'calendar/2027.yaml'), 'utf8')).toBe(tet2027);
    // Computed: Tết 05–09/02 with nghỉ bù 10–11/02. Announced: 04–05/02 and 08–10/02.
    expect(io.output.split('\n')).toEqual([
      `${path.join(seedsDir, 'calendar/2027.yaml')}: đã nhập lịch năm 2027 (tệp mới).`,
      '  04/02/2027 (Thứ Năm): làm việc → nghỉ',
      '  11/02/2027 (Thứ Năm): nghỉ → làm việc',
      '  luồng theo dõi: 3 nhiệm vụ chuyển sang lịch mới',
      '',
    ]);
    expect(apply).toHaveBeenCalledTimes(1);
    const audit = await new AuditLogRepository(database.db).list({}, { limit: 10 });
    expect(audit.items.find((entry) => entry.action === 'calendar.import')).toMatchObject({ actor: 'admin@skhcn', target: 'calendar/2027', role: 'operator' });

    const again = memoryIo({ '2027.yaml': tet2027 });
    expect(await runCalendarImport('2027.yaml', { seedsDir, by: 'admin@skhcn', apply }, again, database.db)).toBe(0);
    expect(again.output).toContain('không có thay đổi');
    expect(apply).toHaveBeenCalledTimes(1);
  });

  it('refuses a bad file with file:line for each problem and changes nothing', async () => {
    const before = readFileSync(path.join(seedsDir, 'calendar/2026.yaml'), 'utf8');
    const bad = `year: 2026
documents: { x: Văn bản }
daysOff:
  - { date: 2026-02-30, occasion: tet, kind: holiday, document: x }
  - { date: 2026-03-02, occasion: tet, kind: holiday, document: y }
`;
    const io = memoryIo({ 'bad.yaml': bad });
    const apply = jest.fn(async () => '');
    expect(await runCalendarImport('bad.yaml', { seedsDir, by: 'admin', apply }, io, database.db)).toBe(1);
    expect(io.output).toContain('bad.yaml:4:7 daysOff[0].date: phải là một ngày có thật, viết YYYY-MM-DD');
    expect(io.output).toContain('chưa nhập lịch (không có gì bị thay đổi)');
    expect(readFileSync(path.join(seedsDir, 'calendar/2026.yaml'), 'utf8')).toBe(before);
    expect(apply).not.toHaveBeenCalled();
  });
});

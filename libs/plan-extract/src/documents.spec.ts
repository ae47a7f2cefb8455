// Acceptance (issue 18): plan documents in other layouts than the seeds',
// each with its expected draft committed under test/fixtures/plan-extract:
// a Word file with a lead cell merged over three tasks, a PDF with ruling
// lines from another issuer with other column names and order, and a PDF
// whose table runs over several pages under a repeated header.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { extractPlan, type ExtractionResult } from './extract-plan';
import { longTablePdf, mergedLeadDocx, otherIssuerPdf } from './testing/plan-documents';
import { seedDirectory } from './testing/seed-directory';

const FIXTURES = path.join('test', 'fixtures', 'plan-extract');
const directory = seedDirectory();
// The first PDF loads pdf.js (and Jest compiles its 2 MB worker): seconds on a busy machine. Speed is the benchmark's business.
jest.setTimeout(60_000);

async function extract(name: string, bytes: Uint8Array): Promise<ExtractionResult> {
  const result = await extractPlan({ bytes, fileName: name }, { directory, currentYear: 2026 });
  const expected = path.join(FIXTURES, `${name}.yaml`);
  // UPDATE_FIXTURES=1 rewrites the expected drafts; review the diff before committing it.
  if (process.env.UPDATE_FIXTURES) writeFileSync(expected, result.draft.yaml);
  expect(result.draft.yaml).toBe(readFileSync(expected, 'utf8'));
  return result;
}

const task = (result: ExtractionResult, id: string) => result.draft.plan.groups.flatMap((g) => g.tasks).find((t) => t.id === id);

describe('extraction of other layouts', () => {
  it('Word: the lead merged over three rows leads each of the three tasks', async () => {
    const result = await extract('merged-lead.docx', await mergedLeadDocx());
    expect(['I.1', 'I.2', 'I.3'].map((id) => task(result, id)?.lead)).toEqual(Array(3).fill({ text: 'Sở Thông tin và Truyền thông', agencies: ['so-tttt'] }));
    expect(task(result, 'II.4')?.coordinators.agencies).toEqual(['cac-so-ban-nganh']);
    expect(result.draft.plan).toMatchObject({ number: '98/KH-UBND', issued: { date: '2026-01-20' }, reporting: { unitDeadline: { day: 15, month: 11 }, aggregatorDeadline: { day: 15, month: 12 } } });
    expect(result.validation.valid).toBe(true);
  });

  it('PDF from another issuer: columns found by their names in any order, groups restart numbering, extra columns kept out', async () => {
    const result = await extract('other-issuer.pdf', await otherIssuerPdf());
    expect(result.table.columns).toEqual(['row', 'name', 'lead', 'deadline', 'result', 'coordinators', 'extra']);
    expect(result.draft.plan.issuer).toBe('so-khcn');
    expect(result.draft.plan.groups.map((g) => [g.number, g.tasks.map((t) => t.id)])).toEqual([
      ['A', ['A.1', 'A.2']],
      ['B', ['B.1', 'B.2']],
    ]);
    expect(task(result, 'A.1')).toMatchObject({ lead: { text: 'Sở KH&CN', agencies: ['so-khcn'] }, deadline: 'Quý II/2026', result: 'Cơ sở dữ liệu' });
    // The sub-item without its own lead or deadline belongs to the task's wording.
    expect(task(result, 'A.2')?.name).toBe('Kết nối cơ sở dữ liệu khoa học và công nghệ với nền tảng dữ liệu của tỉnh a) Chuẩn hóa danh mục dùng chung');
    // Quarter and day deadlines are read, kept as printed, and flagged with what to write.
    const flagged = (id: string) => result.fields.find((f) => f.taskId === id && f.field === 'thời hạn')?.note;
    expect(flagged('A.1')).toMatch(/hết quý 2\/2026.*"6\/2026"/);
    expect(flagged('A.2')).toMatch(/30\/6\/2026/);
    expect(result.unresolvedAgencies).toEqual([{ name: 'Viện Công nghệ số Tây Nguyên', taskIds: ['B.2'] }]);
    expect(result.validation.valid).toBe(false);
    expect(result.reportText).toContain('không hiểu thời hạn "Quý II/2026"');
    // The indicator appendix, read from its grid: the year from the target's header, the item under its heading row.
    expect(result.draft.plan.indicators.map((i) => [i.id, i.name, i.unit, i.target, i.targetYear, i.monitoringAgency.agencies])).toEqual([
      ['1', 'Tỷ lệ hồ sơ nhiệm vụ khoa học và công nghệ được số hóa', '%', '100', 2026, ['so-khcn']],
      ['2', 'Kỹ năng số của cán bộ quản lý khoa học và công nghệ', '', '', 2026, []],
      ['2.-', 'Số cán bộ được tập huấn', 'Người', '≥ 50', 2026, ['so-noi-vu']],
      ['3', 'Nhiệm vụ được thẩm định với trợ lý ảo', 'Nhiệm vụ', '≥ 10', 2026, []],
    ]);
    // The unknown monitoring agency is flagged like an unknown lead.
    expect(result.fields.find((f) => f.path.join('.') === 'indicators.3.monitoringAgency')).toMatchObject({ field: 'chỉ tiêu 3, cơ quan theo dõi', note: expect.stringContaining('Viện Công nghệ số Tây Nguyên') });
  });

  it('PDF over several pages: the repeated header is dropped and rows cut by a page break are joined', async () => {
    const bytes = await longTablePdf(30, { groups: 2 });
    const result = await extract('long-table.pdf', bytes);
    expect(result.source.pages).toBeGreaterThanOrEqual(4);
    const tasks = result.draft.plan.groups.flatMap((g) => g.tasks);
    expect(tasks.map((t) => t.row)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    for (const t of tasks) expect(t.name).toMatch(/^Triển khai nhiệm vụ số \d+ về .* của địa phương$/);
    expect(result.notes.join(' ')).toMatch(/tiêu đề lặp lại/);
    expect(result.validation.valid).toBe(true);
  });
});

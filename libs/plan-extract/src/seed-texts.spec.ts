// Acceptance (issue 18): on both seed texts, as pdftotext wrote them, the
// extractor finds every task of the hand-made catalog and at least 95 % of
// the task fields (name, lead, coordinators, result, deadline) equal after
// whitespace normalisation; every field that differs is flagged for review.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { parse } from 'yaml';

import { REVIEW_BELOW } from './draft/build-draft';
import { extractPlan, type ExtractionResult } from './extract-plan';
import { seedDirectory } from './testing/seed-directory';

// The issue asks for 95 %; each floor is what the extractor reaches, so a change that
// loses fields fails here. kh-nq03-2025: 211/215 (98.1 %); the four misses are in two
// rows whose column boundaries the text does not show (a lead list without a separate
// coordinator cell, a deadline phrase printed in the coordinating column), all flagged.
const SEEDS = [
  { plan: 'kh-nq03-2025', source: '000_22cd2849f6c7996c.txt', minimumEqual: 0.98 },
  { plan: 'kh-ai-2025-2030', source: '004_a06170cb37b4dedd.txt', minimumEqual: 1 },
];
const FIELDS = ['name', 'lead', 'coordinators', 'result', 'deadline'] as const;

interface CatalogTask {
  id: string;
  name: string;
  lead: { text: string; agencies: string[] };
  coordinators: { text: string; agencies: string[] };
  result: string | null;
  deadline: string;
}

const squash = (value: unknown) => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : JSON.stringify(value));
const fieldValue = (task: CatalogTask, field: (typeof FIELDS)[number]) =>
  field === 'lead' || field === 'coordinators' ? `${squash(task[field].text)} → [${task[field].agencies.join(', ')}]` : squash(task[field]);

describe('extraction of the seed texts', () => {
  const directory = seedDirectory();

  describe.each(SEEDS)('$plan from ../shared/seeds/$source', ({ plan, source, minimumEqual }) => {
    const catalog = parse(readFileSync(path.join('seeds', 'plans', `${plan}.yaml`), 'utf8')) as { groups: Array<{ number: string | null; tasks: CatalogTask[] }> };
    const expected = catalog.groups.flatMap((g) => g.tasks);
    let result: ExtractionResult;

    beforeAll(async () => {
      const bytes = readFileSync(path.join('..', 'shared', 'seeds', source));
      result = await extractPlan({ bytes, fileName: source }, { directory, currentYear: 2026 });
    });

    const extractedById = () => {
      const tasks = new Map<string, { task: CatalogTask; path: number[] }>();
      result.draft.plan.groups.forEach((g, gi) => g.tasks.forEach((t, ti) => tasks.set(String(t.row), { task: t as unknown as CatalogTask, path: [gi, ti] })));
      return tasks;
    };

    it('finds every task of the catalog, in order', () => {
      const rows = result.draft.plan.groups.flatMap((g) => g.tasks.map((t) => String(t.row)));
      expect(rows).toEqual(expected.map((t) => t.id.split('.').pop()));
    });

    it('reproduces at least 95 % of the task fields (and the floor reached), and flags every one that differs', () => {
      const extracted = extractedById();
      const differences: Array<{ task: string; field: string; expected: string; extracted: string; flagged: boolean }> = [];
      for (const task of expected) {
        const found = extracted.get(task.id.split('.').pop()!);
        for (const field of FIELDS) {
          const mine = found ? fieldValue(found.task, field) : '(missing)';
          if (mine === fieldValue(task, field)) continue;
          const flagged = !!found && result.fields.some((f) => f.confidence < REVIEW_BELOW && f.path.join('.') === `groups.${found.path[0]}.tasks.${found.path[1]}.${field}`);
          differences.push({ task: task.id, field, expected: fieldValue(task, field), extracted: mine, flagged });
        }
      }
      const total = expected.length * FIELDS.length;
      // The list is the point of the test: each difference, and whether the reviewer is told.
      console.log(`${plan}: ${total - differences.length}/${total} fields equal\n${differences.map((d) => `${d.task} ${d.field} ${d.flagged ? '(flagged)' : '(NOT FLAGGED)'}\n  catalog:   ${d.expected}\n  extracted: ${d.extracted}`).join('\n')}`);
      expect(differences.filter((d) => !d.flagged)).toEqual([]);
      expect((total - differences.length) / total).toBeGreaterThanOrEqual(minimumEqual);
    });

    it('reproduces the indicator table (Phụ lục chỉ tiêu) and the legal basis, flagging every indicator field that differs', () => {
      const catalogPlan = catalog as unknown as { indicators: Array<Record<string, unknown>>; legalBasis: string[] };
      expect(result.draft.plan.legalBasis).toEqual(catalogPlan.legalBasis);
      const extracted = result.draft.plan.indicators as unknown as Array<Record<string, unknown>>;
      expect(extracted.map((i) => i.id)).toEqual(catalogPlan.indicators.map((i) => i.id));
      const differences = catalogPlan.indicators.flatMap((indicator, i) =>
        ['name', 'unit', 'target', 'targetYear', 'monitoringAgency', 'group', 'groupTitle', 'row']
          .filter((field) => JSON.stringify(extracted[i]?.[field]) !== JSON.stringify(indicator[field]))
          .map((field) => ({ id: indicator.id, field, flagged: result.fields.some((f) => f.confidence < REVIEW_BELOW && f.path.join('.') === `indicators.${i}.${field}`) })),
      );
      console.log(`${plan} indicators: ${differences.length} fields differ ${JSON.stringify(differences)}`);
      expect(differences.filter((d) => !d.flagged)).toEqual([]);
      expect(differences).toEqual([]);
      expect(result.reportText).toContain(`Bảng chỉ tiêu: ${catalogPlan.indicators.length === 0 ? 'không có.' : `${catalogPlan.indicators.length} chỉ tiêu (`}`);
    });

    it('keeps every deadline in a form the catalog reads, or flags it', () => {
      for (const { task, path: at } of extractedById().values()) {
        const flagged = result.fields.some((f) => f.path.join('.') === `groups.${at[0]}.tasks.${at[1]}.deadline` && f.confidence < REVIEW_BELOW);
        if (!flagged) expect(result.validation.diagnostics.filter((d) => d.path === `groups[${at[0]}].tasks[${at[1]}].deadline`)).toEqual([]);
        expect(typeof task.deadline).toBe('string');
      }
    });
  });

  it('reads the reporting calendar and metadata of the AI plan', async () => {
    const bytes = readFileSync(path.join('..', 'shared', 'seeds', '004_a06170cb37b4dedd.txt'));
    const { draft } = await extractPlan({ bytes, fileName: 'ai.txt' }, { directory, currentYear: 2026 });
    expect(draft.plan.title).toBe('Kế hoạch Triển khai thực hiện Chiến lược quốc gia về nghiên cứu, phát triển và ứng dụng Trí tuệ nhân tạo trên địa bàn tỉnh Kon Tum giai đoạn 2025-2030');
    expect(draft.plan.number).toBeNull();
    expect(draft.plan.issued).toEqual({ year: 2024, date: null, text: 'ngày    tháng 10 năm 2024' });
    expect(draft.plan.issuer).toBe('ubnd-tinh');
    expect(draft.plan.reporting).toMatchObject({ unitsReportTo: 'so-khcn', unitDeadline: { day: 15, month: 11 }, aggregatorDeadline: { day: 15, month: 12 }, aggregatorReportsTo: ['bo-khcn', 'ubnd-tinh'] });
  });
});

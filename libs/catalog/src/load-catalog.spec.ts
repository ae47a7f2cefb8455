import { formatDiagnostic } from '@dondoc/schemas';

import { loadAgencyDirectory, loadCatalog, loadPlan } from './load-catalog';
import { readFixture } from './test-fixtures';

describe(loadCatalog.name, () => {
  it('loads a directory with its plans, by plan id', () => {
    const result = loadCatalog({ agencies: readFixture('agencies/valid.yaml'), plans: [readFixture('plans/valid.yaml')] });
    expect(result.ok).toBe(true);
    expect(result.ok && [...result.catalog.plans.keys()]).toEqual(['valid']);
  });

  it('rejects two files with the same plan id, naming the first', () => {
    const plan = readFixture('plans/valid.yaml');
    const copy = { file: 'plans/copy/valid.yaml', text: plan.text };
    const result = loadCatalog({ agencies: readFixture('agencies/valid.yaml'), plans: [plan, copy] });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'plans/copy/valid.yaml:2:1 id: mã kế hoạch "valid" trùng với tệp plans/valid.yaml:2',
    ]);
  });

  it('still checks plan references when the directory has an unrelated error', () => {
    const broken = readFixture('agencies/group-member-unknown.yaml');
    const result = loadCatalog({ agencies: broken, plans: [readFixture('plans/unknown-agency-typo.yaml')] });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      'agencies/group-member-unknown.yaml:36:33 unknown-agency',
      'plans/unknown-agency-typo.yaml:47:22 unknown-agency',
    ]);
  });

  it('checks everything but references when the directory is not valid YAML', () => {
    const unreadable = { file: 'agencies.yaml', text: 'agencies:\n\t- id: x\n' };
    const directory = loadAgencyDirectory(unreadable);
    expect(directory).toMatchObject({ ok: false, references: null });
    expect(loadPlan(readFixture('plans/unknown-agency-typo.yaml'), directory.references)).toMatchObject({ ok: true });
  });

  it('warns when a plan id differs from its file name, and still loads it', () => {
    const source = { ...readFixture('plans/valid.yaml'), file: 'seeds/plans/kh-mau.yaml' };
    const result = loadPlan(source, null);
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'seeds/plans/kh-mau.yaml:2:1 id: cảnh báo: mã kế hoạch "valid" khác tên tệp "kh-mau"; nên đặt tên tệp là valid.yaml',
    ]);
  });
});

// Cross-check fixtures with the exact problems each must produce: message,
// line:column and field path. Plan fixtures are checked against
// fixtures/agencies/valid.yaml. A fixture without an entry here fails the suite.
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { DiagnosticCode, Severity } from '@dondoc/schemas';

import { loadAgencyDirectory, loadPlan } from './load-catalog';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const read = (fixture: string) => ({ file: fixture, text: fs.readFileSync(path.join(FIXTURES, fixture), 'utf8') });

type Expected = [at: string, path: string, code: DiagnosticCode, severity: Severity, message: string];

const expectations: Array<[fixture: string, loads: boolean, expected: Expected[]]> = [
  ['plans/duplicate-indicator-id.yaml', false, [
    ['27:5', 'indicators[1].id', 'duplicate-id', 'error', 'mã chỉ tiêu "I.1" bị trùng (đã dùng ở dòng 16, indicators[0].id)'],
  ]],
  ['plans/duplicate-task-id.yaml', false, [
    ['56:9', 'groups[1].tasks[0].id', 'duplicate-id', 'error', 'mã nhiệm vụ "I.2" bị trùng (đã dùng ở dòng 42, groups[0].tasks[1].id)'],
    ['56:9', 'groups[1].tasks[0].id', 'id-format', 'warning', 'mã nhiệm vụ "I.2" không khớp nhóm và số thứ tự (TT); thường là "II.2"'],
  ]],
  ['plans/issuer-is-group.yaml', false, [
    ['5:1', 'issuer', 'not-an-agency', 'error', '"cac-so-nganh" là nhóm (Các sở, ngành); ở đây cần một cơ quan cụ thể'],
  ]],
  ['plans/many-problems.yaml', false, [
    ['47:22', 'groups[0].tasks[1].lead.agencies[0]', 'unknown-agency', 'error', 'không có cơ quan hay nhóm "so-khcm" trong danh mục agencies/valid.yaml (có phải "so-khcn" – Sở Khoa học và Công nghệ tỉnh Kon Tum?)'],
    ['52:9', 'groups[0].tasks[1].deadline', 'invalid-deadline', 'error', 'không hiểu thời hạn "13/2025" (tháng phải từ 1 đến 12)'],
    ['56:9', 'groups[1].tasks[0].id', 'duplicate-id', 'error', 'mã nhiệm vụ "I.1" bị trùng (đã dùng ở dòng 31, groups[0].tasks[0].id)'],
    ['56:9', 'groups[1].tasks[0].id', 'id-format', 'warning', 'mã nhiệm vụ "I.1" không khớp nhóm và số thứ tự (TT); thường là "II.3"'],
  ]],
  ['plans/lead-text-missing-diacritic.yaml', true, [
    ['46:17', 'groups[0].tasks[1].lead.text', 'agency-name-mismatch', 'warning', '"Sở Khoa hoc và Công nghệ" viết tên so-khcn khác dấu với danh mục; có phải "Sở Khoa học và Công nghệ" không?'],
  ]],
  ['plans/text-names-another-agency.yaml', true, [
    ['61:22', 'groups[1].tasks[0].lead.agencies[0]', 'agency-name-mismatch', 'warning', '"Sở Khoa học và Công nghệ" không nêu tên so-y-te (Sở Y tế tỉnh Kon Tum); có phải "so-khcn" (Sở Khoa học và Công nghệ tỉnh Kon Tum) không?'],
  ]],
  ['plans/agency-display-name-as-id.yaml', false, [
    ['50:22', 'groups[0].tasks[1].coordinators.agencies[0]', 'name-instead-of-id', 'error', '"Sở Y tế" là tên, ở đây cần mã cơ quan; có phải "so-y-te" (Sở Y tế tỉnh Kon Tum) không?'],
  ]],
  ['plans/repeated-agency.yaml', true, [
    ['50:31', 'groups[0].tasks[1].coordinators.agencies[1]', 'duplicate-reference', 'warning', '"so-y-te" được ghi hai lần trong cùng danh sách'],
  ]],
  ['plans/task-id-mismatch.yaml', true, [
    ['56:9', 'groups[1].tasks[0].id', 'id-format', 'warning', 'mã nhiệm vụ "II.4" không khớp nhóm và số thứ tự (TT); thường là "II.3"'],
  ]],
  ['plans/unknown-agency-slug-of-alias.yaml', false, [
    ['50:31', 'groups[0].tasks[1].coordinators.agencies[1]', 'unknown-agency', 'error', 'không có cơ quan hay nhóm "so-khoa-hoc-va-cong-nghe" trong danh mục agencies/valid.yaml (có phải "so-khcn" – Sở Khoa học và Công nghệ tỉnh Kon Tum?)'],
  ]],
  ['plans/unknown-agency-typo.yaml', false, [
    ['47:22', 'groups[0].tasks[1].lead.agencies[0]', 'unknown-agency', 'error', 'không có cơ quan hay nhóm "so-khcm" trong danh mục agencies/valid.yaml (có phải "so-khcn" – Sở Khoa học và Công nghệ tỉnh Kon Tum?)'],
  ]],
  ['plans/unknown-agency-unrelated.yaml', false, [
    ['50:22', 'groups[0].tasks[1].coordinators.agencies[0]', 'unknown-agency', 'error', 'không có cơ quan hay nhóm "cong-an-tinh" trong danh mục agencies/valid.yaml'],
  ]],
  ['plans/unknown-indicator-agency.yaml', false, [
    ['26:18', 'indicators[0].monitoringAgency.agencies[0]', 'unknown-agency', 'error', 'không có cơ quan hay nhóm "so-tt-tt" trong danh mục agencies/valid.yaml (có phải "so-tttt" – Sở Thông tin và Truyền thông tỉnh Kon Tum?)'],
  ]],
  ['plans/unknown-report-recipient.yaml', false, [
    ['13:25', 'reporting.aggregatorReportsTo[0]', 'unknown-agency', 'error', 'không có cơ quan hay nhóm "bo-khcn" trong danh mục agencies/valid.yaml'],
  ]],
  ['agencies/alias-clashes-with-name.yaml', false, [
    ['22:45', 'agencies[2].aliases[1]', 'duplicate-alias', 'error', 'tên gọi "Sở Khoa học và Công nghệ tỉnh Kon Tum" đã dùng cho "so-khcn" (dòng 10, agencies[1].name); mỗi cách viết chỉ được chỉ một cơ quan hoặc nhóm'],
  ]],
  ['agencies/duplicate-agency-id.yaml', false, [
    ['23:5', 'agencies[3].id', 'duplicate-id', 'error', 'mã "so-tttt" bị trùng (đã dùng ở dòng 18, agencies[2].id)'],
    ['36:33', 'groups[0].members[2]', 'unknown-agency', 'error', 'không có cơ quan hay nhóm "so-y-te" trong danh mục agencies/duplicate-agency-id.yaml (có phải "so-tttt" – Sở Y tế tỉnh Kon Tum?)'],
  ]],
  ['agencies/duplicate-alias.yaml', false, [
    ['28:15', 'agencies[3].aliases[0]', 'duplicate-alias', 'error', 'tên gọi "Sở Y tế" đã dùng cho "so-khcn" (dòng 15, agencies[1].aliases[2]); mỗi cách viết chỉ được chỉ một cơ quan hoặc nhóm'],
  ]],
  ['agencies/group-contains-itself.yaml', false, [
    ['36:24', 'groups[0].members[1]', 'group-cycle', 'error', 'nhóm chứa lại chính nó: cac-so-nganh → cac-so-nganh'],
  ]],
  ['agencies/group-cycle.yaml', false, [
    ['39:15', 'groups[1].members[0]', 'group-cycle', 'error', 'nhóm chứa lại chính nó: cac-so-nganh → cac-don-vi-dia-phuong → cac-so-nganh'],
  ]],
  ['agencies/group-id-clashes-with-agency.yaml', false, [
    ['33:5', 'groups[0].id', 'duplicate-id', 'error', 'mã "ubnd-tinh" bị trùng (đã dùng ở dòng 3, agencies[0].id)'],
  ]],
  ['agencies/group-member-unknown.yaml', false, [
    ['36:33', 'groups[0].members[2]', 'unknown-agency', 'error', 'không có cơ quan hay nhóm "so-yte" trong danh mục agencies/group-member-unknown.yaml (có phải "so-y-te" – Sở Y tế tỉnh Kon Tum?)'],
  ]],
  ['agencies/reorganisation-from-group.yaml', false, [
    ['43:12', 'reorganisations[0].from[0]', 'not-an-agency', 'error', '"cac-so-nganh" là nhóm (Các sở, ngành); ở đây cần một cơ quan cụ thể'],
  ]],
  ['agencies/reorganisation-into-dissolved.yaml', false, [
    ['44:5', 'reorganisations[0].into', 'reorganisation-conflict', 'error', 'cơ quan tiếp nhận "ubnd-huyen-dak-ha" đã chấm dứt hoạt động từ 2025-07-01 (dòng 52, reorganisations[2].from[0]), trước ngày 2025-08-01'],
  ]],
  ['agencies/reorganisation-into-itself.yaml', false, [
    ['44:5', 'reorganisations[0].into', 'reorganisation-conflict', 'error', '"so-khcn" vừa là cơ quan bị sắp xếp vừa là cơ quan tiếp nhận'],
  ]],
  ['agencies/reorganisation-into-unknown.yaml', false, [
    ['44:5', 'reorganisations[0].into', 'unknown-agency', 'error', 'không có cơ quan hay nhóm "so-khcn-moi" trong danh mục agencies/reorganisation-into-unknown.yaml'],
  ]],
  ['agencies/reorganisation-twice.yaml', false, [
    ['48:31', 'reorganisations[1].from[1]', 'reorganisation-conflict', 'error', '"so-tttt" đã được sắp xếp lại từ 2025-03-01 (dòng 43, reorganisations[0].from[0]); một cơ quan chỉ chấm dứt một lần'],
  ]],];

describe('catalog cross-checks on fixtures', () => {
  const directory = loadAgencyDirectory(read('agencies/valid.yaml'));

  it('loads the valid directory and plan', () => {
    expect(directory.diagnostics).toEqual([]);
    expect(directory.ok).toBe(true);
    const plan = loadPlan(read('plans/valid.yaml'), directory.references);
    expect(plan).toMatchObject({ ok: true, diagnostics: [] });
  });

  it.each(expectations)('%s', (fixture, loads, expected) => {
    const source = read(fixture);
    const result = fixture.startsWith('plans/') ? loadPlan(source, directory.references) : loadAgencyDirectory(source);
    expect(result.diagnostics.map((d) => [`${d.line}:${d.column}`, d.path, d.code, d.severity, d.message])).toEqual(expected);
    expect(result.ok).toBe(loads);
  });

  it('has an expectation for every fixture', () => {
    const fixtures = ['plans', 'agencies'].flatMap((dir) =>
      fs.readdirSync(path.join(FIXTURES, dir)).map((file) => `${dir}/${file}`),
    );
    const covered = new Set(['plans/valid.yaml', 'agencies/valid.yaml', ...expectations.map(([fixture]) => fixture)]);
    expect(fixtures.filter((fixture) => !covered.has(fixture))).toEqual([]);
  });
});

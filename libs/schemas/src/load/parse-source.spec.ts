// Every malformed fixture with the exact problems it must produce: message,
// line:column and field path. A fixture without an entry here fails the suite,
// so the table stays the specification of the loader's messages.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { formatDiagnostic, type DiagnosticCode } from '../diagnostics/diagnostic';
import { parseAgencyDirectorySource, parsePlanSource } from './parse-source';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');

type Expected = [at: string, path: string, code: DiagnosticCode, message: string];

const expectations: Array<[fixture: string, expected: Expected[]]> = [
  ['plans/aggregator-deadline-month-13.yaml', [
    ['14:34', 'reporting.aggregatorDeadline.month', 'invalid-date', 'tháng 13 không tồn tại (tháng phải từ 1 đến 12)'],
  ]],
  ['plans/bad-plan-id.yaml', [
    ['2:1', 'id', 'invalid-value', 'mã "KH NQ03" sai dạng: chỉ dùng chữ thường không dấu, chữ số và dấu "-", ví dụ "so-khcn"'],
  ]],
  ['plans/completion-unknown.yaml', [
    ['7:1', 'completion', 'invalid-value', 'giá trị chuỗi "selt" không hợp lệ (có phải "self"?); chọn một trong: confirmed, self'],
  ]],
  ['plans/deadline-month-13.yaml', [
    ['52:9', 'groups[0].tasks[1].deadline', 'invalid-deadline', 'không hiểu thời hạn "13/2025" (tháng phải từ 1 đến 12)'],
  ]],
  ['plans/deadline-range-reversed.yaml', [
    ['52:9', 'groups[0].tasks[1].deadline', 'invalid-deadline', 'không hiểu thời hạn "2026-2025" (năm kết thúc 2025 phải sau năm bắt đầu 2026)'],
  ]],
  ['plans/deadline-unknown.yaml', [
    ['41:9', 'groups[0].tasks[0].deadline', 'invalid-deadline', 'không hiểu thời hạn "Quý I/2025" (các dạng được chấp nhận: 12/2025, 2026, Năm 2025, 2025-2026, Hằng năm, Thường xuyên, Sau khi có văn bản hướng dẫn của Trung ương, Khi Trung ương ban hành …, 2025 (và tiếp tục duy trì …))'],
  ]],
  ['plans/deadline-without-diacritics.yaml', [
    ['41:9', 'groups[0].tasks[0].deadline', 'invalid-deadline', 'không hiểu thời hạn "Thuong xuyen" (sai hoặc thiếu dấu tiếng Việt, có phải "Thường xuyên"?)'],
  ]],
  ['plans/empty-lead.yaml', [
    ['47:11', 'groups[0].tasks[1].lead.agencies', 'empty-value', 'chưa ghi cơ quan chủ trì: danh sách agencies trống'],
  ]],
  ['plans/empty-file.yaml', [
    ['1:1', '', 'empty-file', 'tệp trống, không có dữ liệu'],
  ]],
  ['plans/top-level-list.yaml', [
    ['2:1', '', 'wrong-type', 'phải là khối "khoá: giá trị", không phải danh sách'],
  ]],
  ['plans/issued-date-30-02.yaml', [
    ['6:23', 'issued.date', 'invalid-date', 'ngày không tồn tại "2025-02-30" (tháng 2/2025 chỉ có 28 ngày)'],
  ]],
  ['plans/issued-date-wrong-format.yaml', [
    ['6:23', 'issued.date', 'invalid-date', 'ngày "09/01/2025" phải viết dạng YYYY-MM-DD, ví dụ 2025-03-01'],
  ]],
  ['plans/lead-as-string.yaml', [
    ['47:11', 'groups[0].tasks[1].lead.agencies', 'wrong-type', 'phải là danh sách, không phải chuỗi "so-khcn"; viết [so-khcn]'],
  ]],
  ['plans/many-errors.yaml', [
    ['31:9', 'groups[0].tasks[0].name', 'missing-field', 'thiếu trường bắt buộc "name" (chuỗi văn bản)'],
    ['46:11', 'groups[0].tasks[1].lead.agencies', 'empty-value', 'chưa ghi cơ quan chủ trì: danh sách agencies trống'],
    ['51:9', 'groups[0].tasks[1].deadline', 'invalid-deadline', 'không hiểu thời hạn "13/2025" (tháng phải từ 1 đến 12)'],
    ['64:9', 'groups[1].tasks[0].reslt', 'unknown-field', 'trường lạ "reslt" (có phải "result"?)'],
  ]],
  ['plans/missing-task-name.yaml', [
    ['42:9', 'groups[0].tasks[1].name', 'missing-field', 'thiếu trường bắt buộc "name" (chuỗi văn bản)'],
  ]],
  ['plans/missing-title.yaml', [
    ['2:1', 'title', 'missing-field', 'thiếu trường bắt buộc "title" (chuỗi văn bản)'],
  ]],
  ['plans/no-groups.yaml', [
    ['27:1', 'groups', 'empty-value', 'kế hoạch không có nhóm nhiệm vụ nào'],
  ]],
  ['plans/null-task-name.yaml', [
    ['58:9', 'groups[1].tasks[0].name', 'empty-value', 'không được để trống; cần chuỗi văn bản'],
  ]],
  ['plans/reporting-overrides-impossible.yaml', [
    ['18:5', 'reporting.overrides.27', 'invalid-value', 'năm "27" phải viết 4 chữ số, ví dụ 2027'],
    ['19:13', 'reporting.overrides.2028.unitDeadline', 'invalid-date', 'hạn báo cáo của các đơn vị "2029-01-10" không thuộc năm 2028'],
    ['21:7', 'reporting.overrides.2029.aggregatorDeadline', 'invalid-date', 'hạn báo cáo của Sở (2029-11-10) phải sau hạn báo cáo của các đơn vị (2029-11-15)'],
    ['22:5', 'reporting.overrides.2030', 'empty-value', 'năm 2030 cần unitDeadline hoặc aggregatorDeadline (ngày YYYY-MM-DD)'],
    ['23:13', 'reporting.overrides.2031.unitDeadline', 'invalid-date', 'hạn báo cáo của Sở (2031-12-15) phải sau hạn báo cáo của các đơn vị (2031-12-20)'],
  ]],
  ['plans/syntax-bad-indent.yaml', [
    ['42:13', '', 'yaml-syntax', 'lỗi cú pháp YAML: thụt lề sai, hoặc giá trị có dấu ": " mà không đặt trong dấu nháy (BLOCK_AS_IMPLICIT_KEY: Nested mappings are not allowed in compact mappings)'],
  ]],
  ['plans/syntax-duplicate-key.yaml', [
    ['53:9', '', 'yaml-syntax', 'lỗi cú pháp YAML: khoá bị lặp lại trong cùng một khối (DUPLICATE_KEY: Map keys must be unique)'],
  ]],
  ['plans/syntax-missing-colon.yaml', [
    ['54:5', '', 'yaml-syntax', 'lỗi cú pháp YAML: dòng này không có dạng "khoá: giá trị": thiếu dấu hai chấm, hoặc thụt lề sai (MULTILINE_IMPLICIT_KEY: Implicit keys need to be on a single line)'],
  ]],
  ['plans/syntax-multiple-documents.yaml', [
    ['27:1', '', 'yaml-syntax', 'lỗi cú pháp YAML: tệp có nhiều tài liệu YAML (dấu ---); mỗi tệp chỉ được một (MULTIPLE_DOCS: Source contains multiple documents; please use YAML.parseAllDocuments())'],
  ]],
  ['plans/syntax-tab-indent.yaml', [
    ['11:1', '', 'yaml-syntax', 'lỗi cú pháp YAML: thụt lề bằng phím Tab; chỉ được dùng dấu cách (TAB_AS_INDENT: Tabs are not allowed as indentation)'],
    ['13:1', '', 'yaml-syntax', 'lỗi cú pháp YAML: thụt lề sai: các khoá cùng cấp phải thẳng cột (BAD_INDENT: All mapping items must start at the same column)'],
    ['14:1', '', 'yaml-syntax', 'lỗi cú pháp YAML: thụt lề sai: các khoá cùng cấp phải thẳng cột (BAD_INDENT: All mapping items must start at the same column)'],
  ]],
  ['plans/syntax-two-errors.yaml', [
    ['42:13', '', 'yaml-syntax', 'lỗi cú pháp YAML: thụt lề sai, hoặc giá trị có dấu ": " mà không đặt trong dấu nháy (BLOCK_AS_IMPLICIT_KEY: Nested mappings are not allowed in compact mappings)'],
    ['54:5', '', 'yaml-syntax', 'lỗi cú pháp YAML: dòng này không có dạng "khoá: giá trị": thiếu dấu hai chấm, hoặc thụt lề sai (MULTILINE_IMPLICIT_KEY: Implicit keys need to be on a single line)'],
  ]],
  ['plans/syntax-unclosed-quote.yaml', [
    ['10:86', '', 'yaml-syntax', 'lỗi cú pháp YAML: thiếu ký tự: dấu nháy đóng, dấu "-" đầu mục danh sách, hoặc "]" / "}" (MISSING_CHAR: Missing closing "quote)'],
  ]],
  ['plans/syntax-unresolved-alias.yaml', [
    ['13:24', '', 'yaml-syntax', 'lỗi cú pháp YAML: tham chiếu *nguoi-nhan không trỏ tới neo &nguoi-nhan nào phía trên'],
  ]],
  ['plans/unit-deadline-31-04.yaml', [
    ['12:19', 'reporting.unitDeadline.day', 'invalid-date', 'ngày 31/4 không tồn tại (tháng 4 có 30 ngày)'],
  ]],
  ['plans/unknown-field-deadlline.yaml', [
    ['52:9', 'groups[0].tasks[1].deadlline', 'unknown-field', 'trường lạ "deadlline" (có phải "deadline"?)'],
  ]],
  ['plans/unknown-field-unrelated.yaml', [
    ['66:9', 'groups[1].tasks[0].priority', 'unknown-field', 'trường lạ "priority"; các trường được phép: id, row, name, lead, coordinators, result, deadline'],
  ]],
  ['plans/wrong-type-issued-year.yaml', [
    ['6:11', 'issued.year', 'wrong-type', 'phải là số, không phải chuỗi "hai nghìn"'],
  ]],
  ['agencies/agency-missing-name.yaml', [
    ['23:5', 'agencies[3].name', 'missing-field', 'thiếu trường bắt buộc "name" (chuỗi văn bản)'],
    ['26:5', 'agencies[3].alias', 'unknown-field', 'trường lạ "alias" (có phải "aliases"?)'],
  ]],
  ['agencies/bad-email.yaml', [
    ['16:55', 'agencies[1].focal.email', 'invalid-value', 'địa chỉ e-mail không hợp lệ "dondoc.skhcn.kontum.example"'],
  ]],
  ['agencies/group-without-members.yaml', [
    ['36:5', 'groups[0].members', 'empty-value', 'nhóm không có thành viên nào'],
  ]],
  ['agencies/phone-unquoted.yaml', [
    ['15:88', 'agencies[1].head.phone', 'wrong-type', 'số điện thoại phải đặt trong dấu nháy, ví dụ "0900000101", nếu không số 0 đầu bị mất'],
  ]],
  ['agencies/quiet-hours-25.yaml', [
    ['17:74', 'agencies[1].preferences.quietHours.to', 'invalid-value', 'giờ phải viết dạng HH:MM, ví dụ "11:30"'],
  ]],
  ['agencies/reorganisation-dissolve-with-into.yaml', [
    ['49:5', 'reorganisations[1].into', 'invalid-value', 'giải thể (dissolve) không có cơ quan tiếp nhận: into phải là null'],
  ]],
  ['agencies/reorganisation-effective-30-02.yaml', [
    ['42:5', 'reorganisations[0].effective', 'invalid-date', 'ngày không tồn tại "2025-02-30" (tháng 2/2025 chỉ có 28 ngày)'],
  ]],
  ['agencies/reorganisation-merge-without-into.yaml', [
    ['44:5', 'reorganisations[0].into', 'invalid-value', 'sáp nhập (merge) cần cơ quan tiếp nhận: into không được để null'],
  ]],
  ['agencies/reorganisation-unknown-kind.yaml', [
    ['41:5', 'reorganisations[0].kind', 'invalid-value', 'giá trị chuỗi "split" không hợp lệ; chọn một trong: merge, rename, dissolve'],
  ]],
  ['agencies/unknown-agency-kind.yaml', [
    ['31:5', 'agencies[4].kind', 'invalid-value', 'giá trị chuỗi "distrct" không hợp lệ (có phải "district"?); chọn một trong: province, department, sector, district, commune, enterprise, school, press, central, organisation'],
  ]],];

function load(fixture: string) {
  const text = fs.readFileSync(path.join(FIXTURES, fixture), 'utf8');
  const parse = fixture.startsWith('plans/') ? parsePlanSource : parseAgencyDirectorySource;
  return parse({ file: fixture, text });
}

describe('seed file loader on malformed fixtures', () => {
  it.each(expectations)('%s', (fixture, expected) => {
    const result = load(fixture);
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => [`${d.line}:${d.column}`, d.path, d.code, d.message])).toEqual(expected);
  });

  it('has an expectation for every fixture', () => {
    const fixtures = ['plans', 'agencies'].flatMap((dir) =>
      fs.readdirSync(path.join(FIXTURES, dir)).map((file) => `${dir}/${file}`),
    );
    const covered = new Set(['plans/valid.yaml', 'agencies/valid.yaml', ...expectations.map(([fixture]) => fixture)]);
    expect(fixtures.filter((fixture) => !covered.has(fixture))).toEqual([]);
  });

  it('accepts the valid fixtures', () => {
    const plan = load('plans/valid.yaml');
    expect(plan.diagnostics).toEqual([]);
    expect(plan.value).toMatchObject({ id: 'kh-mau', groups: [{ number: 'I' }, { number: 'II' }] });
    const text = fs.readFileSync(path.join(FIXTURES, 'agencies/valid.yaml'), 'utf8');
    const agencies = parseAgencyDirectorySource({ file: 'agencies/valid.yaml', text });
    expect(agencies.diagnostics).toEqual([]);
    expect(agencies.value?.agencies).toHaveLength(5);
  });

  it('reads per-year report deadlines, a year as a number or a string', () => {
    const text = fs
      .readFileSync(path.join(FIXTURES, 'plans/valid.yaml'), 'utf8')
      .replace('  aggregatorDeadline: { day: 15, month: 12 }\n', '  aggregatorDeadline: { day: 15, month: 12 }\n  overrides:\n    2027: { unitDeadline: 2027-11-01 }\n    "2028":\n      aggregatorDeadline: "2028-12-10"\n');
    const plan = parsePlanSource({ file: 'plans/valid.yaml', text });
    expect(plan.diagnostics).toEqual([]);
    expect(plan.value?.reporting.overrides).toEqual({ '2027': { unitDeadline: '2027-11-01' }, '2028': { aggregatorDeadline: '2028-12-10' } });
  });

  it('formats a diagnostic as file:line:column path: message', () => {
    const [first] = load('plans/deadline-month-13.yaml').diagnostics;
    expect(first && formatDiagnostic(first)).toBe(
      'plans/deadline-month-13.yaml:52:9 groups[0].tasks[1].deadline: không hiểu thời hạn "13/2025" (tháng phải từ 1 đến 12)',
    );
  });
});

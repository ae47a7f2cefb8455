import * as path from 'node:path';

import { Command } from 'commander';

import { register } from '../commands/plan.command';
import { nodeIo, type CliIo } from './cli-io';
import { runPlanShow } from './show-plan';
import { runPlanValidate } from './validate-plans';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const fixture = (file: string) => path.relative(process.cwd(), path.join(ROOT, 'libs', file));
const AGENCIES = fixture('catalog/fixtures/agencies/valid.yaml');
const VALID_PLAN = fixture('catalog/fixtures/plans/valid.yaml');

/** Real files, captured output, a fixed day. */
function testIo(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    ...nodeIo(),
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    columns: 120,
    today: () => '2025-05-01',
    stdout: () => out,
    stderr: () => err,
  };
}

describe(runPlanValidate.name, () => {
  it('prints one summary line for a valid plan and exits 0', () => {
    const io = testIo();
    expect(runPlanValidate([VALID_PLAN], { agencies: AGENCIES }, io)).toBe(0);
    expect(io.stdout()).toBe(
      `${VALID_PLAN}: hợp lệ – 3 nhiệm vụ, 2 nhóm, 1 chỉ tiêu; thời hạn: 1 tháng, 1 thường xuyên, 1 hạn đầu, sau đó duy trì\n`,
    );
  });

  it('lists every error of a bad file with file:line:column and field path, and exits 1', () => {
    const io = testIo();
    const bad = fixture('catalog/fixtures/plans/many-problems.yaml');
    expect(runPlanValidate([bad, VALID_PLAN], { agencies: AGENCIES }, io)).toBe(1);
    expect(io.stdout().split('\n')).toEqual([
      `${bad}:47:22 groups[0].tasks[1].lead.agencies[0]: không có cơ quan hay nhóm "so-khcm" trong danh mục ${AGENCIES} (có phải "so-khcn" – Sở Khoa học và Công nghệ tỉnh Kon Tum?)`,
      `${bad}:52:9 groups[0].tasks[1].deadline: không hiểu thời hạn "13/2025" (tháng phải từ 1 đến 12)`,
      `${bad}:56:9 groups[1].tasks[0].id: mã nhiệm vụ "I.1" bị trùng (đã dùng ở dòng 31, groups[0].tasks[0].id)`,
      `${bad}:56:9 groups[1].tasks[0].id: cảnh báo: mã nhiệm vụ "I.1" không khớp nhóm và số thứ tự (TT); thường là "II.3"`,
      `${bad}: 3 lỗi, 1 cảnh báo`,
      `${VALID_PLAN}: hợp lệ – 3 nhiệm vụ, 2 nhóm, 1 chỉ tiêu; thời hạn: 1 tháng, 1 thường xuyên, 1 hạn đầu, sau đó duy trì`,
      '',
    ]);
  });

  it('reports YAML syntax errors with their line and column', () => {
    const io = testIo();
    const bad = fixture('schemas/fixtures/plans/syntax-two-errors.yaml');
    expect(runPlanValidate([bad], { agencies: false }, io)).toBe(1);
    expect(io.stdout()).toMatch(new RegExp(`^${bad}:42:13: lỗi cú pháp YAML: .*\\n${bad}:54:5: lỗi cú pháp YAML: .*\\n${bad}: 2 lỗi\\n$`));
  });

  it('reports a missing plan file and goes on with the others', () => {
    const io = testIo();
    expect(runPlanValidate(['khong-co.yaml', VALID_PLAN], { agencies: AGENCIES }, io)).toBe(1);
    expect(io.stdout()).toMatch(/^khong-co\.yaml: không đọc được tệp \(không có tệp này\)\n.*hợp lệ/);
  });

  it('lists the directory\'s own errors too', () => {
    const io = testIo();
    const directory = fixture('catalog/fixtures/agencies/group-cycle.yaml');
    expect(runPlanValidate([VALID_PLAN], { agencies: directory }, io)).toBe(1);
    expect(io.stdout()).toContain(`${directory}:39:15 groups[1].members[0]: nhóm chứa lại chính nó`);
    expect(io.stdout()).toContain(`${VALID_PLAN}: hợp lệ`);
  });

  it('exits 2 when the agency directory cannot be read, and says how to go on', () => {
    const io = testIo();
    expect(runPlanValidate([VALID_PLAN], { agencies: 'khong-co/agencies.yaml' }, io)).toBe(2);
    expect(io.stderr()).toContain('--no-agencies');
  });
});

describe(runPlanShow.name, () => {
  it('shows the task table by group, with lead, coordinators and deadline kind', () => {
    const io = testIo();
    expect(runPlanShow(VALID_PLAN, { agencies: AGENCIES }, io)).toBe(0);
    const out = io.stdout();
    expect(out).toMatch(/^Kế hoạch mẫu\nvalid – 3 nhiệm vụ\n\nTT +│ Nhiệm vụ +│ Chủ trì +│ Phối hợp +│ Thời hạn\n/);
    expect(out).toContain('I. Nâng cao nhận thức');
    expect(out).toMatch(/I\.2 +│ Triển khai các nền tảng số dùng chung +│ Sở Khoa học và Công +│ Sở Y tế +│ 12\/2025\n/);
    expect(out).toMatch(/│ \[hạn đầu, sau đó\n.*│ duy trì\]\n/);
    expect(out.split('\n').every((line) => line.length <= 120)).toBe(true);
  });

  it('shows one task in full, with the agencies holding it on the given day', () => {
    const io = testIo();
    expect(runPlanShow(VALID_PLAN, { agencies: AGENCIES, task: 'I.2', date: '2025-05-01' }, io)).toBe(0);
    expect(io.stdout()).toContain('Nhiệm vụ I.2 (TT 2) – kế hoạch valid');
    expect(io.stdout()).toContain('→ so-khcn: Sở Khoa học và Công nghệ tỉnh Kon Tum');
    expect(io.stdout()).toContain('Thời hạn:   12/2025 – tháng 12/2025');
  });

  it('filters to the tasks an agency leads or coordinates, expanding collective leads and following mergers', () => {
    const io = testIo();
    expect(runPlanShow(VALID_PLAN, { agencies: AGENCIES, agency: 'so-y-te' }, io)).toBe(0);
    expect(io.stdout()).toContain('3/3 nhiệm vụ của Sở Y tế tỉnh Kon Tum (so-y-te), tính đến 2025-05-01');
    expect(io.stdout()).toMatch(/I\.1 +│ chủ trì/);
    expect(io.stdout()).toMatch(/I\.2 +│ phối hợp/);

    const merged = testIo();
    expect(runPlanShow(VALID_PLAN, { agencies: AGENCIES, agency: 'so-tttt', date: '2025-02-01' }, merged)).toBe(0);
    expect(merged.stdout()).toContain('2/3 nhiệm vụ của Sở Thông tin và Truyền thông tỉnh Kon Tum (so-tttt), tính đến 2025-02-01');
  });

  it('counts a merged agency\'s tasks as its successor\'s from the day of the merger', () => {
    // Task II.3 led by Sở TT&TT alone, which merges into Sở KH&CN on 2025-03-01.
    const io = testIo();
    const plan = io.readFile(VALID_PLAN);
    const text = (plan.ok ? plan.text : '').replace('          text: Sở Y tế\n          agencies: [so-y-te]', '          text: Sở TT&TT\n          agencies: [so-tttt]');
    const inMemory = { ...io, readFile: (file: string) => (file === 'valid.yaml' ? { ok: true as const, text } : io.readFile(file)) };
    expect(runPlanShow('valid.yaml', { agencies: AGENCIES, agency: 'so-y-te', date: '2025-03-01' }, inMemory)).toBe(0);
    expect(io.stdout()).toContain('2/3 nhiệm vụ của Sở Y tế');
    expect(runPlanShow('valid.yaml', { agencies: AGENCIES, agency: 'so-khcn', date: '2025-02-28' }, inMemory)).toBe(0);
    expect(io.stdout()).toMatch(/II\.3 +│ phối hợp/);
    expect(runPlanShow('valid.yaml', { agencies: AGENCIES, agency: 'so-khcn', date: '2025-03-01' }, inMemory)).toBe(0);
    expect(io.stdout()).toMatch(/II\.3 +│ chủ trì/);
  });

  it('explains an unknown task or agency and exits 1', () => {
    const io = testIo();
    expect(runPlanShow(VALID_PLAN, { agencies: AGENCIES, task: 'IX.9' }, io)).toBe(1);
    expect(io.stderr()).toBe('không có nhiệm vụ "IX.9" trong kế hoạch valid; các mã: I.1, I.2, II.3\n');
    expect(runPlanShow(VALID_PLAN, { agencies: AGENCIES, agency: 'so-yte' }, io)).toBe(1);
    expect(io.stderr()).toContain('(có phải "so-y-te" – Sở Y tế tỉnh Kon Tum?)');
  });

  it('refuses to show a plan with errors, listing them', () => {
    const io = testIo();
    expect(runPlanShow(fixture('catalog/fixtures/plans/unknown-agency-typo.yaml'), { agencies: AGENCIES }, io)).toBe(1);
    expect(io.stderr()).toMatch(/unknown-agency-typo\.yaml:47:22 groups\[0\]\.tasks\[1\]\.lead\.agencies\[0\]: không có cơ quan/);
  });
});

describe('plan command registration', () => {
  it('wires validate to commander and sets the exit code', async () => {
    const program = new Command('dondoc').exitOverride();
    register(program);
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await program.parseAsync(['plan', 'validate', '--agencies', AGENCIES, fixture('catalog/fixtures/plans/duplicate-task-id.yaml')], { from: 'user' });
      expect(process.exitCode).toBe(1);
      expect(write.mock.calls.map(([text]) => String(text)).join('')).toContain('mã nhiệm vụ "I.2" bị trùng');
    } finally {
      write.mockRestore();
      process.exitCode = undefined;
    }
  });
});

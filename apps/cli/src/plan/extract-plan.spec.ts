import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { CliIo } from './cli-io';
import { runPlanExtract } from './extract-plan';
import { runPlanValidate } from './validate-plans';

function memoryIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readFile: (file) => ({ ok: true, text: readFileSync(file, 'utf8') }),
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    columns: 120,
    today: () => '2026-12-04',
  };
  return { io, out, err };
}

describe(runPlanExtract.name, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dondoc-extract-'));

  it('writes the draft of the AI plan, which plan validate accepts, and prints the report', async () => {
    const output = path.join(dir, 'kh-ai.yaml');
    const { io, out, err } = memoryIo();
    const code = await runPlanExtract('../shared/seeds/004_a06170cb37b4dedd.txt', { output, report: true, agencies: 'seeds/agencies.yaml' }, io);
    expect(out.join('')).toMatch(/Đã ghi bản nháp .*kh-ai\.yaml: 14 nhiệm vụ/);
    expect(err.join('')).toMatch(/Bảng nhiệm vụ: 14 nhiệm vụ trong 1 nhóm/);
    const check = memoryIo();
    const validated = runPlanValidate([output], { agencies: 'seeds/agencies.yaml' }, check.io);
    expect({ code, validated }).toEqual({ code: 0, validated: 0 });
    expect(check.out.join('')).toMatch(/hợp lệ – 14 nhiệm vụ/);
  });

  it('writes nothing and exits 2 when the document cannot be read', async () => {
    const input = path.join(dir, 'scan.pdf');
    writeFileSync(input, '%PDF-1.7\nnot really a pdf');
    const output = path.join(dir, 'never.yaml');
    const { io, err } = memoryIo();
    expect(await runPlanExtract(input, { output, report: false, agencies: 'seeds/agencies.yaml' }, io)).toBe(2);
    expect(err.join('')).toMatch(/scan\.pdf: Tệp PDF bị hỏng/);
    expect(existsSync(output)).toBe(false);
  });
});

// `dondoc plan extract <file> -o draft.yaml [--report]`: a plan's PDF, Word
// file or text turned into a draft catalog entry. Nothing is written when the
// document cannot be read; the exit code says how it went.
import * as fs from 'node:fs';

import { extractPlan, ExtractionError } from '@dondoc/plan-extract';

import type { CliIo } from './cli-io';
import { readDirectory, type AgenciesOption } from './load-directory';

export interface ExtractOptions {
  readonly output?: string;
  readonly report: boolean;
  readonly agencies: AgenciesOption;
}

/** @returns 0 draft written and valid, 1 written but `plan validate` would refuse it, 2 not written */
export async function runPlanExtract(file: string, options: ExtractOptions, io: CliIo): Promise<number> {
  const directory = readDirectory(options.agencies === false ? 'seeds/agencies.yaml' : options.agencies, io);
  if (directory.status !== 'loaded' || !directory.result.ok) {
    io.err(`${directory.status === 'unreadable' ? directory.message : 'danh mục cơ quan có lỗi; chạy dondoc plan validate để xem'}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(`${file}: không đọc được tệp (${code === 'ENOENT' ? 'không có tệp này' : code === 'EISDIR' ? 'đây là thư mục' : String(error)})\n`);
    return 2;
  }
  try {
    const result = await extractPlan({ bytes, fileName: file }, { directory: directory.result.directory, currentYear: Number(io.today().slice(0, 4)) });
    if (options.output) {
      fs.writeFileSync(options.output, result.draft.yaml);
      io.out(`Đã ghi bản nháp ${options.output}: ${result.draft.plan.groups.reduce((n, g) => n + g.tasks.length, 0)} nhiệm vụ, ${result.fields.filter((f) => f.confidence < 0.9).length} trường cần xem lại.\n`);
    } else {
      io.out(result.draft.yaml);
    }
    if (options.report) io.err(result.reportText);
    else if (!result.validation.valid) io.err(`Bản nháp chưa hợp lệ (${result.validation.diagnostics.filter((d) => d.severity === 'error').length} lỗi); xem --report.\n`);
    return result.validation.valid ? 0 : 1;
  } catch (error) {
    if (error instanceof ExtractionError) {
      io.err(`${file}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

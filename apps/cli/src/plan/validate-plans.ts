// `dondoc plan validate <file...>`: every problem of every file, then one
// summary line per file. Exit code 0 only when no file has an error.
import { loadPlan, summarisePlan, type PlanSummary } from '@dondoc/catalog';
import { DEADLINE_KIND_LABELS, DEADLINE_KINDS } from '@dondoc/domain';
import { formatDiagnostic, hasErrors, type Diagnostic } from '@dondoc/schemas';

import type { CliIo } from './cli-io';
import { readDirectory, type AgenciesOption } from './load-directory';

export interface ValidateOptions {
  readonly agencies: AgenciesOption;
}

/** @returns the process exit code: 0 valid, 1 a file has errors, 2 the directory cannot be read */
export function runPlanValidate(files: readonly string[], options: ValidateOptions, io: CliIo): number {
  const directory = readDirectory(options.agencies, io);
  if (directory.status === 'unreadable') {
    io.err(`${directory.message}\n`);
    return 2;
  }
  let failed = false;
  if (directory.status === 'loaded' && directory.result.diagnostics.length > 0) {
    failed = report(directory.result.diagnostics, io) || failed;
    io.out(`${directory.file}: ${counts(directory.result.diagnostics)}\n`);
  }
  const references = directory.status === 'loaded' ? directory.result.references : null;

  for (const file of files) {
    const read = io.readFile(file);
    if (!read.ok) {
      io.out(`${file}: không đọc được tệp (${read.reason})\n`);
      failed = true;
      continue;
    }
    const result = loadPlan({ file, text: read.text }, references);
    failed = report(result.diagnostics, io) || failed;
    const warnings = result.diagnostics.length > 0 ? `; ${counts(result.diagnostics)}` : '';
    io.out(result.ok ? `${file}: hợp lệ – ${describeSummary(summarisePlan(result.plan))}${warnings}\n` : `${file}: ${counts(result.diagnostics)}\n`);
  }
  return failed ? 1 : 0;
}

/** Prints the diagnostics; true when one is an error. */
function report(diagnostics: readonly Diagnostic[], io: CliIo): boolean {
  for (const diagnostic of diagnostics) io.out(`${formatDiagnostic(diagnostic)}\n`);
  return hasErrors(diagnostics);
}

function counts(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return [errors > 0 ? `${errors} lỗi` : '', warnings > 0 ? `${warnings} cảnh báo` : ''].filter(Boolean).join(', ');
}

/** "43 nhiệm vụ, 7 nhóm, 13 chỉ tiêu; thời hạn: 5 tháng, 1 năm, …" */
export function describeSummary(summary: PlanSummary): string {
  const kinds = DEADLINE_KINDS.flatMap((kind) => {
    const count = summary.deadlineKinds[kind];
    return count ? [`${count} ${DEADLINE_KIND_LABELS[kind]}`] : [];
  });
  return `${summary.tasks} nhiệm vụ, ${summary.groups} nhóm, ${summary.indicators} chỉ tiêu; thời hạn: ${kinds.join(', ')}`;
}

// `dondoc plan import`: validate a plan file and store it as a new version when
// its content changed. Idempotent: the same content twice stores nothing. The
// printed diff (added, changed, removed tasks) is what running workflows get.
import { loadPlan, type PlanDiff, preparePlanImport } from '@dondoc/catalog';
import { type Database, migrateToLatest, PlanVersionRepository } from '@dondoc/db';
import type { Plan } from '@dondoc/domain';
import { formatDiagnostic, hasErrors } from '@dondoc/schemas';
import type { Kysely } from 'kysely';

import { recordOperatorAction } from '../operator-audit';
import type { CliIo } from './cli-io';
import { type AgenciesOption, readDirectory } from './load-directory';

export interface ImportOptions {
  readonly agencies: AgenciesOption;
  readonly by: string;
  /** Called after a new version is stored (diff null on a first import); returns a line to print (empty: nothing). */
  readonly onStored?: (stored: { plan: Plan; version: number; diff: PlanDiff | null }) => Promise<string>;
}

export async function runPlanImport(file: string, options: ImportOptions, io: CliIo, db: Kysely<Database>): Promise<number> {
  const directory = readDirectory(options.agencies, io);
  if (directory.status === 'unreadable') {
    io.err(`${directory.message}\n`);
    return 2;
  }
  if (directory.status === 'loaded' && !directory.result.ok) {
    for (const diagnostic of directory.result.diagnostics) io.out(`${formatDiagnostic(diagnostic)}\n`);
    io.err(`${directory.file}: danh mục cơ quan có lỗi; chưa nhập kế hoạch\n`);
    return 1;
  }
  const read = io.readFile(file);
  if (!read.ok) {
    io.err(`${file}: không đọc được tệp (${read.reason})\n`);
    return 2;
  }
  const result = loadPlan({ file, text: read.text }, directory.status === 'loaded' ? directory.result.references : null);
  for (const diagnostic of result.diagnostics) io.out(`${formatDiagnostic(diagnostic)}\n`);
  if (!result.ok || hasErrors(result.diagnostics)) {
    io.err(`${file}: có lỗi; chưa nhập kế hoạch (không có gì bị thay đổi)\n`);
    return 1;
  }

  await migrateToLatest(db);
  const repository = new PlanVersionRepository(db);
  const stored = await repository.latest(result.plan.id);
  const prepared = preparePlanImport(result.plan, stored ? { hash: stored.contentHash, plan: stored.document } : null);
  if (prepared.status === 'unchanged') {
    io.out(`${result.plan.id}: không có thay đổi so với phiên bản ${stored!.version} (nhập ${stored!.importedAt.toISOString()} bởi ${stored!.importedBy}).\n`);
    return 0;
  }
  const saved = await repository.saveIfNew(result.plan.id, prepared.hash, result.plan, options.by);
  io.out(`${result.plan.id}: đã nhập phiên bản ${saved.version}${saved.created ? '' : ' (đã có từ trước)'}.\n`);
  if (saved.created) {
    await recordOperatorAction(db, { action: 'plan.import', target: `plan/${result.plan.id}`, by: options.by, payload: { version: saved.version, status: prepared.status, file } });
  }
  io.out(describeDiff(prepared.diff));
  const applied = await options.onStored?.({ plan: result.plan, version: saved.version, diff: prepared.status === 'changed' ? prepared.diff : null });
  if (applied) io.out(`${applied}\n`);
  return 0;
}

export function describeDiff(diff: PlanDiff): string {
  const lines = [`  ${diff.added.length} nhiệm vụ mới, ${diff.changed.length} thay đổi, ${diff.removed.length} bị bỏ, ${diff.unchanged} giữ nguyên`];
  for (const task of diff.added) lines.push(`  + ${task.id} ${task.name}`);
  for (const change of diff.changed) lines.push(`  ~ ${change.id} (${change.fields.join(', ')})`);
  for (const task of diff.removed) lines.push(`  - ${task.id} ${task.name}`);
  return `${lines.join('\n')}\n`;
}

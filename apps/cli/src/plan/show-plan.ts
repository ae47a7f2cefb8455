// `dondoc plan show <plan>`: a plan's tasks as a readable table, one task in
// full (--task), or the tasks of one agency (--agency).
import { loadPlan, type AgencyIndex, type ReferenceIndex } from '@dondoc/catalog';
import { planTasks, type IsoDate, type Plan, type PlanTask } from '@dondoc/domain';
import { formatDiagnostic, isoDateSchema } from '@dondoc/schemas';

import { roleOf } from './agency-filter';
import type { CliIo } from './cli-io';
import { deadlineCell } from './deadline-text';
import { DEFAULT_AGENCIES_FILE, readDirectory, type AgenciesOption } from './load-directory';
import { renderTaskDetail } from './task-detail';
import { fitColumns, renderTable, type TableRow } from './text-table';

export interface ShowOptions {
  readonly agencies: AgenciesOption;
  readonly task?: string;
  readonly agency?: string;
  /** The day for "who holds this task"; today in Vietnam by default. */
  readonly date?: string;
}

/** A file path, or a plan id looked up as seeds/plans/<id>.yaml. */
export function planPath(plan: string): string {
  return /[\\/]|\.ya?ml$/.test(plan) ? plan : `seeds/plans/${plan}.yaml`;
}

/** @returns the process exit code: 0 shown, 1 the plan, task or agency is wrong, 2 a file cannot be read */
export function runPlanShow(plan: string, options: ShowOptions, io: CliIo): number {
  const on = options.date ?? io.today();
  if (!isoDateSchema.safeParse(on).success) {
    io.err(`--date phải là một ngày có thật, dạng YYYY-MM-DD (nhận được "${on}")\n`);
    return 2;
  }
  const directory = readDirectory(options.agencies, io);
  if (directory.status === 'unreadable' && (options.agency !== undefined || options.agencies !== DEFAULT_AGENCIES_FILE)) {
    io.err(`${directory.message}\n`);
    return 2;
  }
  const loaded = directory.status === 'loaded' ? directory.result : null;
  const index = loaded?.ok ? loaded.index : null;
  const references = loaded?.references ?? null;

  const file = planPath(plan);
  const read = io.readFile(file);
  if (!read.ok) {
    io.err(`không đọc được kế hoạch ${file} (${read.reason})\n`);
    return 2;
  }
  const result = loadPlan({ file, text: read.text }, references);
  if (!result.ok) {
    for (const diagnostic of result.diagnostics) io.err(`${formatDiagnostic(diagnostic)}\n`);
    io.err(`${file}: kế hoạch có lỗi; sửa rồi chạy lại (xem dondoc plan validate ${file})\n`);
    return 1;
  }

  const tasks = planTasks(result.plan);
  if (options.task !== undefined) {
    const task = tasks.find((candidate) => candidate.id === options.task);
    if (!task) {
      io.err(`không có nhiệm vụ "${options.task}" trong kế hoạch ${result.plan.id}; các mã: ${tasks.map((t) => t.id).join(', ')}\n`);
      return 1;
    }
    io.out(renderTaskDetail(result.plan, task, index, on, io.columns));
    return 0;
  }
  if (options.agency !== undefined) return showAgency(result.plan, tasks, options.agency, { index, references, on }, io);
  io.out(header(result.plan, `${tasks.length} nhiệm vụ`));
  io.out(renderTasks(tasks, null, io.columns));
  return 0;
}

function showAgency(
  plan: Plan,
  tasks: readonly PlanTask[],
  agency: string,
  context: { index: AgencyIndex | null; references: ReferenceIndex | null; on: IsoDate },
  io: CliIo,
): number {
  const { index, references, on } = context;
  if (index === null || references === null) {
    io.err('--agency cần danh mục cơ quan hợp lệ; chạy dondoc plan validate để xem lỗi của danh mục\n');
    return 1;
  }
  if (!references.get(agency)) {
    io.err(`${references.unknownMessage(agency)}\n`);
    return 1;
  }
  const rows = tasks.flatMap((task) => {
    const role = roleOf(index, agency, task, on);
    return role ? [{ task, role }] : [];
  });
  io.out(header(plan, `${rows.length}/${tasks.length} nhiệm vụ của ${index.nameOf(agency)} (${agency}), tính đến ${on}`));
  io.out(rows.length === 0 ? 'Không có nhiệm vụ nào.\n' : renderTasks(rows.map((row) => row.task), rows.map((row) => row.role), io.columns));
  return 0;
}

function header(plan: Plan, what: string): string {
  return `${plan.title}\n${plan.id}${plan.number ? ` – số ${plan.number}` : ''} – ${what}\n\n`;
}

function renderTasks(tasks: readonly PlanTask[], roles: readonly string[] | null, total: number): string {
  const width = Math.max(80, total);
  // Agency cells take a share of the width: wide terminals show whole names, narrow ones keep the task readable.
  const agencyWidth = Math.min(26, Math.max(14, Math.round(width * 0.19)));
  const columns = fitColumns(width, [
    { title: 'TT', width: 6, maxLines: 2 },
    ...(roles ? [{ title: 'Vai trò', width: 8, maxLines: 1 }] : []),
    { title: 'Nhiệm vụ', width: 'rest', maxLines: 4 },
    { title: 'Chủ trì', width: agencyWidth, maxLines: 4 },
    { title: 'Phối hợp', width: agencyWidth, maxLines: 4 },
    { title: 'Thời hạn', width: 18, maxLines: 5 },
  ]);
  const rows: TableRow[] = [];
  let group: string | null | undefined;
  tasks.forEach((task, i) => {
    const title = task.group.number === null ? null : `${task.group.number}. ${task.group.title}`;
    if (title !== null && title !== group) rows.push({ kind: 'section', text: title });
    group = title;
    const cells = [task.id, task.name, task.lead.text, task.coordinators.text || '–', deadlineCell(task.deadline)];
    rows.push({ kind: 'cells', cells: roles ? [task.id, roles[i] ?? '', ...cells.slice(1)] : cells });
  });
  return renderTable(columns, rows);
}

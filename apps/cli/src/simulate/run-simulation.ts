// `dondoc simulate`: every reminder and escalation a plan would send between two
// dates if nobody acted, computed by the same pure code the task workflows run.
import { WorkingCalendar } from '@dondoc/calendar';
import type { IsoDate } from '@dondoc/domain';
import { planTaskStarts, type SeedCatalog, type SimulatedReminder, simulateTask } from '@dondoc/plan-sync';

import type { CliIo } from '../plan/cli-io';

export interface SimulateOptions {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly agency?: string;
  readonly guidanceDate?: IsoDate;
  /** Only the per-task counts. */
  readonly summary?: boolean;
}

const ROLE_LABELS: Record<string, string> = { focal: 'đầu mối', head: 'thủ trưởng', department: 'Sở KH&CN', 'provincial-office': 'VP UBND tỉnh' };
const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const dateTime = (ms: number) => {
  const local = new Date(ms + 7 * 3_600_000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
};

export function runSimulation(catalog: SeedCatalog, planId: string, options: SimulateOptions, io: CliIo): { exitCode: number; reminders: SimulatedReminder[] } {
  const plan = catalog.plans.get(planId);
  if (!plan) {
    io.err(`không có kế hoạch "${planId}"; các kế hoạch: ${[...catalog.plans.keys()].join(', ')}\n`);
    return { exitCode: 2, reminders: [] };
  }
  if (!(options.from <= options.to)) {
    io.err(`--from ${options.from} phải không sau --to ${options.to}\n`);
    return { exitCode: 2, reminders: [] };
  }
  const calendar = new WorkingCalendar({ overrides: catalog.calendarOverrides });
  const { starts, dissolved } = planTaskStarts({ plan, index: catalog.index, policy: catalog.policyFor(planId), calendarOverrides: catalog.calendarOverrides, today: options.from });
  const selected = options.agency ? starts.filter((s) => s.input.agencyId === options.agency) : starts;
  if (options.agency && selected.length === 0) {
    io.err(`cơ quan "${options.agency}" không chủ trì nhiệm vụ nào của ${planId} vào ngày ${options.from}\n`);
    return { exitCode: 2, reminders: [] };
  }
  const window = { from: options.from, to: options.to, ...(options.guidanceDate ? { guidanceDate: options.guidanceDate } : {}) };
  const reminders = selected.flatMap((start) => simulateTask(start.workflowId, start.input, calendar, window)).sort((a, b) => a.at - b.at || a.workflowId.localeCompare(b.workflowId));

  if (!options.summary) {
    for (const r of reminders) {
      const [, , task, agency] = r.workflowId.split('/');
      const recipients = r.step.recipients.map((x) => `${ROLE_LABELS[x.role] ?? x.role} (${x.channels.join('+')})`).join(', ');
      io.out(`${dateTime(r.at)}  ${task!.padEnd(6)} ${agency!.padEnd(22)} ${r.stepId.padEnd(13)} hạn ${ddmmyyyy(r.due)}  → ${recipients}${r.catchUp ? '  [nhắc bù]' : ''}\n`);
    }
  }
  const perTask = new Map<string, number>();
  for (const start of selected) perTask.set(start.workflowId, 0);
  for (const r of reminders) perTask.set(r.workflowId, (perTask.get(r.workflowId) ?? 0) + 1);
  io.out(`\n${plan.id}: ${reminders.length} lần nhắc cho ${selected.length} nhiệm vụ–cơ quan, ${options.from} → ${options.to}\n`);
  for (const [workflowId, count] of perTask) io.out(`  ${workflowId.padEnd(48)} ${String(count).padStart(5)}\n`);
  if (dissolved.length) io.out(`\n${dissolved.length} nhiệm vụ có cơ quan chủ trì đã giải thể, cần giao lại: ${dissolved.map((d) => `${d.taskId}/${d.agencyId}`).join(', ')}\n`);
  return { exitCode: 0, reminders };
}

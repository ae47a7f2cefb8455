// `plan show --task <id>`: one task in full, with every agency its cells
// resolve to and who holds the work on the given day.
import { resolveSuccessor, type AgencyIndex } from '@dondoc/catalog';
import type { AgencyRef, IsoDate, Plan, PlanTask } from '@dondoc/domain';

import { explainDeadline } from './deadline-text';
import { wrap } from './wrap-text';

const LABEL = 12;

export function renderTaskDetail(plan: Plan, task: PlanTask, index: AgencyIndex | null, on: IsoDate, columns: number): string {
  const textWidth = Math.max(30, columns - LABEL);
  const field = (label: string, lines: readonly string[]) =>
    lines.map((line, i) => `${(i === 0 ? `${label}:` : '').padEnd(LABEL)}${line}`.trimEnd());
  const block = (label: string, text: string) => field(label, wrap(text === '' ? '(trống)' : text, textWidth));
  const group = task.group.number === null ? task.group.title : `${task.group.number}. ${task.group.title}`;

  return `${[
    `Nhiệm vụ ${task.id} (TT ${task.row}) – kế hoạch ${plan.id}`,
    ...wrap(`Nhóm ${group}`, columns),
    '',
    ...block('Nội dung', task.name),
    ...field('Chủ trì', [...wrap(task.lead.text, textWidth), ...resolved(task.lead, index, on, textWidth)]),
    ...field('Phối hợp', [...wrap(task.coordinators.text === '' ? '(trống)' : task.coordinators.text, textWidth), ...resolved(task.coordinators, index, on, textWidth)]),
    ...block('Kết quả', task.result ?? '(bảng không có cột kết quả)'),
    ...block('Thời hạn', `${task.deadline.raw} – ${explainDeadline(task.deadline)}`),
  ].join('\n')}\n`;
}

/**
 * "→ so-khcn: Sở Khoa học và Công nghệ tỉnh Kon Tum", then who holds the work
 * on `on` when a reorganisation changed it. Groups are summarised, not listed.
 */
function resolved(ref: AgencyRef, index: AgencyIndex | null, on: IsoDate, textWidth: number): string[] {
  if (index === null) return ref.agencies.map((id) => `→ ${id}`);
  return ref.agencies.flatMap((id) => {
    const group = index.group(id);
    if (!group) {
      const successor = resolveSuccessor(index, id, on);
      const last = successor.chain.at(-1);
      const now = !last
        ? []
        : successor.agency
          ? [`nay: ${successor.agency.name} (${successor.agency.id}), từ ${last.effective}`]
          : [`đã giải thể từ ${last.effective}, chưa có cơ quan kế thừa: cần giao lại`];
      return [`→ ${id}: ${index.nameOf(id)}`, ...now.flatMap((line) => indent(line, textWidth))];
    }
    const members = index.expand(id).map((agency) => resolveSuccessor(index, agency.id, on));
    const succeeded = members.filter((m) => m.agency && m.chain.length > 0).length;
    const dissolved = members.filter((m) => m.agency === null).length;
    const changes = [
      succeeded > 0 ? `${succeeded} cơ quan nay do cơ quan kế thừa đảm nhận` : '',
      dissolved > 0 ? `${dissolved} cơ quan đã giải thể, cần giao lại` : '',
    ].filter(Boolean);
    const summary = changes.length > 0 ? [`tính đến ${on}: ${changes.join('; ')}`] : [];
    return [`→ ${id}: nhóm ${group.name}, ${members.length} cơ quan`, ...summary.flatMap((line) => indent(line, textWidth))];
  });
}

function indent(text: string, textWidth: number): string[] {
  return wrap(text, textWidth - 2).map((line) => `  ${line}`);
}

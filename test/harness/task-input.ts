import type { TaskWorkflowInput } from '@dondoc/contracts';
import type { EscalationPolicy } from '@dondoc/policy';
import { parseDeadline, parsePolicySource } from '@dondoc/schemas';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const seeds = path.join(__dirname, '..', '..', 'seeds');

export function loadSeedPolicy(name = 'default'): EscalationPolicy {
  const file = path.join(seeds, 'policies', `${name}.yaml`);
  const { value, diagnostics } = parsePolicySource({ file, text: readFileSync(file, 'utf8') });
  if (!value) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return value;
}

/** A task workflow input for a deadline as the plans word it. */
export function taskInput(deadlineText: string, overrides: Partial<TaskWorkflowInput> = {}): TaskWorkflowInput {
  const parsed = parseDeadline(deadlineText);
  if (!parsed.ok) throw new Error(parsed.message);
  return {
    planId: 'kh-ai-2025-2030',
    planTitle: 'Kế hoạch triển khai Chiến lược quốc gia về Trí tuệ nhân tạo',
    taskId: '1',
    taskName: 'Triển khai các văn bản quy phạm pháp luật về quyền sở hữu trí tuệ liên quan tới TTNT.',
    agencyId: 'so-khcn',
    deadline: parsed.deadline,
    policy: loadSeedPolicy(),
    cycleContext: { reportDay: { day: 15, month: 11 }, startYear: 2025, horizonYear: 2030, guidanceLeadDays: 60 },
    calendarOverrides: [],
    catchUp: true,
    ...overrides,
  };
}

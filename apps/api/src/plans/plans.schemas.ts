import { z } from 'zod';

export const importPlanJsonSchema = z.object({ yaml: z.string().min(1, 'Cần nội dung YAML của kế hoạch.') });

/** A plan upload: raw YAML (text/yaml, application/yaml, text/plain) or JSON {yaml}. */
export const importPlanBodySchema = z.union([z.string().min(1, 'Cần nội dung YAML của kế hoạch.'), importPlanJsonSchema]);

export const diagnosticSchema = z.object({ path: z.string(), line: z.number().nullable(), severity: z.string(), message: z.string() });

export const planImportResultSchema = z.object({
  planId: z.string(),
  version: z.number().int(),
  status: z.enum(['new', 'changed', 'unchanged']),
  diff: z
    .object({ added: z.array(z.string()), changed: z.array(z.string()), removed: z.array(z.string()), unchanged: z.number().int() })
    .nullable(),
  workflows: z.object({
    started: z.array(z.string()),
    existing: z.number().int(),
    /** Running workflows whose task wording or deadline changed: their ladders were rebuilt. */
    revised: z.array(z.string()),
    /** Workflows of removed tasks, or of leads the plan no longer names. */
    cancelled: z.array(z.string()),
    /** Running workflows moved onto the current holiday calendar and escalation policy. */
    rulesRefreshed: z.array(z.string()),
  }),
  dissolvedLeads: z.array(z.object({ taskId: z.string(), agencyId: z.string(), reason: z.string() })),
  /** The plan's yearly report Schedule, created or brought in line with this version (every plan, from seeds/ or not). */
  reportSchedule: z
    .object({
      scheduleId: z.string(),
      created: z.boolean(),
      nextRequestAt: z.string().nullable(),
      /** This year's cycle, started at once because its request day has passed and it has not closed. */
      startedCycle: z.string().nullable(),
    })
    .describe('The yearly report Schedule of the plan, created or updated by the import'),
  warnings: z.array(diagnosticSchema),
});

export const planSummarySchema = z.object({
  planId: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  version: z.number().int(),
  tasks: z.number().int(),
  importedAt: z.string(),
  importedBy: z.string(),
});

export const planDetailSchema = planSummarySchema.extend({
  document: z.record(z.string(), z.unknown()).describe('Toàn văn kế hoạch đã chuẩn hóa'),
  history: z.array(z.object({ version: z.number().int(), importedAt: z.string(), importedBy: z.string() })),
});

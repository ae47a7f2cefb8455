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

/** POST /plans/extract: the draft of an uploaded plan document, for review before POST /plans. */
export const planExtractResultSchema = z.object({
  fileName: z.string(),
  kind: z.enum(['pdf', 'docx', 'text']),
  pages: z.number().int(),
  /** The draft as catalog YAML, with confidence comments and the review list at the top: send it to POST /plans once corrected. */
  draftYaml: z.string(),
  plan: z.record(z.string(), z.unknown()).describe('Bản nháp dạng JSON, cùng cấu trúc với tệp kế hoạch YAML'),
  /** Whether the draft passes `dondoc plan validate` as it is. */
  valid: z.boolean(),
  diagnostics: z.array(diagnosticSchema),
  fields: z.array(
    z.object({
      path: z.string().describe('ví dụ groups.0.tasks.3.lead'),
      taskId: z.string().nullable(),
      field: z.string(),
      confidence: z.number().min(0).max(1),
      note: z.string(),
      /** Below the review threshold: a person should look. */
      review: z.boolean(),
    }),
  ),
  unresolvedAgencies: z.array(z.object({ name: z.string(), taskIds: z.array(z.string()) })),
  notes: z.array(z.string()),
  /** The readable report of `dondoc plan extract --report`. */
  report: z.string(),
});

// The plan file format of seeds/README.md. Field-level rules live here;
// rules across entries (unique ids, known agencies) live in libs/catalog.
import { COMPLETION_MODES, type DayMonth, daysInMonth, type Indicator, type Plan, type PlanIssued, type PlanReporting, type PlanReportingOverride, type Task, type TaskGroup } from '@dondoc/domain';
import { z } from 'zod';

import {
  agencyRefSchema,
  cellTextSchema,
  dayMonthSchema,
  deadlineSchema,
  idSchema,
  isoDateSchema,
  leadRefSchema,
  requiredTextSchema,
  rowSchema,
  yearSchema,
} from './common.schema';
import type { CustomIssueParams } from '../zod/vietnamese-issues';

/** "I.1", "3", "I.5.-": task and indicator ids are row labels, not kebab-case. */
const rowIdSchema = z.preprocess(
  (value) => (typeof value === 'number' && Number.isInteger(value) ? String(value) : value),
  z.string().regex(/^\S+$/, { error: 'mã dòng không được chứa dấu cách, ví dụ "I.1" hoặc "3"' }),
);

const issuedSchema: z.ZodType<PlanIssued> = z.strictObject({
  year: yearSchema,
  date: isoDateSchema.nullable(),
  text: z.string(),
});

const reportingOverrideSchema: z.ZodType<PlanReportingOverride> = z.strictObject({
  unitDeadline: isoDateSchema.optional(),
  aggregatorDeadline: isoDateSchema.optional(),
});

const pad = (n: number) => String(n).padStart(2, '0');

const reportingSchema: z.ZodType<PlanReporting> = z
  .strictObject({
    text: requiredTextSchema,
    unitsReportTo: idSchema,
    unitDeadline: dayMonthSchema.nullable(),
    aggregatorReportsTo: z.array(idSchema),
    aggregatorDeadline: dayMonthSchema.nullable(),
    overrides: z.record(z.string(), reportingOverrideSchema).optional(),
    signOffWorkingDays: z.number().int().min(1, 'cần ít nhất 1 ngày làm việc').max(30, 'tối đa 30 ngày làm việc').optional(),
  })
  .superRefine((reporting, ctx) => {
    const problem = (code: CustomIssueParams['code'], message: string, path: PropertyKey[]) =>
      ctx.addIssue({ code: 'custom', message, params: { code } satisfies CustomIssueParams, path: ['overrides', ...path] });
    for (const [year, override] of Object.entries(reporting.overrides ?? {})) {
      if (!/^\d{4}$/.test(year)) {
        problem('invalid-value', `năm "${year}" phải viết 4 chữ số, ví dụ 2027`, [year]);
        continue;
      }
      if (!override.unitDeadline && !override.aggregatorDeadline) {
        problem('empty-value', `năm ${year} cần unitDeadline hoặc aggregatorDeadline (ngày YYYY-MM-DD)`, [year]);
        continue;
      }
      // The Schedule names a cycle by the year it fires in, so the request (before the unit deadline) must be in that year.
      if (override.unitDeadline && override.unitDeadline.slice(0, 4) !== year) {
        problem('invalid-date', `hạn báo cáo của các đơn vị "${override.unitDeadline}" không thuộc năm ${year}`, [year, 'unitDeadline']);
        continue;
      }
      const onDay = (day: DayMonth | null) => (day ? `${year}-${pad(day.month)}-${pad(Math.min(day.day, daysInMonth(day.month, Number(year))))}` : null);
      const unit = override.unitDeadline ?? onDay(reporting.unitDeadline);
      // Without a date of its own, Sở KH&CN reports a few working days after the units, always later.
      const aggregator = override.aggregatorDeadline ?? onDay(reporting.aggregatorDeadline);
      if (unit && aggregator && aggregator <= unit) {
        const field = override.aggregatorDeadline ? 'aggregatorDeadline' : 'unitDeadline';
        problem('invalid-date', `hạn báo cáo của Sở (${aggregator}) phải sau hạn báo cáo của các đơn vị (${unit})`, [year, field]);
      }
    }
  });

const indicatorSchema: z.ZodType<Indicator> = z.strictObject({
  id: rowIdSchema,
  group: z.string().nullable(),
  groupTitle: z.string().nullable(),
  row: rowSchema,
  name: requiredTextSchema,
  unit: cellTextSchema,
  target: cellTextSchema,
  targetYear: yearSchema.nullable(),
  monitoringAgency: agencyRefSchema,
});

const taskSchema: z.ZodType<Task> = z.strictObject({
  id: rowIdSchema,
  row: rowSchema,
  name: requiredTextSchema,
  lead: leadRefSchema,
  coordinators: agencyRefSchema,
  result: cellTextSchema.nullable(),
  deadline: deadlineSchema,
});

const taskGroupSchema: z.ZodType<TaskGroup> = z.strictObject({
  number: z.string().nullable(),
  title: requiredTextSchema,
  tasks: z.array(taskSchema).min(1, { error: 'nhóm không có nhiệm vụ nào' }),
});

export const planSchema: z.ZodType<Plan> = z.strictObject({
  id: idSchema,
  title: requiredTextSchema,
  number: z.string().nullable(),
  issuer: idSchema,
  issued: issuedSchema,
  legalBasis: z.array(requiredTextSchema),
  completion: z.enum(COMPLETION_MODES).optional(),
  reporting: reportingSchema,
  indicators: z.array(indicatorSchema),
  groups: z.array(taskGroupSchema).min(1, { error: 'kế hoạch không có nhóm nhiệm vụ nào' }),
});

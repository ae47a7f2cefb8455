// The plan file format of seeds/README.md. Field-level rules live here;
// rules across entries (unique ids, known agencies) live in libs/catalog.
import type { Indicator, Plan, PlanIssued, PlanReporting, Task, TaskGroup } from '@dondoc/domain';
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

const reportingSchema: z.ZodType<PlanReporting> = z.strictObject({
  text: requiredTextSchema,
  unitsReportTo: idSchema,
  unitDeadline: dayMonthSchema.nullable(),
  aggregatorReportsTo: z.array(idSchema),
  aggregatorDeadline: dayMonthSchema.nullable(),
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
  reporting: reportingSchema,
  indicators: z.array(indicatorSchema),
  groups: z.array(taskGroupSchema).min(1, { error: 'kế hoạch không có nhóm nhiệm vụ nào' }),
});

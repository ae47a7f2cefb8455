import { CHANNELS, RECIPIENT_ROLES } from '@dondoc/contracts';
import type { EscalationPolicy } from '@dondoc/policy';
import { z } from 'zod';

// seeds/policies/*.yaml: the reminder and escalation ladder as data.

const recipient = z.strictObject({
  role: z.enum(RECIPIENT_ROLES),
  channels: z.array(z.enum(CHANNELS)).min(1, 'cần ít nhất một kênh (email, zalo)'),
});
const recipients = z.array(recipient).min(1, 'cần ít nhất một người nhận');
const stepId = z.string().regex(/^[a-z0-9-]+$/, 'mã bước chỉ gồm chữ thường, số và dấu gạch ngang');
const days = z.number().int().min(0).max(366);

const beforeStep = z
  .strictObject({
    id: stepId,
    calendarDaysBefore: days.optional(),
    workingDaysBefore: days.optional(),
    recipients,
    onlyUntilAcknowledged: z.boolean().default(false),
  })
  .refine((step) => (step.calendarDaysBefore === undefined) !== (step.workingDaysBefore === undefined), {
    message: 'cần đúng một trong hai: calendarDaysBefore hoặc workingDaysBefore',
  });

const dueStep = z.strictObject({ id: stepId, recipients, onlyUntilAcknowledged: z.boolean().default(false) });
const afterStep = dueStep.extend({ workingDaysAfter: days.min(1) });

export const policySchema: z.ZodType<EscalationPolicy> = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, 'mã chính sách chỉ gồm chữ thường, số và dấu gạch ngang'),
    sendAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'giờ gửi phải có dạng HH:MM'),
    before: z.array(beforeStep),
    onDueDate: dueStep.nullable(),
    after: z.array(afterStep),
    repeat: z
      .strictObject({
        everyCalendarDays: days.min(1),
        recipients,
        maxRepeats: z.number().int().positive().nullable(),
      })
      .nullable(),
    guidanceLeadDays: days.min(1),
    // Optional and without defaults: the defaults live in libs/policy, so a policy without it parses as before.
    reports: z
      .strictObject({
        signOffWorkingDays: z.number().int().min(1).max(30).optional(),
        lateRequestGraceWorkingDays: z.number().int().min(1).max(60).optional(),
      })
      .optional(),
  })
  .superRefine((policy, context) => {
    const ids = [...policy.before.map((s) => s.id), ...(policy.onDueDate ? [policy.onDueDate.id] : []), ...policy.after.map((s) => s.id)];
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) context.addIssue({ code: 'custom', message: `mã bước "${id}" bị trùng`, path: ['id'] });
      if (/^weekly-\d+$/.test(id)) context.addIssue({ code: 'custom', message: `mã bước "${id}" dành cho bước nhắc lặp lại`, path: ['id'] });
    });
  });

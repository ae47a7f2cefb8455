import { z } from 'zod';

// The hand-over from workflows to delivery. A reminder's identity is its
// idempotency key: it is the BullMQ job id (a duplicate enqueue is a no-op),
// the delivery-log key and the seed of the e-mail Message-ID and ZNS tracking_id.
// DO NOT RENAME the queue: jobs in Redis and running notifiers refer to it.
export const NOTIFICATION_QUEUE = 'dondoc-notifications';

export const RECIPIENT_ROLES = ['focal', 'head', 'department', 'provincial-office'] as const;
export const CHANNELS = ['email', 'zalo'] as const;
export const NOTIFICATION_TEMPLATES = ['reminder-before', 'reminder-due', 'escalation', 'catch-up', 'report-request', 'report-reminder', 'aggregate-report'] as const;

export type RecipientRole = (typeof RECIPIENT_ROLES)[number];
export type Channel = (typeof CHANNELS)[number];
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

export const notificationJobSchema = z.object({
  idempotencyKey: z.string().min(1).regex(/^[^:]+$/, 'BullMQ job ids may not contain ":"'),
  template: z.enum(NOTIFICATION_TEMPLATES),
  workflowId: z.string().min(1),
  planId: z.string().min(1),
  taskId: z.string().min(1),
  /** The agency whose task this is (the recipients may belong to others, e.g. Sở KH&CN). */
  agencyId: z.string().min(1),
  cycle: z.number().int().nonnegative(),
  stepId: z.string().min(1),
  /** Recipients by role: the notifier resolves contacts and channels from the directory. */
  recipients: z.array(z.object({ role: z.enum(RECIPIENT_ROLES), channels: z.array(z.enum(CHANNELS)).min(1) })).min(1),
  /** Values shown in the message. */
  data: z.object({
    taskName: z.string(),
    planTitle: z.string(),
    /** ISO date, shown as dd/mm/yyyy. */
    dueDate: z.string().nullable(),
    /** Positive: days left; negative: days overdue; null without a due date. */
    daysLeft: z.number().int().nullable(),
    deadlineText: z.string(),
  }),
  /** Epoch ms of the moment the ladder meant this reminder for. */
  scheduledFor: z.number().int(),
});

export type NotificationJob = z.infer<typeof notificationJobSchema>;

/**
 * `task/…/so-khcn|2026-12-31|overdue-5wd`: workflow id, due date and step name one
 * reminder. The due date (not a cycle number) is in the key so that an extended
 * deadline gets its own reminders while a replay of the same one never does.
 */
export function reminderKey(workflowId: string, dueDate: string, stepId: string): string {
  return `${workflowId}|${dueDate}|${stepId}`;
}

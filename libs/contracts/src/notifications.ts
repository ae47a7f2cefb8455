import { z } from 'zod';

// The hand-over from workflows to delivery. A reminder's identity is its
// idempotency key: it is the BullMQ job id (a duplicate enqueue is a no-op),
// the delivery-log key and the seed of the e-mail Message-ID and ZNS tracking_id.
// DO NOT RENAME the queue: jobs in Redis and running notifiers refer to it.
export const NOTIFICATION_QUEUE = 'dondoc-notifications';

export const RECIPIENT_ROLES = ['focal', 'head', 'department', 'provincial-office'] as const;
export const CHANNELS = ['email', 'zalo'] as const;
export const NOTIFICATION_TEMPLATES = ['reminder-before', 'reminder-due', 'escalation', 'catch-up', 'report-request', 'report-reminder', 'report-returned', 'aggregate-report'] as const;

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
    /** Sở KH&CN's comment when it returns a report: what the agency must correct (shown in full in e-mail). */
    reviewComment: z.string().optional(),
    /** Why the due date differs from the plan's (a grace period after a late request, or after a return), shown beside it. */
    deadlineNote: z.string().optional(),
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

// Per-channel delivery queues fed by the notifier's dispatcher: one job per
// (reminder, role, channel[, next contact]). DO NOT RENAME: jobs in Redis,
// the dead-letter replay (`dondoc deliveries retry`) and running notifiers refer to them.
export const EMAIL_QUEUE = 'dondoc-email';
export const ZALO_QUEUE = 'dondoc-zalo';
export const CHANNEL_QUEUES: Readonly<Record<Channel, string>> = { email: EMAIL_QUEUE, zalo: ZALO_QUEUE };

export const deliveryContactSchema = z.object({
  name: z.string(),
  title: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
});

export const deliveryJobSchema = z.object({
  notification: notificationJobSchema,
  role: z.enum(RECIPIENT_ROLES),
  channel: z.enum(CHANNELS),
  /** Name of the agency leading the task (today's holder), shown in the message. */
  leadAgencyName: z.string(),
  /** Who may receive it, best first: an invalid address moves on to the next. */
  contacts: z.array(deliveryContactSchema).min(1),
  contactIndex: z.number().int().nonnegative(),
  /** Set when this e-mail replaces a ZNS message that could not reach the person. */
  fallbackFrom: z.enum(CHANNELS).optional(),
});

export type DeliveryContact = z.infer<typeof deliveryContactSchema>;
export type DeliveryJob = z.infer<typeof deliveryJobSchema>;

/** `<key>|<role>|<channel>` for the first contact, `…|<n>` for the next ones: a duplicate enqueue is a no-op. */
export function deliveryJobId(idempotencyKey: string, role: RecipientRole, channel: Channel, contactIndex = 0): string {
  const base = `${idempotencyKey}|${role}|${channel}`;
  return contactIndex === 0 ? base : `${base}|${contactIndex}`;
}

/**
 * The job that sends one person's daily digest, on the channel queue of its channel.
 * Its job id is the digest id (`digest|<day>|<channel>|<person>`), so each digest has
 * one job however many entries join it. DO NOT RENAME: jobs in Redis refer to it.
 */
export const DIGEST_JOB = 'daily-digest';
export const digestJobSchema = z.object({ digestId: z.string().regex(/^digest\|\d{4}-\d{2}-\d{2}\|(email|zalo)\|[0-9a-f]+$/) });
export type DigestJob = z.infer<typeof digestJobSchema>;

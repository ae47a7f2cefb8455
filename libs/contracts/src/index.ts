export {
  CHANNEL_QUEUES,
  CHANNELS,
  type Channel,
  type DeliveryContact,
  type DeliveryJob,
  deliveryContactSchema,
  deliveryJobId,
  deliveryJobSchema,
  DIGEST_JOB,
  type DigestJob,
  digestJobSchema,
  EMAIL_QUEUE,
  ZALO_QUEUE,
  NOTIFICATION_QUEUE,
  NOTIFICATION_TEMPLATES,
  type NotificationJob,
  type NotificationTemplate,
  notificationJobSchema,
  RECIPIENT_ROLES,
  type RecipientRole,
  reminderKey,
} from './notifications';
export { allSearchAttributeKeys, searchAttributeCliArgs, searchAttributes } from './search-attributes';
export { TASK_QUEUE_DEFAULT } from './task-queues';
export * from './task-workflow';
export * from './guidance-workflow';
export * from './task-visibility';
export * from './report-workflow';
export * from './report-submission';
export { freeText, freeTextProblem, plainText } from './free-text';

export {
  CHANNELS,
  type Channel,
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

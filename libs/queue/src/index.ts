export { BullNotificationQueue, type EnqueueResult, type NotificationQueue } from './notification-queue';

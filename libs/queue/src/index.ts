export { BullNotificationQueue, type EnqueueResult, type NotificationQueue } from './notification-queue';
export { DEAD_LETTER_QUEUES, type DeadLetter, listDeadLetters, replayDeadLetters, type ReplayResult } from './dead-letters';

export { startTestRedis } from './redis';
export { startTestSmtpSink } from './smtp';
export { createTestWorker, startDevServer, startTimeSkippingServer, uniqueTaskQueue } from './temporal';
export { type CapturedProcess, descendantPids, isAlive, spawnCaptured } from './processes';
export { RecordingNotificationQueue } from './recording-queue';
export { loadSeedPolicy, taskInput } from './task-input';

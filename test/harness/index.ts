export { startTestRedis } from './redis';
export { startTestSmtpSink } from './smtp';
export { createTestWorker, startDevServer, startTimeSkippingServer, uniqueTaskQueue } from './temporal';
export { type CapturedProcess, descendantPids, isAlive, spawnCaptured } from './processes';
export { RecordingNotificationQueue } from './recording-queue';
export { loadSeedPolicy, taskInput } from './task-input';
export {
  activitiesFor,
  createNonStickyTestWorker,
  createTaskScenario,
  DAY,
  deadlineMonthAhead,
  eventually,
  HOUR,
  ladderAfterCatchUp,
  ladderBetween,
  ladderOf,
  rejectionOf,
  type ScenarioOptions,
  stepsOf,
  type TaskHandle,
  type TaskScenario,
  testCalendar,
  vnDay,
  vnTime,
  vnYear,
} from './task-scenario';
export { useTaskScenario } from './use-task-scenario';
export { HISTORY_FIXTURES, historyFromJson, historyToJson, recordingHistories, saveHistoryFixture } from './histories';
export { testPython } from './python-tools';
export { storePlans } from './stored-plans';

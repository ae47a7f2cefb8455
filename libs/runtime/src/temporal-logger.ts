import type { ProcessLogger } from '@dondoc/logging';
import type { LogLevel as TemporalLogLevel } from '@temporalio/common';
import { DefaultLogger, makeTelemetryFilterString, Runtime } from '@temporalio/worker';

const TEMPORAL_LEVELS: Record<string, TemporalLogLevel> = { trace: 'TRACE', debug: 'DEBUG', info: 'INFO', warn: 'WARN' };

/**
 * Routes the Temporal SDK's own logs (worker lifecycle, and activity and
 * workflow logs with their workflowId, runId and activityId) through `logger`
 * as JSON, the Rust core's too (forwarded, instead of its coloured lines on
 * stderr, e.g. "Workflow task duration exceeded 5 seconds" on a busy machine).
 * Call once, before any Temporal connection is made.
 */
export function installTemporalLogger(logger: ProcessLogger): void {
  const level = TEMPORAL_LEVELS[logger.level] ?? 'ERROR';
  Runtime.install({
    logger: new DefaultLogger(level, (entry) => {
      const method = entry.level.toLowerCase() as 'trace' | 'debug' | 'info' | 'warn' | 'error';
      logger[method]({ ...entry.meta }, entry.message);
    }),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: level }), forward: {} } },
  });
}

// One JSON log line per event for the worker and the notifier, like the API's
// (nestjs-pino), so an operator's log pipeline parses all three the same way.
import { type LevelWithSilent, type Logger, pino } from 'pino';

import { REDACTION } from './redaction';

export { REDACTED_PATHS, REDACTION, redactRequest, redactResponse, redactUrl } from './redaction';

export type ProcessLogger = Logger;

/** Lines carry `service` and `pid`; the level can be raised or lowered later (`logger.level = …`). */
export function createProcessLogger(service: string, level: LevelWithSilent = 'info'): ProcessLogger {
  return pino({ level, base: { service, pid: process.pid }, redact: { ...REDACTION, paths: [...REDACTION.paths] } });
}

import { describeExit, notableLine } from './console-echo';

const now = Date.UTC(2026, 11, 4, 1, 0, 0);

describe(notableLine.name, () => {
  it('drops routine JSON log lines (info and below) and blank lines', () => {
    expect(notableLine('{"level":30,"time":1796348969303,"msg":"Mapped {/health/live, GET} route"}', now)).toBeNull();
    expect(notableLine('   ', now)).toBeNull();
  });

  it('shows a warning or an error as one readable line, with its time in Vietnam and the error message', () => {
    const line = JSON.stringify({ level: 50, time: Date.UTC(2026, 11, 4, 1, 2, 3), context: 'ExceptionsHandler', msg: 'request failed', err: { message: 'connect ECONNREFUSED 127.0.0.1:5432' } });
    expect(notableLine(line, now)).toBe('08:02:03 ERROR [ExceptionsHandler] request failed: connect ECONNREFUSED 127.0.0.1:5432');
    expect(notableLine('{"level":40,"msg":"ZNS quota reached"}', now)).toBe('08:00:00 WARN ZNS quota reached');
  });

  it('passes through what is not a JSON log line, such as a stack trace', () => {
    expect(notableLine('    at main (/app/dist/apps/api/src/main.js:12:3)', now)).toBe('at main (/app/dist/apps/api/src/main.js:12:3)');
  });
});

describe(describeExit.name, () => {
  it('names the signal of an exit by signal, and the code otherwise', () => {
    expect(describeExit(null, 'SIGKILL')).toBe('signal SIGKILL');
    expect(describeExit(1, null)).toBe('code 1');
  });
});

import { ConsoleEcho, describeExit, notableLine } from './console-echo';

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

describe(ConsoleEcho.name, () => {
  it('prints a warning once a minute however often it repeats with other ids, and says how many were held back', () => {
    let out = '';
    let clock = now;
    const echo = new ConsoleEcho({ write: (text: string) => ((out += text), true) } as NodeJS.WritableStream, () => clock);
    const slow = (run: string, ms: number) => JSON.stringify({ level: 40, time: clock, msg: `[TMPRL1104] ${run}:4:1 Workflow task duration exceeded 5 seconds. workflow_task_duration=${ms}` });
    echo.line('worker', slow('01a23f00-c73e-74a9-b213-a7ed8c8ff45f', 11013));
    for (let i = 0; i < 30; i++) echo.line('worker', slow(`01a23f00-cbe8-756f-b977-f8ee585e3b${String(i).padStart(2, '0')}`, 9000 + i));
    echo.line('api', JSON.stringify({ level: 50, time: clock, msg: 'another kind of line' }));
    expect(out.trimEnd().split('\n')).toHaveLength(2);
    clock += 61_000;
    echo.line('worker', slow('01a23f00-d1f4-7740-9087-1bf1dcd4f219', 9989));
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe('worker   | (30 more like the line before, in 61 s; all in the log file)');
  });
});

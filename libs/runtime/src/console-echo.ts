// What `npm start` shows on the terminal: the banner and one readable line per
// notable event. Every process's full JSON log stays in DONDOC_DATA_DIR/logs;
// here only warnings and errors come through, and anything a process prints that
// is not a JSON log line (a crash's stack trace), so the banner does not scroll away.

/** pino's numeric levels. */
const LEVEL_NAMES: Readonly<Record<number, string>> = { 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const WARN = 40;

const timeOfDay = (ms: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(ms);

/** The same warning again within this window is counted, not printed (a busy machine warns about every task). */
const REPEAT_WINDOW_MS = 60_000;

export class ConsoleEcho {
  /** By kind of line: when it was last printed, and how many like it were held back since. */
  private readonly recent = new Map<string, { printedAt: number; held: number; example: string; processName: string }>();

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly now: () => number = Date.now,
  ) {}

  /** One line of a child's output; shown only when notable, and a repeat of the same kind once a minute at most. */
  line(processName: string, text: string): void {
    const shown = notableLine(text, this.now());
    if (shown === null) return;
    const now = this.now();
    const kind = `${processName}|${kindOf(shown)}`;
    const seen = this.recent.get(kind);
    if (seen && now - seen.printedAt < REPEAT_WINDOW_MS) {
      seen.held++;
      return;
    }
    if (seen?.held) this.out.write(`${processName.padEnd(9)}| (${seen.held} more like the line before, in ${Math.round((now - seen.printedAt) / 1000)} s; all in the log file)\n`);
    this.recent.set(kind, { printedAt: now, held: 0, example: shown, processName });
    this.out.write(`${processName.padEnd(9)}| ${shown}\n`);
  }

  /** Says how many repeats were held back (at shutdown, or from a timer). */
  flush(): void {
    for (const [kind, seen] of this.recent) {
      if (seen.held) this.out.write(`${seen.processName.padEnd(9)}| (${seen.held} more like "${seen.example.slice(0, 80)}"; all in the log file)\n`);
      this.recent.delete(kind);
    }
  }

  /** A line of the run command's own. */
  say(text: string): void {
    this.out.write(`dondoc   | ${text}\n`);
  }
}

/** The readable form of a notable line, or null for routine JSON logs (info and below) and blank lines. */
export function notableLine(text: string, now: number): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  let entry: { level?: unknown; msg?: unknown; time?: unknown; err?: { message?: unknown }; context?: unknown };
  try {
    entry = JSON.parse(trimmed) as typeof entry;
  } catch {
    return trimmed; // not a log line: a stack trace, a message from a library that writes to stderr
  }
  if (typeof entry !== 'object' || entry === null || typeof entry.level !== 'number') return trimmed;
  if (entry.level < WARN) return null;
  const level = LEVEL_NAMES[Math.min(60, Math.floor(entry.level / 10) * 10)] ?? 'WARN';
  const at = typeof entry.time === 'number' ? entry.time : now;
  const context = typeof entry.context === 'string' ? `[${entry.context}] ` : '';
  const error = typeof entry.err?.message === 'string' && entry.err.message !== entry.msg ? `: ${entry.err.message}` : '';
  return `${timeOfDay(at)} ${level} ${context}${String(entry.msg ?? '')}${error}`;
}

/** A line with its time, ids and numbers taken out: lines that differ only there are one kind. */
function kindOf(line: string): string {
  return line
    .replace(/^\d\d:\d\d:\d\d /, '')
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27,}/gi, '<id>')
    .replace(/\d+/g, '<n>');
}

/** "SIGKILL" for an exit by signal, "code 1" otherwise: what an operator reads in "api ended (…)". */
export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `code ${code}`;
}

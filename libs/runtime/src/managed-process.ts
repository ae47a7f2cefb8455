import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';

export interface ManagedProcessOptions {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Output goes to <logDir>/<name>.log. */
  logDir: string;
  /** Also echo output lines to this stream, prefixed with the name. */
  echo?: NodeJS.WritableStream;
  /** Called with every output line (after it is written to the log file). */
  onLine?: (line: string) => void;
}

export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/**
 * A child process we own: output captured to a log file, and a stop() that
 * escalates from SIGTERM to SIGKILL so nothing is ever left behind.
 */
export class ManagedProcess {
  readonly child: ChildProcess;
  private readonly log: WriteStream;
  private readonly exited: Promise<number | null>;
  private exitCode: number | null | undefined;
  private exit: ProcessExit | undefined;

  constructor(private readonly options: ManagedProcessOptions) {
    mkdirSync(options.logDir, { recursive: true });
    this.log = createWriteStream(path.join(options.logDir, `${options.name}.log`), { flags: 'a' });
    this.child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: a Ctrl-C on the terminal reaches the run command alone,
      // which then stops every child in order (instead of each dying, and being restarted, at once).
      detached: true,
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      stream?.on('data', (chunk: Buffer) => {
        this.log.write(chunk);
        if (options.echo) for (const line of chunk.toString().split('\n')) if (line.trim()) options.echo.write(`${options.name.padEnd(9)}| ${line}\n`);
        if (options.onLine) for (const line of chunk.toString().split('\n')) options.onLine(line);
      });
    }
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitCode = code ?? (signal ? 128 : null);
        this.exit = { code, signal };
        this.log.write(`\n[${new Date().toISOString()}] exited code=${code} signal=${signal}\n`);
        resolve(this.exitCode);
      });
      this.child.once('error', (error) => {
        this.log.write(`\n[${new Date().toISOString()}] failed to start: ${error.message}\n`);
        this.exitCode = 127;
        resolve(127);
      });
    });
  }

  get name(): string {
    return this.options.name;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  /** How the process ended (undefined while it runs). */
  get exitStatus(): ProcessExit | undefined {
    return this.exit;
  }

  /** Resolves with the exit code when the process ends by itself. */
  whenExited(): Promise<number | null> {
    return this.exited;
  }

  async stop(graceMs = 10_000): Promise<void> {
    if (this.running) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    await new Promise<void>((resolve) => this.log.end(resolve));
  }
}

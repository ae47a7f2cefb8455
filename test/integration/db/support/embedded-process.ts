// Starts the embedded PostgreSQL in a child process (see embedded-server.child.js)
// and talks to it over TCP, as the product's api, worker and notifier do.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

import type { EmbeddedPostgresOptions } from '@dondoc/db';

export interface EmbeddedProcess {
  readonly url: string;
  /** SIGTERM: the server disconnects clients and closes PGlite cleanly. */
  stop(): Promise<void>;
  /** SIGKILL: a crash, with no chance to close anything. */
  kill(): Promise<void>;
}

interface Message {
  readonly url?: string;
  readonly stopped?: boolean;
  readonly error?: string;
  readonly name?: string;
}

export class EmbeddedStartError extends Error {
  constructor(
    message: string,
    readonly errorName: string | undefined,
  ) {
    super(message);
  }
}

export async function spawnEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedProcess> {
  const child = spawn(process.execPath, [path.join(__dirname, 'embedded-server.child.js'), JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const messages = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async (): Promise<Message> => {
    const { value, done } = await messages.next();
    if (done) throw new Error(`the embedded server process exited (code ${child.exitCode})`);
    return JSON.parse(value as string) as Message;
  };

  const ready = await next();
  if (!ready.url) throw new EmbeddedStartError(ready.error ?? 'no url', ready.name);
  const url = ready.url;
  return {
    url,
    stop: async () => {
      const exited = exitOf(child);
      child.kill('SIGTERM');
      const reply = await next();
      if (!reply.stopped) throw new Error(`stopping the embedded server failed: ${reply.error}`);
      await exited;
    },
    kill: async () => {
      const exited = exitOf(child);
      child.kill('SIGKILL');
      await exited;
    },
  };
}

function exitOf(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

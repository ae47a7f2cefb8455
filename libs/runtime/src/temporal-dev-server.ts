import { Connection } from '@temporalio/client';
import { searchAttributeCliArgs } from '@dondoc/contracts';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { ManagedProcess } from './managed-process';
import { freePort, isPortOpen, waitFor } from './ports';

export interface TemporalDevServerOptions {
  cli: string;
  /** SQLite file; state survives restarts. Omit for an in-memory server. */
  dbFile?: string;
  port?: number;
  uiPort?: number;
  namespace?: string;
  logDir: string;
  echo?: NodeJS.WritableStream;
}

export interface RunningTemporalDevServer {
  address: string;
  uiUrl: string;
  namespace: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/** `temporal server start-dev` with Đôn Đốc's search attributes registered. */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<RunningTemporalDevServer> {
  const port = options.port ?? (await freePort());
  const uiPort = options.uiPort ?? (await freePort());
  const namespace = options.namespace ?? 'default';
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--ui-port', String(uiPort), '--namespace', namespace, '--log-level', 'warn'];
  if (options.dbFile) {
    mkdirSync(path.dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile);
  }
  args.push(...searchAttributeCliArgs());

  const server = new ManagedProcess({ name: 'temporal', command: options.cli, args, logDir: options.logDir, echo: options.echo });
  const address = `127.0.0.1:${port}`;
  try {
    await waitFor(
      'Temporal dev server',
      async () => {
        if (!server.running) throw new Error(`it exited; see ${path.join(options.logDir, 'temporal.log')}`);
        if (!(await isPortOpen(port))) return false;
        const connection = await Connection.connect({ address, connectTimeout: 1_000 });
        try {
          await connection.workflowService.describeNamespace({ namespace });
          return true;
        } finally {
          await connection.close();
        }
      },
      60_000,
    );
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { address, uiUrl: `http://127.0.0.1:${uiPort}`, namespace, process: server, stop: () => server.stop() };
}

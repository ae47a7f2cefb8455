import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { ManagedProcess } from './managed-process';
import { freePort, isPortOpen, waitFor } from './ports';

export interface RedisServerOptions {
  /** Working folder; with `persistent` the append-only file lives here. */
  dir: string;
  persistent: boolean;
  port?: number;
  logDir: string;
  binary?: string;
}

export interface RunningRedisServer {
  url: string;
  port: number;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/** A private redis-server on loopback (tests: one per suite; `npm start`: one with AOF on). */
export async function startRedisServer(options: RedisServerOptions): Promise<RunningRedisServer> {
  const port = options.port ?? (await freePort());
  mkdirSync(options.dir, { recursive: true });
  const args = ['--bind', '127.0.0.1', '--port', String(port), '--dir', path.resolve(options.dir), '--save', '', '--protected-mode', 'yes'];
  args.push('--appendonly', options.persistent ? 'yes' : 'no');
  const server = new ManagedProcess({ name: `redis-${port}`, command: options.binary ?? 'redis-server', args, logDir: options.logDir });
  try {
    await waitFor(
      'redis-server',
      async () => {
        if (!server.running) throw new Error('redis-server exited (is it installed? Debian: apt-get install redis-server)');
        return isPortOpen(port);
      },
      15_000,
      50,
    );
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: `redis://127.0.0.1:${port}`, port, process: server, stop: () => server.stop() };
}

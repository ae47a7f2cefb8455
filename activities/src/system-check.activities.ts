export interface DependencyProbes {
  database(): Promise<void>;
  redis(): Promise<void>;
}

export interface DependencyStatus {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

export interface DependencyReport {
  database: DependencyStatus;
  redis: DependencyStatus;
  worker: { pid: number; node: string };
}

export function createSystemCheckActivities(probes: DependencyProbes) {
  return {
    async checkDependencies(): Promise<DependencyReport> {
      const [database, redis] = await Promise.all([measure(probes.database), measure(probes.redis)]);
      return { database, redis, worker: { pid: process.pid, node: process.version } };
    },
  };
}

async function measure(probe: () => Promise<void>): Promise<DependencyStatus> {
  const started = performance.now();
  try {
    await probe();
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: error instanceof Error ? error.message : String(error) };
  }
}

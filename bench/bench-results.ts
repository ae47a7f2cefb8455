import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Writes one benchmark's numbers with the machine they were measured on. */
export function writeBenchResult(name: string, results: Record<string, unknown>): string {
  const dir = path.join(process.cwd(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  writeFileSync(file, `${JSON.stringify({ name, measuredAt: new Date().toISOString(), machine, results }, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
  console.log(`→ ${path.relative(process.cwd(), file)}`);
  return file;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

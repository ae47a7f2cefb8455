// How long an admin waits for a draft: `dondoc plan extract` on a 40-page
// plan PDF (a task table over every page, its header repeated on each), run
// as a user runs it, once, in a fresh process: the cold run is the headline.
// Beside it, in the same rounds (so both see the same load on the shared
// machine), the baseline: a bare pdfjs-dist getTextContent pass over the same
// file in a fresh process. Then where a cold run's time goes, phase by phase.
// Target: under 5 s on the project's 2-core machine.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { parse } from 'yaml';

import { longTablePdf } from '../libs/plan-extract/src/testing/plan-documents';
import { percentile, writeBenchResult } from './bench-results';

const TARGET_MS = 5_000;
const ROUNDS = 5;
const dist = path.join(process.cwd(), 'dist');

interface Run {
  readonly wallMs: number;
  /** User + system CPU of the child process. */
  readonly cpuMs: number;
}

/** Children's CPU so far (Linux /proc: cutime + cstime of the children waited for). */
const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / ticksPerSecond;
}

function timed(args: readonly string[]): Run & { stdout: string } {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: process.cwd(), encoding: 'utf8' });
  const wallMs = performance.now() - started;
  // plan extract exits 1 for a draft plan validate refuses; the benchmark document's draft is valid.
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  return { wallMs, cpuMs: childrenCpuMs() - cpuBefore, stdout: child.stdout };
}

const median = (values: readonly number[]) => Math.round(percentile([...values].sort((a, b) => a - b), 50));

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-bench-extract-'));
  try {
    const pdf = path.join(dir, 'ke-hoach-40-trang.pdf');
    const bytes = await longTablePdf(370, { groups: 6 });
    writeFileSync(pdf, bytes);
    const cli: Run[] = [];
    const baseline: Run[] = [];
    let pages = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const bare = timed([path.join(dist, 'bench', 'support', 'pdfjs-text-pass.js'), pdf]);
      pages = (JSON.parse(bare.stdout) as { pages: number }).pages;
      baseline.push(bare);
      cli.push(timed([path.join(dist, 'apps', 'cli', 'src', 'main.js'), 'plan', 'extract', pdf, '-o', path.join(dir, 'draft.yaml')]));
    }
    const draft = parse(readFileSync(path.join(dir, 'draft.yaml'), 'utf8')) as { groups: Array<{ tasks: unknown[] }> };
    const tasks = draft.groups.reduce((n, g) => n + g.tasks.length, 0);
    const phases = JSON.parse(timed([path.join(dist, 'bench', 'support', 'plan-extract-phases.js'), pdf]).stdout) as Record<string, unknown>;
    const cold = { wallMs: median(cli.map((r) => r.wallMs)), cpuMs: median(cli.map((r) => r.cpuMs)) };
    const bare = { wallMs: median(baseline.map((r) => r.wallMs)), cpuMs: median(baseline.map((r) => r.cpuMs)) };
    writeBenchResult('plan-extract', {
      document: { pages, tasks, bytes: bytes.length },
      headline: 'dondoc plan extract, cold (a fresh process each run), median of the rounds',
      coldCliMs: cold.wallMs,
      coldCliCpuMs: cold.cpuMs,
      targetMs: TARGET_MS,
      withinTarget: cold.wallMs < TARGET_MS,
      baseline: { what: 'bare pdfjs-dist getTextContent over every page, fresh process', ms: bare.wallMs, cpuMs: bare.cpuMs },
      ratioToBaseline: { wall: +(cold.wallMs / bare.wallMs).toFixed(2), cpu: +(cold.cpuMs / bare.cpuMs).toFixed(2) },
      rounds: ROUNDS,
      runs: { cli: cli.map(round), baseline: baseline.map(round) },
      phasesOfAColdExtraction: phases,
      loadAverage: os.loadavg().map((n) => +n.toFixed(1)),
    });
    if (pages < 40) throw new Error(`the benchmark document has ${pages} pages, fewer than 40`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (run: Run) => ({ wallMs: Math.round(run.wallMs), cpuMs: Math.round(run.cpuMs) });

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

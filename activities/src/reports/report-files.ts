import type { AgencyIndex } from '@dondoc/catalog';
import type { AgencyReportState, ReportFileRef } from '@dondoc/contracts';
import { type Database, ReportEvidenceRepository, ReportFileRepository, ReportSubmissionRepository } from '@dondoc/db';
import type { Plan } from '@dondoc/domain';
import { reportTaskLeads } from '@dondoc/plan-sync';
import type { Kysely } from 'kysely';
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { consolidate, type ConsolidatedCycle, type ConsolidatedReport } from './consolidation';
import { renderDocx } from './docx-report';
import { renderXlsx } from './xlsx-report';

export interface ReportFileDependencies {
  readonly db: Kysely<Database>;
  /** DONDOC_DATA_DIR: files go under its reports/ folder. */
  readonly dataDir: string;
}

/**
 * `reports/<plan>/<cycle>/<generation>/bao-cao-<plan>-<cycle>.<kind>`, relative
 * to the data folder: the file keeps its name in every generation (it is what
 * recipients see), the folder tells the generations apart.
 */
export const reportFilePath = (cycle: Pick<ConsolidatedCycle, 'planId' | 'cycleKey'>, generation: number, kind: ReportFileRef['kind']) =>
  path.posix.join('reports', cycle.planId, cycle.cycleKey, String(generation), `bao-cao-${cycle.planId}-${cycle.cycleKey}.${kind}`);

/** Claims the next generation's folder: mkdir fails for a number another writer (or a crashed run) took, so it moves on. */
async function claimGeneration(deps: ReportFileDependencies, cycle: ConsolidatedCycle): Promise<number> {
  const parent = path.join(deps.dataDir, 'reports', cycle.planId, cycle.cycleKey);
  await mkdir(parent, { recursive: true });
  for (let generation = await new ReportFileRepository(deps.db).nextGeneration(cycle.planId, cycle.cycleKey); ; generation++) {
    try {
      await mkdir(path.join(parent, String(generation)));
      return generation;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * Consolidates the latest revision of every agency's report and writes the
 * DOCX, XLSX and JSON as a new generation, recorded with their hashes. Running
 * it again (a retried activity, or "re-generate" from the CLI or API) writes
 * the next generation and leaves earlier ones, the e-mailed one included, as
 * they were.
 */
export async function generateReportFiles(
  deps: ReportFileDependencies,
  cycle: ConsolidatedCycle,
  catalog: { readonly plan: Plan; readonly index: AgencyIndex },
  finals: readonly AgencyReportState[],
  generatedAt: number,
): Promise<{ report: ConsolidatedReport; files: ReportFileRef[] }> {
  const submissions = await new ReportSubmissionRepository(deps.db).latestOfCycle(cycle.planId, cycle.cycleKey);
  const evidence = await new ReportEvidenceRepository(deps.db).list(cycle.planId, cycle.cycleKey);
  // Resolved on the day the cycle resolved its reporters, so both agree.
  const leads = reportTaskLeads(catalog.plan, catalog.index, cycle.unitDeadline);
  const report = consolidate(cycle, catalog.plan, leads, finals, submissions, generatedAt, evidence);
  const contents: Array<[ReportFileRef['kind'], Buffer]> = [
    ['docx', await renderDocx(report)],
    ['xlsx', await renderXlsx(report)],
    ['json', Buffer.from(`${JSON.stringify(report, null, 2)}\n`, 'utf8')],
  ];
  const generation = await claimGeneration(deps, cycle);
  const files: ReportFileRef[] = [];
  for (const [kind, content] of contents) {
    const relative = reportFilePath(cycle, generation, kind);
    const absolute = path.join(deps.dataDir, relative);
    // Write beside, then rename: a reader never sees half a document.
    const partial = `${absolute}.${process.pid}.partial`;
    await writeFile(partial, content);
    await rename(partial, absolute);
    files.push({ kind, path: relative, sha256: createHash('sha256').update(content).digest('hex'), generation });
  }
  await new ReportFileRepository(deps.db).recordGeneration(cycle, generation, files);
  return { report, files };
}

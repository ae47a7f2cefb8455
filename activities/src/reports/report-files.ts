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

/** `reports/<plan>/<cycle>/bao-cao-<plan>-<cycle>.<kind>`, relative to the data folder. */
export const reportFilePath = (cycle: Pick<ConsolidatedCycle, 'planId' | 'cycleKey'>, kind: ReportFileRef['kind']) =>
  path.posix.join('reports', cycle.planId, cycle.cycleKey, `bao-cao-${cycle.planId}-${cycle.cycleKey}.${kind}`);

/**
 * Consolidates the latest revision of every agency's report and writes the
 * DOCX, XLSX and JSON, recording each with its hash. Running it again (a
 * retried activity, or "re-generate" from the CLI or API) rewrites the files
 * from the same data.
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
  const repository = new ReportFileRepository(deps.db);
  const files: ReportFileRef[] = [];
  for (const [kind, content] of contents) {
    const relative = reportFilePath(cycle, kind);
    const absolute = path.join(deps.dataDir, relative);
    await mkdir(path.dirname(absolute), { recursive: true });
    // Write beside, then rename: a reader never sees half a document.
    const partial = `${absolute}.${process.pid}.partial`;
    await writeFile(partial, content);
    await rename(partial, absolute);
    const sha256 = createHash('sha256').update(content).digest('hex');
    await repository.record(cycle, kind, relative, sha256);
    files.push({ kind, path: relative, sha256 });
  }
  return { report, files };
}

import { WorkingCalendar } from '@dondoc/calendar';
import { loadPlan, preparePlanImport } from '@dondoc/catalog';
import { PlanVersionRepository, type PlanVersion } from '@dondoc/db';
import { InvalidInputError, NotFoundError, planTasks } from '@dondoc/domain';
import { applyPlanRevision, upsertReportSchedule } from '@dondoc/plan-sync';
import { vietnamDate } from '@dondoc/policy';
import type { Diagnostic } from '@dondoc/schemas';
import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { z } from 'zod';

import { AppConfigService } from '../app-config.service';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../common/request-context';
import { CatalogService } from '../infrastructure/catalog.service';
import type { planImportResultSchema, planSummarySchema } from './plans.schemas';

const describeDiagnostic = (d: Diagnostic) => ({ path: d.path, line: d.line ?? null, severity: d.severity, message: d.message });

@Injectable()
export class PlansService {
  constructor(
    private readonly versions: PlanVersionRepository,
    private readonly catalog: CatalogService,
    private readonly client: Client,
    private readonly config: AppConfigService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Validates the plan, stores it as a new version when its content changed, and
   * starts a task workflow for every task and lead agency that has none yet.
   * Idempotent: the same document twice stores and starts nothing new.
   */
  async import(ctx: RequestContext, yaml: string): Promise<z.infer<typeof planImportResultSchema>> {
    // The upload has no file name; the "file name differs from plan id" warning means nothing here.
    const loaded = loadPlan({ file: '(body)', text: yaml }, this.catalog.references);
    const diagnostics = loaded.diagnostics.filter((d) => d.code !== 'file-name-mismatch');
    if (!loaded.ok) {
      const issues = diagnostics.filter((d) => d.severity === 'error').map((d) => ({ field: d.path || '(body)', reason: `${d.message}${d.line ? ` (dòng ${d.line})` : ''}` }));
      throw new InvalidInputError(`Kế hoạch có ${issues.length} lỗi; chưa nhập.`, { issues });
    }
    const plan = loaded.plan;
    const stored = await this.versions.latest(plan.id);
    const prepared = preparePlanImport(plan, stored ? { hash: stored.contentHash, plan: stored.document } : null);
    const saved = prepared.status === 'unchanged' ? { version: stored!.version, created: false } : await this.versions.saveIfNew(plan.id, prepared.hash, plan, ctx.principal.actor);

    // Every task and lead gets its workflow; a changed plan also rebuilds or cancels running ones.
    const report = await applyPlanRevision(this.client, {
      plan,
      diff: prepared.status === 'changed' ? prepared.diff : null,
      version: saved.version,
      index: this.catalog.index,
      policy: this.catalog.policyFor(plan.id),
      calendarOverrides: this.catalog.calendarOverrides,
      today: vietnamDate(Date.now()),
      taskQueue: this.config.values.TEMPORAL_TASK_QUEUE,
      by: ctx.principal.actor,
    });
    // Every plan has a reporting section, so every imported plan gets its yearly report Schedule, following the
    // imported version's dates (as `dondoc plan import` does); its cycles resolve the plan from the stored versions.
    const schedule = await upsertReportSchedule(this.client, plan, this.catalog.policyFor(plan.id), new WorkingCalendar({ overrides: this.catalog.calendarOverrides }), {
      taskQueue: this.config.values.TEMPORAL_TASK_QUEUE,
    });
    const diff =
      prepared.status === 'unchanged'
        ? null
        : {
            added: prepared.diff.added.map((t) => t.id),
            changed: prepared.diff.changed.map((c) => c.id),
            removed: prepared.diff.removed.map((t) => t.id),
            unchanged: prepared.diff.unchanged,
          };
    if (saved.created || report.started.length || report.rulesRefreshed.length) {
      await this.audit.record(ctx, 'plan.import', `plan/${plan.id}`, {
        version: saved.version,
        status: prepared.status,
        started: report.started.length,
        revised: report.revised.length,
        cancelled: report.cancelled.length,
        rulesRefreshed: report.rulesRefreshed.length,
      });
    }
    return {
      planId: plan.id,
      version: saved.version,
      status: prepared.status,
      diff,
      workflows: { started: report.started, existing: report.existing.length, revised: report.revised, cancelled: report.cancelled, rulesRefreshed: report.rulesRefreshed },
      dissolvedLeads: report.dissolved.map((d) => ({ taskId: d.taskId, agencyId: d.agencyId, reason: d.reason })),
      reportSchedule: {
        scheduleId: schedule.scheduleId,
        created: schedule.created,
        nextRequestAt: nextFire(schedule.fires),
        startedCycle: schedule.catchUp?.started ? schedule.catchUp.workflowId : null,
      },
      warnings: diagnostics.map(describeDiagnostic),
    };
  }

  async list(): Promise<Array<z.infer<typeof planSummarySchema>>> {
    return (await this.versions.latestOfEach()).map(summary);
  }

  async get(planId: string) {
    const latest = await this.versions.latest(planId);
    if (!latest) throw new NotFoundError(`Không có kế hoạch ${planId}.`);
    const history = await this.versions.history(planId);
    return {
      ...summary(latest),
      document: latest.document as unknown as Record<string, unknown>,
      history: history.map((v) => ({ version: v.version, importedAt: v.importedAt.toISOString(), importedBy: v.importedBy })),
    };
  }
}

/** When the next yearly report request goes out, ISO; null when the plan has no request left. */
function nextFire(fires: ReadonlyArray<{ at: number }>): string | null {
  const next = fires.find((fire) => fire.at > Date.now());
  return next ? new Date(next.at).toISOString() : null;
}

function summary(version: PlanVersion): z.infer<typeof planSummarySchema> {
  return {
    planId: version.planId,
    title: version.document.title,
    number: version.document.number,
    version: version.version,
    tasks: planTasks(version.document).length,
    importedAt: version.importedAt.toISOString(),
    importedBy: version.importedBy,
  };
}

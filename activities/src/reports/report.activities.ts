import { WorkingCalendar } from '@dondoc/calendar';
import type { AgencyReportState, ReportCyclePlan, ReportCycleRequest, ReportFileRef } from '@dondoc/contracts';
import { type Database, ReportSubmissionRepository } from '@dondoc/db';
import type { Plan } from '@dondoc/domain';
import { ReportCycleError, resolveReportCycle, type SeedCatalog } from '@dondoc/plan-sync';
import { ApplicationFailure } from '@temporalio/common';
import type { Kysely } from 'kysely';

import type { ConsolidatedCycle } from './consolidation';
import { generateReportFiles } from './report-files';
import { emailReport, type ReportMailer } from './report-mail';

export interface ReportActivityDependencies {
  readonly db: Kysely<Database>;
  /** Reads seeds/ (plans, directory, policies, calendar) each time, so an edited seed applies to the next cycle. */
  readonly loadCatalog: () => SeedCatalog;
  /** DONDOC_DATA_DIR. */
  readonly dataDir: string;
  readonly mailer: ReportMailer;
  readonly mailFrom: string;
  readonly mailReplyTo?: string;
}

/** A permanent refusal the caller (an Update's sender) reads as is. */
const refuse = (message: string, type = 'ReportRefused') => ApplicationFailure.create({ message, type, nonRetryable: true });

export function createReportActivities(deps: ReportActivityDependencies | undefined) {
  const need = (): ReportActivityDependencies => {
    if (!deps) throw refuse('Worker chưa được cấu hình cho báo cáo (thiếu cơ sở dữ liệu, thư mục dữ liệu hoặc SMTP).', 'ReportsNotConfigured');
    return deps;
  };
  const planOf = (planId: string): { plan: Plan; index: SeedCatalog['index'] } => {
    const catalog = need().loadCatalog();
    const plan = catalog.plans.get(planId);
    if (!plan) throw refuse(`Không có kế hoạch "${planId}" trong danh mục.`, 'ReportCycleError');
    return { plan, index: catalog.index };
  };

  return {
    /** Resolves a cycle request against today's catalog: deadlines, agencies and their scopes, recipients. */
    async prepareReportCycle(request: ReportCycleRequest): Promise<ReportCyclePlan> {
      const catalog = need().loadCatalog();
      try {
        return resolveReportCycle(catalog, request, new WorkingCalendar({ overrides: catalog.calendarOverrides }));
      } catch (error) {
        if (error instanceof ReportCycleError) throw refuse(error.message, 'ReportCycleError');
        throw error;
      }
    },

    /** Turns a stored draft into the agency's submission at the workflow's time. */
    async recordReportSubmission(input: { submissionId: string; planId: string; cycleKey: string; agencyId: string; at: number }): Promise<{ submissionId: string; revision: number }> {
      const repository = new ReportSubmissionRepository(need().db);
      const row = await repository.get(input.submissionId);
      if (!row || row.planId !== input.planId || row.cycleKey !== input.cycleKey || row.agencyId !== input.agencyId) {
        throw refuse(`Không tìm thấy bản báo cáo số ${input.submissionId} của ${input.agencyId} cho kỳ ${input.cycleKey}.`);
      }
      const saved = await repository.markSubmitted(input.submissionId, new Date(input.at));
      if (!saved) throw refuse(`Bản báo cáo số ${input.submissionId} đã được gửi trước đó; hãy tạo bản mới để gửi lại.`);
      return { submissionId: saved.id, revision: saved.revision };
    },

    async reviewReportSubmission(input: { submissionId: string; decision: 'accept' | 'return'; comment: string; by: string; at: number }): Promise<void> {
      const decision = input.decision === 'accept' ? 'accepted' : 'returned';
      const saved = await new ReportSubmissionRepository(need().db).review(input.submissionId, decision, input.by, input.comment, new Date(input.at));
      if (!saved) throw refuse(`Bản báo cáo số ${input.submissionId} không ở trạng thái chờ xem xét.`);
    },

    /** DOCX, XLSX and JSON of the cycle, written under DONDOC_DATA_DIR/reports and recorded with their hashes. */
    async consolidateReport(input: { cycle: ConsolidatedCycle; agencies: readonly AgencyReportState[]; generatedAt: number }): Promise<ReportFileRef[]> {
      const { files } = await generateReportFiles(need(), input.cycle, planOf(input.cycle.planId), input.agencies, input.generatedAt);
      return files;
    },

    /** E-mails the files to the plan's recipients, once per key. */
    async emailConsolidatedReport(input: { cycle: ConsolidatedCycle; files: readonly ReportFileRef[]; idempotencyKey: string }): Promise<{ messageId: string }> {
      const d = need();
      const { messageId } = await emailReport(
        { db: d.db, dataDir: d.dataDir, mailer: d.mailer, from: d.mailFrom, ...(d.mailReplyTo ? { replyTo: d.mailReplyTo } : {}) },
        input.cycle,
        input.files,
        input.idempotencyKey,
      );
      return { messageId };
    },
  };
}

import { WorkingCalendar } from '@dondoc/calendar';
import type { AgencyReportState, ReportCyclePlan, ReportCycleRequest, ReportFileRef } from '@dondoc/contracts';
import { type Database, ReportFileRepository, ReportSubmissionRepository } from '@dondoc/db';
import { ReportCycleError, resolveReportCycle, type SeedCatalog } from '@dondoc/plan-sync';
import { ApplicationFailure } from '@temporalio/common';
import type { Kysely } from 'kysely';

import type { StandingCounts } from './agency-standing';
import type { ConsolidatedCycle } from './consolidation';
import { generateReportFiles } from './report-files';
import { emailReport, type ReportMailer } from './report-mail';
import { reportPlan } from './report-plan';
import { emailSignOff } from './sign-off-mail';

export interface ReportActivityDependencies {
  readonly db: Kysely<Database>;
  /**
   * Reads seeds/ (directory, policies, calendar) each time, so an edited seed
   * applies to the next cycle. Plans come from the database (plan_versions).
   */
  readonly loadCatalog: () => Pick<SeedCatalog, 'index' | 'calendarOverrides' | 'policyFor'>;
  /**
   * The directory as it stands: loadCatalog's with the contacts and merges kept in the
   * database laid over it, so cycles name today's successors and mail today's contacts.
   * @defaultValue loadCatalog().index
   */
  readonly loadDirectory?: () => Promise<SeedCatalog['index']>;
  /** DONDOC_DATA_DIR. */
  readonly dataDir: string;
  readonly mailer: ReportMailer;
  readonly mailFrom: string;
  readonly mailReplyTo?: string;
  /** PUBLIC_BASE_URL: the sign-off letters link to the report page of the web app. */
  readonly publicBaseUrl: string;
}

/** A permanent refusal the caller (an Update's sender) reads as is. */
const refuse = (message: string, type = 'ReportRefused') => ApplicationFailure.create({ message, type, nonRetryable: true });

export function createReportActivities(deps: ReportActivityDependencies | undefined) {
  const need = (): ReportActivityDependencies => {
    if (!deps) throw refuse('Worker chưa được cấu hình cho báo cáo (thiếu cơ sở dữ liệu, thư mục dữ liệu hoặc SMTP).', 'ReportsNotConfigured');
    return deps;
  };
  const directoryOf = (d: ReportActivityDependencies) => (d.loadDirectory ? d.loadDirectory() : Promise.resolve(d.loadCatalog().index));
  const mail = (d: ReportActivityDependencies) => ({ db: d.db, dataDir: d.dataDir, mailer: d.mailer, from: d.mailFrom, ...(d.mailReplyTo ? { replyTo: d.mailReplyTo } : {}) });
  const consolidate = async (input: { cycle: ConsolidatedCycle; agencies: readonly AgencyReportState[]; generatedAt: number }) => {
    const d = need();
    const stored = await reportPlan(d.db, input.cycle.planId, input.cycle.planVersion ?? null).catch((error: unknown) => {
      throw error instanceof ReportCycleError ? refuse(error.message, 'ReportCycleError') : error;
    });
    return generateReportFiles(d, input.cycle, { plan: stored.plan, index: await directoryOf(d) }, input.agencies, input.generatedAt);
  };

  return {
    /** Resolves a cycle request against the plan's latest stored version and today's catalog: deadlines, agencies and their scopes, recipients. */
    async prepareReportCycle(request: ReportCycleRequest): Promise<ReportCyclePlan> {
      const d = need();
      const catalog = { ...d.loadCatalog(), index: await directoryOf(d) };
      try {
        const stored = await reportPlan(d.db, request.planId);
        return resolveReportCycle(catalog, stored.plan, request, new WorkingCalendar({ overrides: catalog.calendarOverrides }), stored.version);
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

    /** DOCX, XLSX and JSON of the cycle, written under DONDOC_DATA_DIR/reports and recorded with their hashes (cycles before the sign-off). */
    async consolidateReport(input: { cycle: ConsolidatedCycle; agencies: readonly AgencyReportState[]; generatedAt: number }): Promise<ReportFileRef[]> {
      return (await consolidate(input)).files;
    },

    /** The same, with where the agencies' reports stand, for the sign-off letters. */
    async consolidateCycle(input: { cycle: ConsolidatedCycle; agencies: readonly AgencyReportState[]; generatedAt: number }): Promise<{ files: ReportFileRef[]; standing: StandingCounts }> {
      const { files, report } = await consolidate(input);
      return { files, standing: report.standing };
    },

    /** The files of one generation of a cycle, for an approval: refused when that generation does not exist. */
    async reportGenerationFiles(input: { planId: string; cycleKey: string; generation: number }): Promise<ReportFileRef[]> {
      const rows = await new ReportFileRepository(need().db).latest(input.planId, input.cycleKey, input.generation);
      if (rows.length === 0) throw refuse(`Kỳ báo cáo ${input.cycleKey} của kế hoạch ${input.planId} không có lần tổng hợp thứ ${input.generation}.`);
      const order: readonly ReportFileRef['kind'][] = ['docx', 'xlsx', 'json'];
      return rows.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind)).map(({ kind, path, sha256, generation }) => ({ kind, path, sha256, generation }));
    },

    /** E-mails the files to the plan's recipients, once per key. */
    async emailConsolidatedReport(input: { cycle: ConsolidatedCycle; files: readonly ReportFileRef[]; idempotencyKey: string }): Promise<{ messageId: string }> {
      const { messageId } = await emailReport(mail(need()), input.cycle, input.files, input.idempotencyKey);
      return { messageId };
    },

    /** Asks Sở KH&CN's admins to approve the consolidation, with a link to the report page and the files, once per key. */
    async requestReportApproval(input: { cycle: ConsolidatedCycle; files: readonly ReportFileRef[]; standing: StandingCounts; idempotencyKey: string }): Promise<{ sentTo: string[] }> {
      const d = need();
      const generation = input.files[0]?.generation ?? 1;
      return emailSignOff({ ...mail(d), publicBaseUrl: d.publicBaseUrl, index: await directoryOf(d) }, 'request', { ...input, generation });
    },

    /** Tells Sở KH&CN's head that the consolidation has not been approved by the day it must go out, once per key. */
    async escalateReportApproval(input: { cycle: ConsolidatedCycle; generation: number; standing: StandingCounts; idempotencyKey: string }): Promise<{ sentTo: string[] }> {
      const d = need();
      return emailSignOff({ ...mail(d), publicBaseUrl: d.publicBaseUrl, index: await directoryOf(d) }, 'escalation', { ...input, files: [] });
    },
  };
}

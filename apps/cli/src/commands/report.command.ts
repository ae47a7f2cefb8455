import { WorkingCalendar } from '@dondoc/calendar';
import { type AppConfig, configOrExit } from '@dondoc/config';
import { AGENCY_REPORT_STATUS_LABELS, type ReportCycleRequest } from '@dondoc/contracts';
import { AgencyDirectoryRepository, createDatabase, type Database, type JsonObject, PlanVersionRepository } from '@dondoc/db';
import { storedDirectoryOver } from '@dondoc/directory';
import { DomainError, InvalidInputError, NotFoundError } from '@dondoc/domain';
import { loadSeedCatalog, upsertReportSchedule } from '@dondoc/plan-sync';
import { checkEvidenceHeaders, EVIDENCE_TYPES, ReportEvidenceService, ReportService } from '@dondoc/reports-service';
import { Client, Connection } from '@temporalio/client';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { recordOperatorAction } from '../operator-audit';
import { databaseUrlFor } from '../runtime-connections';
import { calendarDateOption } from '../options/date-options';

/** Records a state change in the audit log, under the operator (or `by`), with the same action names as the API's. */
type AuditRecorder = (action: string, target: string, payload: JsonObject, by?: string) => Promise<void>;

/** Opens Temporal and the database for one command, and closes both afterwards; refusals (domain errors) are printed, exit code 1. */
async function withOperations(
  run: (ops: ReportService, config: AppConfig, client: Client, evidence: ReportEvidenceService, audit: AuditRecorder, db: Kysely<Database>) => Promise<void>,
): Promise<void> {
  const config = configOrExit();
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const db = createDatabase(databaseUrlFor(config));
  const seedsDir = path.resolve(config.DONDOC_SEEDS_DIR);
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  try {
    const ops = new ReportService({ client, db, dataDir: path.resolve(config.DONDOC_DATA_DIR), taskQueue: config.TEMPORAL_TASK_QUEUE, loadCatalog: () => loadSeedCatalog(seedsDir), loadDirectory: () => storedDirectoryOver(new AgencyDirectoryRepository(db), loadSeedCatalog(seedsDir).index.directory) });
    const audit: AuditRecorder = (action, target, payload, by) => recordOperatorAction(db, { action, target, payload, ...(by ? { by } : {}) });
    await run(ops, config, client, new ReportEvidenceService({ db, dataDir: path.resolve(config.DONDOC_DATA_DIR), reports: ops }), audit, db);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  } finally {
    await db.destroy();
    await connection.close();
  }
}

const time = (ms: number | null) => (ms === null ? '' : new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '));

/** `dondoc report status|start|schedule|submit|return|accept|approve|download`. */
export function register(program: Command): void {
  const report = program.command('report').description('Báo cáo định kỳ, đột xuất: yêu cầu, nhận, xem xét, tổng hợp báo cáo của các cơ quan');

  report
    .command('status')
    .description('Tình trạng báo cáo của từng cơ quan trong một kỳ')
    .argument('<plan>', 'mã kế hoạch, ví dụ kh-nq03-2025')
    .argument('<cycle>', 'năm (2026) hoặc mã kỳ đột xuất (2026-dx-<mã>)')
    .action((planId: string, cycle: string) =>
      withOperations(async (ops) => {
        const state = await ops.status(planId, cycle);
        process.stdout.write(`${state.title ?? planId} – ${state.phase}; hạn đơn vị ${state.unitDeadline ?? '?'}, hạn tổng hợp ${state.aggregatorDeadline ?? '?'}\n`);
        const signOff = state.signOff;
        if (signOff) {
          const approval = signOff.approval ? `đã phê duyệt lần tổng hợp ${signOff.approval.generation} (${signOff.approval.by}, ${time(signOff.approval.at)})` : `chờ phê duyệt, hạn ${time(signOff.approvalDueAt)}`;
          const escalated = signOff.escalatedAt ? `; đã báo lãnh đạo ${signOff.escalatedTo.join(', ') || '(không có địa chỉ)'} lúc ${time(signOff.escalatedAt)}` : '';
          process.stdout.write(`  trình phê duyệt lần tổng hợp ${signOff.generation} (${time(signOff.requestedAt)}, gửi ${signOff.requestedFrom.join(', ') || 'không ai'}): ${approval}${escalated}\n`);
        }
        for (const a of state.agencies) {
          const late = a.late ? ' (muộn)' : '';
          const grace = a.dueDate && a.dueDate !== state.unitDeadline ? `  hạn ${a.dueDate}` : '';
          process.stdout.write(`  ${a.agencyId.padEnd(26)} ${AGENCY_REPORT_STATUS_LABELS[a.status]}${late}  lần ${a.revision ?? '-'}  gửi ${time(a.lastSubmittedAt)}  nhắc ${a.remindersSent}${grace}\n`);
          // The comment stays readable after the agency resubmits: it says what the new revision had to fix.
          const review = a.lastReview;
          if (review?.comment) {
            const decision = review.decision === 'returned' ? 'trả lại' : 'tiếp nhận';
            process.stdout.write(`      ý kiến khi ${decision} lần ${review.revision} (${review.by ?? '?'}, ${time(review.at)}): ${review.comment.replace(/\s*\n\s*/g, ' / ')}\n`);
          }
        }
        for (const g of state.generations) {
          process.stdout.write(`  tổng hợp lần ${g.generation} (${time(g.createdAt)})${g.emailed ? ', đã gửi e-mail' : ''}: ${g.files.map((f) => f.path).join(', ')}\n`);
        }
      }),
    );

  report
    .command('start')
    .description('Bắt đầu một kỳ báo cáo ngay (kỳ hằng năm, hoặc đột xuất với --ad-hoc)')
    .argument('<plan>', 'mã kế hoạch')
    .argument('<year>', 'năm báo cáo')
    .option('--unit-deadline <yyyy-mm-dd>', 'hạn các cơ quan gửi báo cáo (thay cho hạn của kế hoạch)', calendarDateOption)
    .option('--aggregator-deadline <yyyy-mm-dd>', 'hạn Sở KH&CN gửi báo cáo tổng hợp', calendarDateOption)
    .option('--ad-hoc <id>', 'báo cáo đột xuất: mã yêu cầu (chữ thường, số, "-"); cần --title và cả hai hạn')
    .option('--title <text>', 'tiêu đề báo cáo đột xuất')
    .option('--by <name>', 'người yêu cầu', 'cli')
    .action((planId: string, yearText: string, o: { unitDeadline?: string; aggregatorDeadline?: string; adHoc?: string; title?: string; by: string }) =>
      withOperations(async (ops, _config, _client, _evidence, audit) => {
        const year = Number(yearText);
        if (!Number.isInteger(year) || year < 2000) throw new InvalidInputError(`Năm không hợp lệ: "${yearText}".`);
        let request: ReportCycleRequest;
        if (o.adHoc) {
          if (!o.title || !o.unitDeadline || !o.aggregatorDeadline) throw new InvalidInputError('Báo cáo đột xuất cần --title, --unit-deadline và --aggregator-deadline.');
          request = { planId, year, adHoc: { id: o.adHoc, title: o.title, unitDeadline: o.unitDeadline, aggregatorDeadline: o.aggregatorDeadline, requestedBy: o.by } };
        } else {
          const deadlines = { ...(o.unitDeadline ? { unitDeadline: o.unitDeadline } : {}), ...(o.aggregatorDeadline ? { aggregatorDeadline: o.aggregatorDeadline } : {}) };
          request = { planId, year, ...(Object.keys(deadlines).length ? { deadlines } : {}) };
        }
        const { workflowId } = await ops.start(request);
        await audit('report.start', workflowId, { planId, year, ...(request.adHoc ? { adHoc: { ...request.adHoc } } : {}), ...(request.deadlines ? { deadlines: { ...request.deadlines } } : {}) }, o.by);
        process.stdout.write(`Đã bắt đầu kỳ báo cáo ${workflowId}\n`);
      }),
    );

  report
    .command('schedule')
    .description('Tạo hoặc cập nhật lịch (Temporal Schedule) gửi yêu cầu báo cáo hằng năm của các kế hoạch')
    .argument('[plans...]', 'mã kế hoạch (mặc định: mọi kế hoạch đã nhập vào cơ sở dữ liệu)')
    .action((plans: string[]) =>
      withOperations(async (_ops, config, client, _evidence, audit, db) => {
        const catalog = loadSeedCatalog(path.resolve(config.DONDOC_SEEDS_DIR));
        const calendar = new WorkingCalendar({ overrides: catalog.calendarOverrides });
        // Cycles run on the stored plan versions, so the Schedules follow them too.
        const stored = new Map((await new PlanVersionRepository(db).latestOfEach()).map((v) => [v.planId, v.document]));
        for (const planId of plans.length ? plans : [...stored.keys()]) {
          const plan = stored.get(planId);
          if (!plan) throw new InvalidInputError(`Không có kế hoạch "${planId}" trong cơ sở dữ liệu (dondoc plan import <tệp>).`);
          const result = await upsertReportSchedule(client, plan, catalog.policyFor(planId), calendar, { taskQueue: config.TEMPORAL_TASK_QUEUE });
          await audit('report.schedule', result.scheduleId, { created: result.created, catchUp: result.catchUp ? { ...result.catchUp } : null });
          const next = result.fires.find((f) => f.at > Date.now());
          const catchUp = result.catchUp ? `; báo cáo năm ${result.catchUp.year} ${result.catchUp.started ? 'đã bắt đầu thu thập' : 'đang thu thập'} (${result.catchUp.workflowId})` : '';
          process.stdout.write(`${result.scheduleId}: ${result.created ? 'đã tạo' : 'đã cập nhật'}; lần gửi yêu cầu tới: ${next ? time(next.at) : 'không còn'}${catchUp}\n`);
        }
      }),
    );

  report
    .command('submit')
    .description('Gửi báo cáo của một cơ quan từ tệp JSON ({ tasks: [...], indicators: [...], summary }), kèm các tệp minh chứng')
    .argument('<plan>')
    .argument('<cycle>')
    .argument('<agency>', 'mã cơ quan')
    .argument('<file>', 'tệp JSON của báo cáo')
    .requiredOption('--by <name>', 'người gửi')
    .option('--evidence <files...>', 'tệp minh chứng (PDF, DOCX, XLSX, JPEG, PNG; tối đa 10 MB một tệp, 30 MB cả báo cáo)', [])
    .action((planId: string, cycle: string, agencyId: string, file: string, o: { by: string; evidence: string[] }) =>
      withOperations(async (ops, _config, _client, evidence, audit) => {
        let content: unknown;
        try {
          content = JSON.parse(readFileSync(file, 'utf8'));
        } catch (error) {
          throw new InvalidInputError(`Không đọc được tệp báo cáo ${file}: ${error instanceof Error ? error.message : String(error)}`);
        }
        // Every evidence file is checked before the report goes in, so a wrong one stops the whole submission.
        const uploads = o.evidence.map((evidenceFile) => evidenceUpload(evidenceFile));
        const state = await ops.submit(planId, cycle, agencyId, content, o.by);
        await audit('report.submit', state.workflowId, { submissionId: state.submissionId, revision: state.revision, late: state.late }, o.by);
        process.stdout.write(`Đã gửi báo cáo lần ${state.revision} của ${state.agencyName}${state.late ? ' (muộn hạn)' : ''}.\n`);
        for (const upload of uploads) {
          const { evidence: saved, created } = await evidence.add(planId, cycle, agencyId, { ...upload, data: readFileSync(upload.source) }, o.by);
          if (created) await audit('report.evidence', `report/${planId}/${cycle}/${agencyId}`, { id: saved.id, fileName: saved.fileName, sizeBytes: saved.sizeBytes, sha256: saved.sha256 }, o.by);
          process.stdout.write(`  minh chứng ${saved.fileName} (${saved.sizeBytes} byte, sha256 ${saved.sha256.slice(0, 12)}…)${created ? '' : ' đã có từ trước'}\n`);
        }
      }),
    );

  for (const [name, decision, label] of [
    ['accept', 'accept', 'Tiếp nhận báo cáo của một cơ quan'],
    ['return', 'return', 'Trả lại báo cáo kèm ý kiến để cơ quan bổ sung (cơ quan được thông báo ngay)'],
  ] as const) {
    report
      .command(name)
      .description(label)
      .argument('<plan>')
      .argument('<cycle>')
      .argument('<agency>')
      .option('--comment <text>', 'ý kiến (bắt buộc khi trả lại)', '')
      .requiredOption('--by <name>', 'người xem xét')
      .action((planId: string, cycle: string, agencyId: string, o: { comment: string; by: string }) =>
        withOperations(async (ops, _config, _client, _evidence, audit) => {
          const state = await ops.review(planId, cycle, agencyId, decision, o.comment, o.by);
          await audit(`report.${decision}`, state.workflowId, { submissionId: state.submissionId, revision: state.revision, comment: o.comment }, o.by);
          process.stdout.write(`${state.agencyName}: ${AGENCY_REPORT_STATUS_LABELS[state.status]}.\n`);
        }),
      );
  }

  report
    .command('approve')
    .description('Phê duyệt báo cáo tổng hợp của một kỳ (lần tổng hợp mới nhất, hoặc --generation): chỉ khi đó báo cáo mới được gửi Bộ KH&CN và UBND tỉnh')
    .argument('<plan>')
    .argument('<cycle>')
    .option('--generation <n>', 'lần tổng hợp được phê duyệt (xem report status); lập khi khóa sổ hoặc sau đó')
    .requiredOption('--by <name>', 'người phê duyệt')
    .action((planId: string, cycle: string, o: { generation?: string; by: string }) =>
      withOperations(async (ops, _config, _client, _evidence, audit) => {
        const generation = o.generation === undefined ? undefined : Number(o.generation);
        if (generation !== undefined && (!Number.isInteger(generation) || generation < 1)) throw new InvalidInputError(`Lần tổng hợp không hợp lệ: "${o.generation}".`);
        const state = await ops.approve(planId, cycle, o.by, generation);
        const approved = state.signOff?.approval?.generation ?? generation;
        await audit('report.approve', state.workflowId, { generation: approved ?? null, files: state.files.map((f) => ({ kind: f.kind, sha256: f.sha256 })) }, o.by);
        process.stdout.write(`Đã phê duyệt lần tổng hợp ${approved} của kỳ báo cáo ${cycle} (${state.title ?? planId}); báo cáo tổng hợp đang được gửi đến các cơ quan nhận báo cáo (xem report status).\n`);
      }),
    );

  report
    .command('download')
    .description('Tải báo cáo tổng hợp (DOCX, XLSX, JSON) của một kỳ; --regenerate để tổng hợp lại từ các báo cáo đã nhận')
    .argument('<plan>')
    .argument('<cycle>')
    .option('--out <dir>', 'thư mục lưu', '.')
    .option('--regenerate', 'tổng hợp lại trước khi tải (thành một lần tổng hợp mới)', false)
    .option('--generation <n>', 'tải một lần tổng hợp trước đó (xem report status), ví dụ bản đã gửi e-mail')
    .action((planId: string, cycle: string, o: { out: string; regenerate: boolean; generation?: string }) =>
      withOperations(async (ops, _config, _client, _evidence, audit) => {
        const generation = o.generation === undefined ? undefined : Number(o.generation);
        if (generation !== undefined && (!Number.isInteger(generation) || generation < 1)) throw new InvalidInputError(`Lần tổng hợp không hợp lệ: "${o.generation}".`);
        if (generation !== undefined && o.regenerate) throw new InvalidInputError('--regenerate tạo một lần tổng hợp mới; không dùng cùng --generation.');
        let files = o.regenerate ? [] : await ops.documents(planId, cycle, generation);
        if (generation !== undefined && files.length === 0) throw new NotFoundError(`Kỳ báo cáo ${cycle} của kế hoạch ${planId} không có lần tổng hợp thứ ${generation}.`);
        // Before the cycle has produced any documents, they are built from the reports received so far.
        if (files.length === 0) {
          files = await ops.regenerate(planId, cycle);
          await audit('report.regenerate', `report/${planId}/${cycle}`, { files: files.map((f) => ({ kind: f.kind, sha256: f.sha256 })) });
        }
        const outDir = path.resolve(o.out);
        mkdirSync(outDir, { recursive: true });
        for (const file of files) {
          const target = path.join(outDir, file.fileName);
          copyFileSync(file.absolutePath, target);
          process.stdout.write(`${target}\n`);
        }
      }),
    );
}

/** An evidence file on disk: its name, the type its extension stands for, and its size, checked before anything is sent. */
function evidenceUpload(source: string): { source: string; fileName: string; contentType: string } {
  const extension = path.extname(source).toLowerCase();
  const type = Object.entries(EVIDENCE_TYPES).find(([, accepted]) => accepted.extensions.includes(extension))?.[0];
  let size: number;
  try {
    size = statSync(source).size;
  } catch (error) {
    throw new InvalidInputError(`Không đọc được tệp minh chứng ${source}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const checked = checkEvidenceHeaders(path.basename(source), type ?? extension, size);
  return { source, ...checked };
}

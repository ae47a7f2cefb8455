import { configOrExit } from '@dondoc/config';
import type { TaskState, TimelineEvent } from '@dondoc/contracts';
import type { Command } from 'commander';

import { ApiClient, runApiCommand } from '../api/api-client';
import { calendarDateOption } from '../options/date-options';

interface TaskSummary {
  workflowId: string;
  agencyId: string | null;
  agencyName: string | null;
  continuesIn: string | null;
  status: string | null;
  statusLabel: string | null;
  dueDate: string | null;
  daysOverdue: number | null;
}

interface ListOptions {
  plan?: string;
  agency?: string;
  status?: string;
  overdue?: boolean;
  dueFrom?: string;
  dueTo?: string;
  pageSize: string;
  pageToken?: string;
  json?: boolean;
  api?: string;
}

const pad = (text: string, width: number) => text.padEnd(width);
const client = (api: string | undefined) => ApiClient.fromConfig(configOrExit(), api);
const taskRoute = (id: string, action?: string) => `/tasks/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
const time = (ms: number) => new Date(ms).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });

type StateReply = TaskState & { statusLabel?: string };
const lateness = (daysLate: number) => (daysLate > 0 ? `quá hạn ${daysLate} ngày` : 'đúng hạn');

function printState(state: StateReply): void {
  const { proposal, completion } = state;
  process.stdout.write(
    [
      `${state.workflowId}`,
      `  trạng thái   ${state.statusLabel ?? state.status} (${state.status})${state.paused && state.status !== 'paused' ? ', tạm dừng nhắc việc' : ''}${state.acknowledged ? ', đã tiếp nhận' : ''}`,
      `  cơ quan      ${state.agencyId}`,
      ...(state.continuesIn ? [`  tiếp tục tại ${state.continuesIn} (đã gộp khi sáp nhập cơ quan)`] : []),
      `  hạn          ${state.dueDate ?? '—'}   tiến độ ${state.progressPercent ?? '—'}%`,
      `  nhắc tiếp    ${state.nextReminderAt ? `${state.nextReminderStep} lúc ${time(state.nextReminderAt)}` : '—'}`,
      ...(proposal ? [`  đề nghị      ngày ${proposal.on} (${lateness(proposal.daysLate)}) của ${proposal.by}: ${proposal.result}; minh chứng: ${proposal.evidence}`] : []),
      ...(completion
        ? [`  hoàn thành   ngày ${completion.on} (${lateness(completion.daysLate)})${completion.confirmedBy ? `, xác nhận: ${completion.confirmedBy}` : ''}`]
        : []),
      '',
    ].join('\n'),
  );
}

/** Before a list for an agency that no longer holds tasks: who does, so its (closed) rows make sense. */
async function noteSuccessor(agencyId: string, api: string | undefined): Promise<void> {
  const detail = await client(api).get<{ name: string; successor: { id: string; name: string; since: string } | null; dissolved: string | null }>(`/agencies/${encodeURIComponent(agencyId)}`);
  if (detail.successor) {
    process.stdout.write(`${detail.name} đã được sắp xếp lại từ ${detail.successor.since}: nhiệm vụ nay do ${detail.successor.name} chủ trì (dondoc task list --agency ${detail.successor.id}).\n`);
  } else if (detail.dissolved) process.stdout.write(`${detail.dissolved}.\n`);
}

/** `dondoc task list|show|propose|confirm|return|complete|extend|reassign`, through the API. */
export function register(program: Command): void {
  const task = program.command('task').description('Nhiệm vụ: xem và thao tác qua API');

  task
    .command('list')
    .description('Danh sách nhiệm vụ (lọc theo kế hoạch, cơ quan, trạng thái, quá hạn, khoảng hạn)')
    .option('--plan <id>', 'mã kế hoạch')
    .option('--agency <id>', 'mã cơ quan')
    .option('--status <list>', 'trạng thái, cách nhau bởi dấu phẩy')
    .option('--overdue', 'chỉ nhiệm vụ quá hạn')
    .option('--due-from <yyyy-mm-dd>', 'hạn từ ngày', calendarDateOption)
    .option('--due-to <yyyy-mm-dd>', 'hạn đến ngày', calendarDateOption)
    .option('--page-size <n>', 'số dòng mỗi trang', '50')
    .option('--page-token <token>', 'trang tiếp theo (in ở cuối trang trước)')
    .option('--json', 'in JSON')
    .option('--api <url>', 'địa chỉ API')
    .action((options: ListOptions) =>
      runApiCommand(async () => {
        const page = await client(options.api).get<{ items: TaskSummary[]; nextPageToken: string | null }>('/tasks', {
          plan: options.plan,
          agency: options.agency,
          status: options.status,
          overdue: options.overdue ? 'true' : undefined,
          dueFrom: options.dueFrom,
          dueTo: options.dueTo,
          pageSize: options.pageSize,
          pageToken: options.pageToken,
        });
        if (options.json) return void process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
        if (options.agency && !options.pageToken) await noteSuccessor(options.agency, options.api);
        for (const t of page.items) {
          const overdue = t.daysOverdue ? ` (quá ${t.daysOverdue} ngày)` : '';
          const where = t.continuesIn ? `→ ${t.continuesIn}` : (t.agencyName ?? t.agencyId ?? '');
          process.stdout.write(`${pad(t.workflowId, 56)} ${pad(t.statusLabel ?? t.status ?? '?', 28)} ${pad(`${t.dueDate ?? '—'}${overdue}`, 24)} ${where}\n`);
        }
        process.stdout.write(`${page.items.length} nhiệm vụ${page.nextPageToken ? `; trang sau: --page-token ${page.nextPageToken}` : ''}\n`);
      }),
    );

  task
    .command('show')
    .description('Trạng thái và dòng thời gian của một nhiệm vụ')
    .argument('<workflowId>', 'task/<kế hoạch>/<nhiệm vụ>/<cơ quan>')
    .option('--json', 'in JSON')
    .option('--api <url>', 'địa chỉ API')
    .action((id: string, options: { json?: boolean; api?: string }) =>
      runApiCommand(async () => {
        const detail = await client(options.api).get<{ state: StateReply; timeline: TimelineEvent[] }>(taskRoute(id));
        if (options.json) return void process.stdout.write(`${JSON.stringify(detail, null, 2)}\n`);
        printState(detail.state);
        for (const event of detail.timeline) process.stdout.write(`  ${time(event.at)}  ${pad(event.type, 18)} ${event.detail}\n`);
      }),
    );

  task
    .command('propose')
    .description('Cơ quan chủ trì đề nghị hoàn thành (Sở KH&CN xác nhận, trừ kế hoạch có completion: self)')
    .argument('<workflowId>')
    .requiredOption('--result <text>', 'kết quả thực hiện')
    .requiredOption('--evidence <text>', 'minh chứng: số văn bản, đường dẫn…')
    .option('--api <url>', 'địa chỉ API')
    .action((id: string, options: { result: string; evidence: string; api?: string }) =>
      runApiCommand(async () =>
        printState(await client(options.api).post<StateReply>(taskRoute(id, 'propose-completion'), { result: options.result, evidence: options.evidence })),
      ),
    );

  task
    .command('confirm')
    .description('Sở KH&CN xác nhận đề nghị hoàn thành (ngày hoàn thành là ngày đề nghị)')
    .argument('<workflowId>')
    .option('--comment <text>', 'nhận xét')
    .option('--api <url>', 'địa chỉ API')
    .action((id: string, options: { comment?: string; api?: string }) =>
      runApiCommand(async () => printState(await client(options.api).post<StateReply>(taskRoute(id, 'confirm-completion'), { comment: options.comment ?? '' }))),
    );

  task
    .command('return')
    .description('Sở KH&CN trả lại đề nghị hoàn thành kèm ý kiến; nhắc việc tiếp tục')
    .argument('<workflowId>')
    .requiredOption('--comment <text>', 'nội dung cần bổ sung, chỉnh sửa')
    .option('--api <url>', 'địa chỉ API')
    .action((id: string, options: { comment: string; api?: string }) =>
      runApiCommand(async () => printState(await client(options.api).post<StateReply>(taskRoute(id, 'return-completion'), { comment: options.comment }))),
    );

  task
    .command('complete')
    .description('Sở KH&CN ghi nhận hoàn thành trực tiếp (ngày hoàn thành là hôm nay)')
    .argument('<workflowId>')
    .requiredOption('--evidence <text>', 'minh chứng: số văn bản, đường dẫn…')
    .option('--api <url>', 'địa chỉ API')
    .action((id: string, options: { evidence: string; api?: string }) =>
      runApiCommand(async () => printState(await client(options.api).post<TaskState>(taskRoute(id, 'complete'), { evidence: options.evidence }))),
    );

  task
    .command('extend')
    .description('Gia hạn thời hạn')
    .argument('<workflowId>')
    .requiredOption('--to <yyyy-mm-dd>', 'hạn mới', calendarDateOption)
    .requiredOption('--reason <text>', 'lý do')
    .option('--approved-by <name>', 'người phê duyệt (mặc định: người đăng nhập)')
    .option('--api <url>', 'địa chỉ API')
    .action((id: string, options: { to: string; reason: string; approvedBy?: string; api?: string }) =>
      runApiCommand(async () =>
        printState(
          await client(options.api).post<TaskState>(taskRoute(id, 'extend'), {
            newDue: options.to,
            reason: options.reason,
            ...(options.approvedBy ? { approvedBy: options.approvedBy } : {}),
          }),
        ),
      ),
    );

  task
    .command('reassign')
    .description('Chuyển nhiệm vụ cho cơ quan khác')
    .argument('<workflowId>')
    .requiredOption('--to <agency>', 'mã cơ quan nhận')
    .requiredOption('--reason <text>', 'lý do')
    .option('--api <url>', 'địa chỉ API')
    .action((id: string, options: { to: string; reason: string; api?: string }) =>
      runApiCommand(async () => printState(await client(options.api).post<TaskState>(taskRoute(id, 'reassign'), { toAgency: options.to, reason: options.reason }))),
    );
}

import { configOrExit, type AppConfig } from '@dondoc/config';
import { createDatabase, DELIVERY_STATUSES, type DeliveryAttempt, DeliveryLogRepository, type DeliveryLogFilter, type DeliveryStatus } from '@dondoc/db';
import { replayDeadLetters } from '@dondoc/queue';
import { readRuntimeFile } from '@dondoc/runtime';
import { InvalidArgumentError, type Command } from 'commander';
import { Redis } from 'ioredis';
import path from 'node:path';

import { recordOperatorAction } from '../operator-audit';
import { databaseUrlFor } from '../runtime-connections';

const STATUS_LABELS: Record<DeliveryStatus, string> = {
  queued: 'chờ gửi',
  sent: 'đã gửi',
  delivered: 'đã nhận',
  failed_retryable: 'lỗi tạm thời',
  failed_permanent: 'lỗi vĩnh viễn',
  dead: 'thất bại',
};

/** `dondoc deliveries`: the delivery log; `dondoc deliveries retry`: replay dead-lettered deliveries. */
export function register(program: Command): void {
  const deliveries = program
    .command('deliveries')
    .description('Nhật ký gửi thư nhắc việc (mới nhất trước)')
    .option('--task <id>', 'nhiệm vụ: <kế hoạch>/<nhiệm vụ>, hoặc mã workflow task/…')
    .option('--agency <id>', 'mã cơ quan, ví dụ so-khcn')
    .option('--status <status>', `trạng thái: ${DELIVERY_STATUSES.join(', ')}`, parseStatus)
    .option('--limit <n>', 'số dòng tối đa (mặc định 50)', (v) => Number(v), 50)
    .action(async (options: { task?: string; agency?: string; status?: DeliveryStatus; limit: number }) => {
      const config = configOrExit();
      const db = createDatabase(databaseUrlFor(config), { maxConnections: 1, applicationName: 'dondoc-cli' });
      try {
        const page = await new DeliveryLogRepository(db).list(filterFrom(options), { limit: options.limit });
        process.stdout.write(renderAttempts(page.items));
      } finally {
        await db.destroy();
      }
    });

  deliveries
    .command('retry')
    .description('Gửi lại các lượt gửi đã thất bại hẳn (hàng đợi thư chết)')
    .argument('[jobIds...]', 'mã lượt gửi (job id) cần gửi lại')
    .option('--all', 'gửi lại tất cả')
    .action(async (jobIds: string[], options: { all?: boolean }) => {
      if (!options.all && jobIds.length === 0) throw new InvalidArgumentError('nêu mã lượt gửi cần gửi lại, hoặc dùng --all');
      const config = configOrExit();
      const redis = new Redis(redisUrlFor(config), { maxRetriesPerRequest: null });
      const db = createDatabase(databaseUrlFor(config), { maxConnections: 1, applicationName: 'dondoc-cli' });
      try {
        const result = await replayDeadLetters(redis, options.all ? null : jobIds);
        if (result.replayed.length > 0) {
          await recordOperatorAction(db, { action: 'deliveries.retry', target: null, payload: { jobIds: result.replayed.map((l) => l.jobId), notFound: result.notFound, all: options.all === true } });
        }
        for (const letter of result.replayed) process.stdout.write(`gửi lại ${letter.jobId} (${letter.queue}; lỗi trước: ${letter.failedReason})\n`);
        for (const id of result.notFound) process.stderr.write(`không có lượt gửi thất bại nào mang mã ${id}\n`);
        process.stdout.write(`Đã đưa ${result.replayed.length} lượt gửi trở lại hàng đợi.\n`);
        if (result.notFound.length > 0) process.exitCode = 1;
      } finally {
        redis.disconnect();
        await db.destroy();
      }
    });
}

function parseStatus(text: string): DeliveryStatus {
  if (!(DELIVERY_STATUSES as readonly string[]).includes(text)) throw new InvalidArgumentError(`trạng thái phải là một trong: ${DELIVERY_STATUSES.join(', ')}`);
  return text as DeliveryStatus;
}

function filterFrom(options: { task?: string; agency?: string; status?: DeliveryStatus }): DeliveryLogFilter {
  const filter: { -readonly [K in keyof DeliveryLogFilter]: DeliveryLogFilter[K] } = {};
  if (options.task) {
    const task = options.task.replace(/\/+$/, '');
    // A full workflow id names one task and agency; "<plan>/<task>" covers every lead agency of the task.
    if (task.startsWith('task/') && task.split('/').length === 4) filter.workflowId = task;
    else filter.workflowIdPrefix = `${task.startsWith('task/') ? task : `task/${task}`}/`;
  }
  if (options.agency) filter.agencyId = options.agency;
  if (options.status) filter.status = options.status;
  return filter;
}

/** REDIS_URL, else the Redis of a running `npm start`. */
function redisUrlFor(config: AppConfig): string {
  return readRuntimeFile(path.resolve(config.DONDOC_DATA_DIR))?.redisUrl ?? config.REDIS_URL;
}

export function renderAttempts(attempts: readonly DeliveryAttempt[]): string {
  if (attempts.length === 0) return 'Không có lượt gửi nào.\n';
  const time = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'medium' });
  const rows = attempts.map((a) => [
    time.format(a.createdAt),
    a.channel === 'email' ? 'e-mail' : 'Zalo',
    a.role ?? '',
    a.recipient,
    STATUS_LABELS[a.status],
    String(a.attempt),
    a.jobId ?? a.idempotencyKey,
    a.error ?? '',
  ]);
  const header = ['Thời điểm', 'Kênh', 'Vai trò', 'Người nhận', 'Trạng thái', 'Lần', 'Lượt gửi (job id)', 'Lý do'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

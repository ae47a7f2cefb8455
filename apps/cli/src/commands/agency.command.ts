import { configOrExit } from '@dondoc/config';
import type { Command } from 'commander';

import { registerContactCommands } from '../agency/contact-commands';
import { ApiClient, runApiCommand } from '../api/api-client';
import { calendarDateOption } from '../options/date-options';

interface MergeOptions {
  from: string;
  into: string;
  effective?: string;
  api?: string;
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/** `dondoc agency merge|show|contact|import-contacts`. */
export function register(program: Command): void {
  const agency = program.command('agency').description('Cơ quan: sáp nhập, người liên hệ');
  registerContactCommands(agency);
  agency
    .command('merge')
    .description('Sáp nhập: ghi vào danh mục, chuyển mọi nhiệm vụ đang mở của --from cho --into (gộp vào nhiệm vụ --into đã có)')
    .requiredOption('--from <id>', 'cơ quan bị sáp nhập')
    .requiredOption('--into <id>', 'cơ quan tiếp nhận')
    .option('--effective <yyyy-mm-dd>', 'ngày hiệu lực (mặc định: hôm nay)', calendarDateOption)
    .option('--api <url>', 'địa chỉ API')
    .action((options: MergeOptions) =>
      runApiCommand(async () => {
        const client = ApiClient.fromConfig(configOrExit(), options.api);
        const result = await client.post<{ message: string; reassigned: string[]; merged: Array<{ workflowId: string; continuesIn: string }>; failed: Array<{ workflowId: string; reason: string }> }>(
          '/agencies/merge',
          { from: options.from, into: options.into, effective: options.effective ?? today() },
        );
        process.stdout.write(`${result.message}\n`);
        for (const id of result.reassigned) process.stdout.write(`  chuyển  ${id}\n`);
        for (const m of result.merged) process.stdout.write(`  gộp     ${m.workflowId} → ${m.continuesIn}\n`);
        for (const f of result.failed) process.stdout.write(`  không chuyển được ${f.workflowId}: ${f.reason}\n`);
        if (result.failed.length) process.exitCode = 1;
      }),
    );

  agency
    .command('calendar-links')
    .description('Các đường dẫn đăng ký lịch của cơ quan (ai cấp, khi nào, lần dùng gần nhất); --revoke thu hồi một đường dẫn')
    .argument('<agency>', 'mã cơ quan')
    .option('--revoke <id>', 'thu hồi đường dẫn có mã này; các đường dẫn khác vẫn dùng được')
    .option('--api <url>', 'địa chỉ API')
    .action((agencyId: string, options: { revoke?: string; api?: string }) =>
      runApiCommand(async () => {
        const client = ApiClient.fromConfig(configOrExit(), options.api);
        const base = `/agencies/${encodeURIComponent(agencyId)}/calendar-links`;
        if (options.revoke) {
          await client.delete(`${base}/${encodeURIComponent(options.revoke)}`);
          process.stdout.write(`Đã thu hồi đường dẫn lịch ${options.revoke} của ${agencyId}.\n`);
          return;
        }
        const { items } = await client.get<{ items: Array<{ id: string; createdBy: string; createdAt: string; expiresAt: string; lastUsedAt: string | null; revokedAt: string | null }> }>(base);
        if (items.length === 0) process.stdout.write(`${agencyId} chưa có đường dẫn lịch nào.\n`);
        for (const link of items) {
          const state = link.revokedAt ? `đã thu hồi ${link.revokedAt.slice(0, 10)}` : `hiệu lực đến ${link.expiresAt.slice(0, 10)}`;
          process.stdout.write(`${link.id}  cấp ${link.createdAt.slice(0, 10)} bởi ${link.createdBy}; ${state}; dùng gần nhất ${link.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? 'chưa'}\n`);
        }
      }),
    );
}

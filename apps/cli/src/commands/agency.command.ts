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
}

import { configOrExit } from '@dondoc/config';
import type { Command } from 'commander';

import { registerContactCommands } from '../agency/contact-commands';
import { ApiClient, runApiCommand } from '../api/api-client';

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
    .description('Sáp nhập: chuyển mọi nhiệm vụ đang mở của cơ quan --from sang cơ quan --into')
    .requiredOption('--from <id>', 'cơ quan bị sáp nhập')
    .requiredOption('--into <id>', 'cơ quan tiếp nhận')
    .option('--effective <yyyy-mm-dd>', 'ngày hiệu lực (mặc định: hôm nay)')
    .option('--api <url>', 'địa chỉ API')
    .action((options: MergeOptions) =>
      runApiCommand(async () => {
        const client = ApiClient.fromConfig(configOrExit(), options.api);
        const result = await client.post<{ reassigned: string[]; failed: Array<{ workflowId: string; reason: string }> }>('/agencies/merge', {
          from: options.from,
          into: options.into,
          effective: options.effective ?? today(),
        });
        process.stdout.write(`Đã chuyển ${result.reassigned.length} nhiệm vụ từ ${options.from} sang ${options.into}.\n`);
        for (const id of result.reassigned) process.stdout.write(`  ${id}\n`);
        for (const f of result.failed) process.stdout.write(`  không chuyển được ${f.workflowId}: ${f.reason}\n`);
        if (result.failed.length) process.exitCode = 1;
      }),
    );
}

import { configOrExit } from '@dondoc/config';
import type { TaskStatistics } from '@dondoc/domain';
import type { Command } from 'commander';

import { ApiClient, runApiCommand } from '../api/api-client';
import { calendarDateOption } from '../options/date-options';
import { renderStatistics } from '../stats/render-statistics';

interface StatsOptions {
  plan?: string;
  agency?: string;
  group?: string;
  from?: string;
  to?: string;
  json?: boolean;
  api?: string;
}

/** `dondoc stats`: on-time and late counts of tasks, through GET /stats. */
export function register(program: Command): void {
  program
    .command('stats')
    .description('Thống kê nhiệm vụ: hoàn thành đúng hạn / quá hạn, chưa hoàn thành trong hạn / quá hạn, chưa đến hạn; theo kế hoạch, nhóm, cơ quan')
    .option('--plan <id>', 'mã kế hoạch')
    .option('--agency <id>', 'mã cơ quan chủ trì')
    .option('--group <number>', 'nhóm nhiệm vụ của kế hoạch, ví dụ II')
    .option('--from <yyyy-mm-dd>', 'chỉ các kỳ có hạn từ ngày này', calendarDateOption)
    .option('--to <yyyy-mm-dd>', 'chỉ các kỳ có hạn đến ngày này', calendarDateOption)
    .option('--json', 'in JSON')
    .option('--api <url>', 'địa chỉ API')
    .action((options: StatsOptions) =>
      runApiCommand(async () => {
        const stats = await ApiClient.fromConfig(configOrExit(), options.api).get<TaskStatistics & { today: string }>('/stats', {
          plan: options.plan,
          agency: options.agency,
          group: options.group,
          from: options.from,
          to: options.to,
        });
        process.stdout.write(options.json ? `${JSON.stringify(stats, null, 2)}\n` : renderStatistics(stats));
      }),
    );
}

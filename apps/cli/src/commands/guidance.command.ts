import { configOrExit } from '@dondoc/config';
import type { Command } from 'commander';

import { ApiClient, runApiCommand } from '../api/api-client';
import { guidanceDateOption } from '../options/date-options';

interface GuidanceRun {
  workflowId: string;
  created: boolean;
  status: string;
  result: { signalled: string[]; missed: string[] } | null;
}

interface IssueOptions {
  doc: string;
  date: string;
  issuer?: string;
  link?: string;
  plan?: string;
  tasks?: string;
  wait: boolean;
  api?: string;
}

/** `dondoc guidance issue`: central guidance arrived; release the tasks waiting for it. */
export function register(program: Command): void {
  const guidance = program.command('guidance').description('Văn bản hướng dẫn của Trung ương');
  guidance
    .command('issue')
    .description('Ghi nhận văn bản hướng dẫn và gửi đến các nhiệm vụ đang chờ (hoặc các nhiệm vụ được nêu)')
    .requiredOption('--doc <number>', 'số văn bản, ví dụ 05/2025/TT-BKHCN')
    .requiredOption('--date <yyyy-mm-dd>', 'ngày ban hành (không sau hôm nay, không quá 5 năm trước)', guidanceDateOption)
    .option('--issuer <name>', 'cơ quan ban hành', 'Trung ương')
    .option('--link <url>', 'đường dẫn văn bản')
    .option('--plan <id>', 'chỉ các nhiệm vụ của kế hoạch này')
    .option('--tasks <ids>', 'chỉ các nhiệm vụ này, cách nhau bởi dấu phẩy (ví dụ I.4,III.16)')
    .option('--no-wait', 'không chờ phân phối xong')
    .option('--api <url>', 'địa chỉ API')
    .action((options: IssueOptions) =>
      runApiCommand(async () => {
        const client = ApiClient.fromConfig(configOrExit(), options.api);
        const body = {
          documentNumber: options.doc,
          date: options.date,
          ...(options.issuer ? { issuer: options.issuer } : {}),
          ...(options.link ? { link: options.link } : {}),
          ...(options.plan ? { planId: options.plan } : {}),
          ...(options.tasks ? { taskIds: options.tasks.split(',').map((t) => t.trim()).filter(Boolean) } : {}),
        };
        let run = await client.post<GuidanceRun>('/guidance', body);
        process.stdout.write(run.created ? `Đã ghi nhận văn bản ${options.doc} (${run.workflowId}).\n` : `Văn bản ${options.doc} đã được ghi nhận trước đó.\n`);
        const deadline = Date.now() + 60_000;
        while (options.wait && run.status === 'RUNNING' && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 500));
          run = await client.get<GuidanceRun>(`/guidance/${encodeURIComponent(options.doc)}`);
        }
        if (run.result) {
          process.stdout.write(`Đã gửi đến ${run.result.signalled.length} nhiệm vụ:\n${run.result.signalled.map((id) => `  ${id}\n`).join('')}`);
          if (run.result.missed.length) process.stdout.write(`Không gửi được (đã kết thúc): ${run.result.missed.join(', ')}\n`);
        } else {
          process.stdout.write(`Đang phân phối (${run.status}); xem lại bằng \`dondoc task list --status waiting-trigger\`.\n`);
        }
      }),
    );
}

import { configOrExit } from '@dondoc/config';
import { loadSeedCatalog } from '@dondoc/plan-sync';
import type { Command } from 'commander';

import { nodeIo } from '../plan/cli-io';
import { runSimulation } from '../simulate/run-simulation';
import { calendarDateOption } from '../options/date-options';

const isoDate = calendarDateOption;

/** `dondoc simulate <plan> --from --to`: what would be sent, without sending anything. */
export function register(program: Command): void {
  program
    .command('simulate')
    .description('Liệt kê mọi lần nhắc việc và báo cáo lên cấp trên mà kế hoạch sẽ gửi trong một khoảng thời gian (không gửi gì)')
    .argument('<plan>', 'mã kế hoạch, ví dụ kh-ai-2025-2030')
    .requiredOption('--from <yyyy-mm-dd>', 'từ ngày', isoDate)
    .requiredOption('--to <yyyy-mm-dd>', 'đến ngày', isoDate)
    .option('--agency <id>', 'chỉ nhiệm vụ do cơ quan này chủ trì')
    .option('--guidance-date <yyyy-mm-dd>', 'giả định văn bản hướng dẫn của Trung ương đến vào ngày này', isoDate)
    .option('--summary', 'chỉ in số lần nhắc của mỗi nhiệm vụ')
    .action((planId: string, options: { from: string; to: string; agency?: string; guidanceDate?: string; summary?: boolean }) => {
      const catalog = loadSeedCatalog(configOrExit().DONDOC_SEEDS_DIR);
      process.exitCode = runSimulation(catalog, planId, options, nodeIo()).exitCode;
    });
}

import type { Command } from 'commander';

import { DEFAULT_AGENCIES_FILE, type AgenciesOption } from '../plan/load-directory';
import { calendarDateOption } from '../options/date-options';

// Each action loads what it needs when it runs: the database and Temporal
// clients (import) are not loaded to validate or extract a file.

/** `dondoc plan validate|show|import|extract`. */
export function register(program: Command): void {
  const plan = program.command('plan').description('Kế hoạch: kiểm tra, xem và nhập các tệp kế hoạch (seeds/plans/*.yaml)');

  plan
    .command('validate')
    .description('Kiểm tra tệp kế hoạch: cú pháp, các trường, thời hạn và mã cơ quan; liệt kê mọi lỗi')
    .argument('<file...>', 'tệp kế hoạch YAML')
    .option('--agencies <file>', 'danh mục cơ quan để kiểm tra mã cơ quan', DEFAULT_AGENCIES_FILE)
    .option('--no-agencies', 'không kiểm tra mã cơ quan')
    .action(async (files: string[], options: { agencies: AgenciesOption }) => {
      const [{ runPlanValidate }, { nodeIo }] = await Promise.all([import('../plan/validate-plans.js'), import('../plan/cli-io.js')]);
      process.exitCode = runPlanValidate(files, { agencies: options.agencies }, nodeIo());
    });

  plan
    .command('extract')
    .description('Trích bản nháp kế hoạch (YAML) từ tệp PDF, Word (.docx) hoặc văn bản; ghi độ tin cậy từng trường và danh sách cần xem lại')
    .argument('<file>', 'tệp kế hoạch: .pdf, .docx hoặc .txt')
    .option('-o, --output <file>', 'ghi bản nháp vào tệp này (mặc định: in ra màn hình)')
    .option('--report', 'in báo cáo tóm tắt: nhiệm vụ theo nhóm, trường cần xem lại, cơ quan chưa có trong danh mục', false)
    .option('--agencies <file>', 'danh mục cơ quan để đối chiếu tên', DEFAULT_AGENCIES_FILE)
    .action(async (file: string, options: { output?: string; report: boolean; agencies: AgenciesOption }) => {
      const [{ runPlanExtract }, { nodeIo }] = await Promise.all([import('../plan/extract-plan.js'), import('../plan/cli-io.js')]);
      process.exitCode = await runPlanExtract(file, options, nodeIo());
    });

  plan
    .command('show')
    .description('Xem bảng nhiệm vụ của một kế hoạch (tệp, hoặc mã kế hoạch trong seeds/plans)')
    .argument('<plan>', 'tệp kế hoạch, hoặc mã như kh-nq03-2025')
    .option('--task <id>', 'xem đầy đủ một nhiệm vụ, ví dụ I.1')
    .option('--agency <id>', 'chỉ các nhiệm vụ cơ quan này chủ trì hoặc phối hợp (kể cả qua nhóm và cơ quan tiền thân)')
    .option('--date <yyyy-mm-dd>', 'ngày xét cơ quan kế thừa (mặc định: hôm nay)', calendarDateOption)
    .option('--agencies <file>', 'danh mục cơ quan', DEFAULT_AGENCIES_FILE)
    .option('--no-agencies', 'không dùng danh mục cơ quan')
    .action(async (planArg: string, options: { agencies: AgenciesOption; task?: string; agency?: string; date?: string }) => {
      const [{ runPlanShow }, { nodeIo }] = await Promise.all([import('../plan/show-plan.js'), import('../plan/cli-io.js')]);
      process.exitCode = runPlanShow(planArg, options, nodeIo());
    });

  plan
    .command('import')
    .description('Nhập (hoặc cập nhật) một kế hoạch vào cơ sở dữ liệu; nhập lại cùng nội dung không thay đổi gì')
    .argument('<file>', 'tệp kế hoạch YAML')
    .option('--by <name>', 'người nhập, ghi vào lịch sử phiên bản', 'cli')
    .option('--agencies <file>', 'danh mục cơ quan để kiểm tra mã cơ quan', DEFAULT_AGENCIES_FILE)
    .option('--no-agencies', 'không kiểm tra mã cơ quan')
    .option('--no-workflows', 'chỉ lưu phiên bản, không cập nhật các luồng theo dõi nhiệm vụ')
    .action(async (file: string, options: { agencies: AgenciesOption; by: string; workflows: boolean }) => {
      const [{ configOrExit }, { createDatabase }, { databaseUrlFor }, { runPlanImport }, { applyToWorkflows }, { nodeIo }] = await Promise.all([
        import('@dondoc/config'),
        import('@dondoc/db'),
        import('../runtime-connections.js'),
        import('../plan/import-plan.js'),
        import('../plan/apply-to-workflows.js'),
        import('../plan/cli-io.js'),
      ]);
      const config = configOrExit();
      const db = createDatabase(databaseUrlFor(config));
      try {
        const onStored = options.workflows ? (stored: Parameters<typeof applyToWorkflows>[1]) => applyToWorkflows(config, stored, options.by) : undefined;
        process.exitCode = await runPlanImport(file, { ...options, ...(onStored ? { onStored } : {}) }, nodeIo(), db);
      } finally {
        await db.destroy();
      }
    });
}

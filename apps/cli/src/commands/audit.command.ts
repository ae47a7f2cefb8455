import { configOrExit } from '@dondoc/config';
import type { Command } from 'commander';

import { ApiClient, runApiCommand } from '../api/api-client';

interface AuditEntry {
  actor: string;
  role: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  at: string;
}

/** `dondoc audit`: who did what, newest first (admins only). */
export function register(program: Command): void {
  program
    .command('audit')
    .description('Nhật ký thao tác (mới nhất trước); cần quyền quản trị')
    .option('--actor <email>', 'người thực hiện')
    .option('--action <name>', 'thao tác, ví dụ task.complete')
    .option('--target <id>', 'đối tượng, ví dụ task/…')
    .option('--limit <n>', 'số dòng', '50')
    .option('--cursor <id>', 'trang tiếp theo')
    .option('--json', 'in JSON')
    .option('--api <url>', 'địa chỉ API')
    .action((options: { actor?: string; action?: string; target?: string; limit: string; cursor?: string; json?: boolean; api?: string }) =>
      runApiCommand(async () => {
        const client = ApiClient.fromConfig(configOrExit(), options.api);
        const page = await client.get<{ items: AuditEntry[]; nextCursor: string | null }>('/audit', {
          actor: options.actor,
          action: options.action,
          target: options.target,
          limit: options.limit,
          cursor: options.cursor,
        });
        if (options.json) return void process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
        for (const e of page.items) {
          process.stdout.write(`${e.at}  ${e.action.padEnd(18)} ${(e.target ?? '').padEnd(50)} ${e.actor} (${e.role ?? '—'}) ${e.ip ?? ''}\n`);
        }
        if (page.nextCursor) process.stdout.write(`trang sau: --cursor ${page.nextCursor}\n`);
      }),
    );
}

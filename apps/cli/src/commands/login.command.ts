import { configOrExit } from '@dondoc/config';
import type { Command } from 'commander';

import { ApiClient, runApiCommand } from '../api/api-client';
import { apiBaseUrl, removeSession, writeSession } from '../api/api-session';
import { passwordFrom } from '../api/read-secret';

interface Session {
  token: string;
  expiresAt: string;
  user: { email: string; role: string; agencyId: string | null };
}


/** `dondoc login` / `dondoc logout`: a staff session for the API commands. */
export function register(program: Command): void {
  program
    .command('login')
    .description('Đăng nhập API bằng email và mật khẩu; lưu phiên trong thư mục dữ liệu')
    .requiredOption('--email <email>', 'email cán bộ')
    .option('--password-stdin', 'đọc mật khẩu từ dòng đầu của stdin (mặc định khi stdin không phải bàn phím; nếu không thì hỏi, không hiện chữ)')
    .option('--password <password>', 'KHÔNG NÊN DÙNG: mật khẩu trên dòng lệnh (dùng --password-stdin)')
    .option('--api <url>', 'địa chỉ API (mặc định: hệ thống đang chạy, hoặc PUBLIC_BASE_URL)')
    .action((options: { email: string; password?: string; passwordStdin?: boolean; api?: string }) =>
      runApiCommand(async () => {
        const config = configOrExit();
        const apiUrl = apiBaseUrl(config, options.api);
        const password = await passwordFrom(options, 'Mật khẩu: ');
        const session = await new ApiClient(apiUrl, undefined).post<Session>('/auth/login', { email: options.email, password });
        const file = writeSession(config, { apiUrl, token: session.token, email: session.user.email, role: session.user.role, expiresAt: session.expiresAt });
        const agency = session.user.agencyId ? `, cơ quan ${session.user.agencyId}` : '';
        process.stdout.write(`Đã đăng nhập ${session.user.email} (${session.user.role}${agency}) tại ${apiUrl}; phiên lưu ở ${file}, hết hạn ${session.expiresAt}.\n`);
      }),
    );

  program
    .command('logout')
    .description('Xóa phiên đăng nhập đã lưu')
    .action(() => {
      removeSession(configOrExit());
      process.stdout.write('Đã đăng xuất.\n');
    });
}

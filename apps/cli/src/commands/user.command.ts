import { hashPassword, MIN_PASSWORD_LENGTH, STAFF_ROLES, type StaffRole } from '@dondoc/auth';
import { configOrExit } from '@dondoc/config';
import { createDatabase, DuplicateUserError, migrateToLatest, UserRepository } from '@dondoc/db';
import { loadSeedCatalog } from '@dondoc/plan-sync';
import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';

import { ApiClient, ApiError, runApiCommand } from '../api/api-client';
import { apiBaseUrl, writeSession } from '../api/api-session';
import { passwordFrom, readSecret } from '../api/read-secret';
import { recordOperatorAction } from '../operator-audit';
import { databaseUrlFor } from '../runtime-connections';

interface AddOptions {
  email: string;
  role: string;
  agency?: string;
  password?: string;
  passwordStdin?: boolean;
  name?: string;
}

interface UserView {
  id: string;
  email: string;
  displayName: string | null;
  role: string;
  agencyId: string | null;
  disabled: boolean;
  lastLoginAt: string | null;
}

const client = (api: string | undefined) => ApiClient.fromConfig(configOrExit(), api);
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '—');

/** The account with this e-mail, through GET /users (admins only). */
async function userByEmail(api: ApiClient, email: string): Promise<UserView> {
  const { items } = await api.get<{ items: UserView[] }>('/users');
  const user = items.find((u) => u.email.toLowerCase() === email.toLowerCase());
  if (!user) throw new ApiError(404, `Không có tài khoản ${email}.`);
  return user;
}

/**
 * `dondoc user add` creates accounts straight in the database (how the first admin
 * comes to be); list, disable, enable, reset-password and password go through the API.
 */
export function register(program: Command): void {
  const user = program.command('user').description('Tài khoản cán bộ (quản trị, xem, cán bộ cơ quan)');
  user
    .command('add')
    .description('Tạo tài khoản; mật khẩu đọc từ stdin với --password-stdin, nếu không thì sinh ngẫu nhiên và in ra một lần')
    .requiredOption('--email <email>', 'email đăng nhập')
    .requiredOption('--role <role>', `vai trò: ${STAFF_ROLES.join(', ')}`)
    .option('--agency <id>', 'cơ quan (bắt buộc với vai trò officer)')
    .option('--password-stdin', `đọc mật khẩu (ít nhất ${MIN_PASSWORD_LENGTH} ký tự) từ dòng đầu của stdin`)
    .option('--password <password>', 'KHÔNG NÊN DÙNG: mật khẩu trên dòng lệnh (dùng --password-stdin)')
    .option('--name <name>', 'họ tên hiển thị')
    .action(async (options: AddOptions) => {
      const config = configOrExit();
      const problems: string[] = [];
      if (!/^[^@\s]+@[^@\s]+$/.test(options.email)) problems.push(`email không hợp lệ: ${options.email}`);
      if (!(STAFF_ROLES as readonly string[]).includes(options.role)) problems.push(`vai trò phải là một trong: ${STAFF_ROLES.join(', ')}`);
      if (options.role === 'officer' && !options.agency) problems.push('vai trò officer cần --agency');
      if (options.role !== 'officer' && options.agency) problems.push('chỉ vai trò officer gắn với một cơ quan');
      if (options.agency && !loadSeedCatalog(config.DONDOC_SEEDS_DIR).index.agency(options.agency)) problems.push(`không có cơ quan "${options.agency}" trong danh mục`);
      const given = options.passwordStdin || options.password !== undefined ? await passwordFrom(options, 'Mật khẩu: ') : undefined;
      if (given !== undefined && given.length < MIN_PASSWORD_LENGTH) problems.push(`mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự`);
      if (problems.length) {
        process.stderr.write(`${problems.map((p) => `Lỗi: ${p}`).join('\n')}\n`);
        process.exitCode = 2;
        return;
      }
      const password = given ?? randomBytes(12).toString('base64url');
      const db = createDatabase(databaseUrlFor(config), { maxConnections: 1, applicationName: 'dondoc-cli' });
      try {
        await migrateToLatest(db);
        const created = await new UserRepository(db).create({
          email: options.email,
          role: options.role as StaffRole,
          agencyId: options.agency ?? null,
          displayName: options.name ?? null,
          passwordHash: await hashPassword(password),
        });
        await recordOperatorAction(db, { action: 'user.add', target: `user/${created.email}`, payload: { role: created.role, agencyId: created.agencyId } });
        process.stdout.write(`Đã tạo ${created.email} (${created.role}${created.agencyId ? `, ${created.agencyId}` : ''}).\n`);
        if (given === undefined) process.stdout.write(`Mật khẩu (chỉ hiện một lần): ${password}\n`);
      } catch (error) {
        if (!(error instanceof DuplicateUserError)) throw error;
        process.stderr.write(`Lỗi: đã có tài khoản ${options.email}\n`);
        process.exitCode = 1;
      } finally {
        await db.destroy();
      }
    });

  user
    .command('list')
    .description('Danh sách tài khoản (quản trị viên)')
    .option('--json', 'in JSON')
    .option('--api <url>', 'địa chỉ API')
    .action((options: { json?: boolean; api?: string }) =>
      runApiCommand(async () => {
        const { items } = await client(options.api).get<{ items: UserView[] }>('/users');
        if (options.json) return void process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
        for (const u of items) {
          const agency = u.agencyId ? `, ${u.agencyId}` : '';
          process.stdout.write(`${u.email.padEnd(36)} ${`${u.role}${agency}`.padEnd(28)} ${u.disabled ? 'đã khóa' : 'hoạt động'.padEnd(7)}  đăng nhập gần nhất ${time(u.lastLoginAt)}\n`);
        }
        process.stdout.write(`${items.length} tài khoản\n`);
      }),
    );

  for (const [name, disabled, description] of [
    ['disable', true, 'Khóa tài khoản; các phiên đăng nhập của tài khoản kết thúc ngay'],
    ['enable', false, 'Mở khóa tài khoản'],
  ] as const) {
    user
      .command(name)
      .description(description)
      .argument('<email>', 'email của tài khoản')
      .option('--api <url>', 'địa chỉ API')
      .action((email: string, options: { api?: string }) =>
        runApiCommand(async () => {
          const api = client(options.api);
          const target = await userByEmail(api, email);
          const updated = await api.post<UserView>(`/users/${target.id}/${name}`, {});
          process.stdout.write(`${updated.email}: ${updated.disabled ? 'đã khóa, mọi phiên đăng nhập đã kết thúc' : 'đã mở khóa'}.\n`);
          if (disabled !== updated.disabled) process.exitCode = 1;
        }),
      );
  }

  user
    .command('reset-password')
    .description('Gửi thư có đường dẫn đặt lại mật khẩu (dùng một lần, 24 giờ) đến email của tài khoản')
    .argument('<email>', 'email của tài khoản')
    .option('--api <url>', 'địa chỉ API')
    .action((email: string, options: { api?: string }) =>
      runApiCommand(async () => {
        const api = client(options.api);
        const target = await userByEmail(api, email);
        const sent = await api.post<{ email: string; expiresAt: string }>(`/users/${target.id}/password-reset`, {});
        process.stdout.write(`Đã gửi đường dẫn đặt lại mật khẩu đến ${sent.email}; hết hạn ${time(sent.expiresAt)}.\n`);
      }),
    );

  user
    .command('password')
    .description('Đổi mật khẩu của mình: hỏi mật khẩu hiện tại rồi mật khẩu mới (hoặc hai dòng trên stdin); mọi phiên cũ kết thúc')
    .option('--api <url>', 'địa chỉ API')
    .action((options: { api?: string }) =>
      runApiCommand(async () => {
        const config = configOrExit();
        const currentPassword = await readSecret('Mật khẩu hiện tại: ');
        const newPassword = await readSecret('Mật khẩu mới: ');
        const session = await client(options.api).post<{ token: string; expiresAt: string; user: { email: string; role: string } }>('/auth/password', { currentPassword, newPassword });
        // The old session ended with the change: keep working with the new one.
        writeSession(config, { apiUrl: apiBaseUrl(config, options.api), token: session.token, email: session.user.email, role: session.user.role, expiresAt: session.expiresAt });
        process.stdout.write(`Đã đổi mật khẩu của ${session.user.email}; các phiên đăng nhập khác đã kết thúc.\n`);
      }),
    );
}

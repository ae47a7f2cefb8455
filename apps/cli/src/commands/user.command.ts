import { hashPassword, MIN_PASSWORD_LENGTH, STAFF_ROLES, type StaffRole } from '@dondoc/auth';
import { configOrExit } from '@dondoc/config';
import { createDatabase, DuplicateUserError, migrateToLatest, UserRepository } from '@dondoc/db';
import { loadSeedCatalog } from '@dondoc/plan-sync';
import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';

import { recordOperatorAction } from '../operator-audit';
import { databaseUrlFor } from '../runtime-connections';

interface AddOptions {
  email: string;
  role: string;
  agency?: string;
  password?: string;
  name?: string;
}

/** `dondoc user add`: creates staff accounts straight in the database (how the first admin comes to be). */
export function register(program: Command): void {
  const user = program.command('user').description('Tài khoản cán bộ (quản trị, xem, cán bộ cơ quan)');
  user
    .command('add')
    .description('Tạo tài khoản; in mật khẩu sinh ngẫu nhiên nếu không nhập --password')
    .requiredOption('--email <email>', 'email đăng nhập')
    .requiredOption('--role <role>', `vai trò: ${STAFF_ROLES.join(', ')}`)
    .option('--agency <id>', 'cơ quan (bắt buộc với vai trò officer)')
    .option('--password <password>', `mật khẩu, ít nhất ${MIN_PASSWORD_LENGTH} ký tự`)
    .option('--name <name>', 'họ tên hiển thị')
    .action(async (options: AddOptions) => {
      const config = configOrExit();
      const problems: string[] = [];
      if (!/^[^@\s]+@[^@\s]+$/.test(options.email)) problems.push(`email không hợp lệ: ${options.email}`);
      if (!(STAFF_ROLES as readonly string[]).includes(options.role)) problems.push(`vai trò phải là một trong: ${STAFF_ROLES.join(', ')}`);
      if (options.role === 'officer' && !options.agency) problems.push('vai trò officer cần --agency');
      if (options.role !== 'officer' && options.agency) problems.push('chỉ vai trò officer gắn với một cơ quan');
      if (options.agency && !loadSeedCatalog(config.DONDOC_SEEDS_DIR).index.agency(options.agency)) problems.push(`không có cơ quan "${options.agency}" trong danh mục`);
      if (options.password !== undefined && options.password.length < MIN_PASSWORD_LENGTH) problems.push(`mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự`);
      if (problems.length) {
        process.stderr.write(`${problems.map((p) => `Lỗi: ${p}`).join('\n')}\n`);
        process.exitCode = 2;
        return;
      }
      const password = options.password ?? randomBytes(12).toString('base64url');
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
        if (!options.password) process.stdout.write(`Mật khẩu (chỉ hiện một lần): ${password}\n`);
      } catch (error) {
        if (!(error instanceof DuplicateUserError)) throw error;
        process.stderr.write(`Lỗi: đã có tài khoản ${options.email}\n`);
        process.exitCode = 1;
      } finally {
        await db.destroy();
      }
    });
}

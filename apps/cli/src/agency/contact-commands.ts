// `dondoc agency show|contact set|import-contacts`: the directory's contacts,
// which live in the database. Edits go through the API (validated and audited
// there); a re-import of seeds/agencies.yaml is an operator's action on the
// database, like `plan import`, and says what it changes first.
import { loadAgencyDirectory } from '@dondoc/catalog';
import { configOrExit } from '@dondoc/config';
import { AgencyDirectoryRepository, createDatabase, migrateToLatest } from '@dondoc/db';
import { type ContactImportPlan, importChangesAnything, importContacts } from '@dondoc/directory';
import { formatDiagnostic } from '@dondoc/schemas';
import { type Command, InvalidArgumentError } from 'commander';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ApiClient, runApiCommand } from '../api/api-client';
import { operatorActor } from '../operator-audit';
import { databaseUrlFor } from '../runtime-connections';

interface ContactView {
  id: string;
  role: 'head' | 'focal';
  name: string;
  title: string;
  email: string;
  phone: string | null;
  zaloUserId: string | null;
  channels: string[] | null;
  quietHours: { from: string; to: string } | null;
  updatedAt: string;
  updatedBy: string;
}

interface AgencyDetail {
  id: string;
  name: string;
  code: string;
  contacts: ContactView[];
  successor: { id: string; name: string; since: string } | null;
  dissolved: string | null;
}

const ROLE_LABELS = { head: 'thủ trưởng', focal: 'đầu mối' } as const;

export function describeContact(c: ContactView): string {
  const reach = [c.email, c.phone, c.zaloUserId ? `Zalo ${c.zaloUserId}` : null].filter(Boolean).join(', ');
  const channels = c.channels ? c.channels.join(' + ') : 'theo cơ quan';
  const quiet = c.quietHours ? `, không làm phiền ${c.quietHours.from}–${c.quietHours.to}` : '';
  return `  [${c.id}] ${ROLE_LABELS[c.role]}: ${c.name} (${c.title}) – ${reach}; kênh ${channels}${quiet}\n`;
}

const parseQuietHours = (value: string) => {
  if (value === 'none') return null;
  const match = /^((?:[01]\d|2[0-3]):[0-5]\d)-((?:[01]\d|2[0-3]):[0-5]\d)$/.exec(value);
  if (!match) throw new InvalidArgumentError('giờ không làm phiền phải có dạng HH:MM-HH:MM, ví dụ 11:30-13:30, hoặc none');
  return { from: match[1]!, to: match[2]! };
};

const parseChannels = (value: string) => {
  if (value === 'agency') return null;
  const channels = value.split(',').map((c) => c.trim());
  if (!channels.every((c) => c === 'email' || c === 'zalo')) throw new InvalidArgumentError('kênh là email, zalo (cách nhau bởi dấu phẩy), hoặc agency (theo cơ quan)');
  return channels;
};

/** `none` clears an optional field. */
const orNone = (value: string) => (value === 'none' ? null : value);

interface SetOptions {
  name?: string;
  title?: string;
  email?: string;
  phone?: string | null;
  zaloUserId?: string | null;
  channels?: string[] | null;
  quietHours?: { from: string; to: string } | null;
  api?: string;
}

export function registerContactCommands(agency: Command): void {
  agency
    .command('show')
    .description('Một cơ quan: người liên hệ (trong cơ sở dữ liệu) và cơ quan kế thừa')
    .argument('<agency>', 'mã cơ quan')
    .option('--json', 'in JSON')
    .option('--api <url>', 'địa chỉ API')
    .action((agencyId: string, options: { json?: boolean; api?: string }) =>
      runApiCommand(async () => {
        const detail = await ApiClient.fromConfig(configOrExit(), options.api).get<AgencyDetail>(`/agencies/${encodeURIComponent(agencyId)}`);
        if (options.json) return void process.stdout.write(`${JSON.stringify(detail, null, 2)}\n`);
        process.stdout.write(`${detail.name} (${detail.id}, ${detail.code})\n`);
        if (detail.successor) process.stdout.write(`  từ ${detail.successor.since} do ${detail.successor.name} (${detail.successor.id}) giữ nhiệm vụ\n`);
        if (detail.dissolved) process.stdout.write(`  ${detail.dissolved}\n`);
        if (detail.contacts.length === 0) process.stdout.write('  chưa có người liên hệ\n');
        for (const contact of detail.contacts) process.stdout.write(describeContact(contact));
      }),
    );

  const contact = agency.command('contact').description('Người liên hệ của cơ quan (thủ trưởng, đầu mối)');
  contact
    .command('set')
    .description('Sửa người liên hệ (qua API, có ghi nhật ký); lần nhắc việc tiếp theo dùng ngay thông tin mới')
    .argument('<agency>', 'mã cơ quan')
    .argument('<contact>', 'head, focal hoặc mã người liên hệ')
    .option('--name <text>', 'họ tên')
    .option('--title <text>', 'chức vụ')
    .option('--email <email>', 'email')
    .option('--phone <number>', 'số điện thoại (none: xóa)', orNone)
    .option('--zalo-user-id <id>', 'mã người dùng Zalo (none: xóa)', orNone)
    .option('--channels <list>', 'kênh: email,zalo; agency: theo cơ quan', parseChannels)
    .option('--quiet-hours <HH:MM-HH:MM>', 'giờ không làm phiền; none: không có', parseQuietHours)
    .option('--api <url>', 'địa chỉ API')
    .action((agencyId: string, which: string, options: SetOptions) =>
      runApiCommand(async () => {
        const { api, ...fields } = options;
        if (Object.keys(fields).length === 0) throw new InvalidArgumentError('nêu ít nhất một trường cần sửa, ví dụ --email');
        const saved = await ApiClient.fromConfig(configOrExit(), api).patch<ContactView>(`/agencies/${encodeURIComponent(agencyId)}/contacts/${encodeURIComponent(which)}`, fields);
        process.stdout.write(`Đã lưu người liên hệ của ${agencyId}:\n${describeContact(saved)}`);
      }),
    );

  agency
    .command('import-contacts')
    .description('Đọc lại người liên hệ từ tệp danh mục vào cơ sở dữ liệu (tệp thắng); in những gì thay đổi')
    .option('--file <agencies.yaml>', 'tệp danh mục (mặc định: DONDOC_SEEDS_DIR/agencies.yaml)')
    .option('--dry-run', 'chỉ in những gì sẽ thay đổi')
    .option('--by <name>', 'người thực hiện (ghi vào nhật ký)')
    .action(async (options: { file?: string; dryRun?: boolean; by?: string }) => {
      const config = configOrExit();
      const file = options.file ?? path.join(config.DONDOC_SEEDS_DIR, 'agencies.yaml');
      const loaded = loadAgencyDirectory({ file, text: readFileSync(file, 'utf8') });
      if (!loaded.ok) {
        process.stderr.write(`${loaded.diagnostics.map(formatDiagnostic).join('\n')}\n${file}: danh mục có lỗi, không nhập.\n`);
        process.exitCode = 1;
        return;
      }
      const db = createDatabase(databaseUrlFor(config), { maxConnections: 1, applicationName: 'dondoc-cli' });
      try {
        await migrateToLatest(db);
        const actor = { actor: operatorActor(options.by), role: 'operator', ip: null, requestId: `cli-${randomUUID()}` };
        const plan = await importContacts(new AgencyDirectoryRepository(db), loaded.directory, actor, { dryRun: options.dryRun ?? false, file });
        process.stdout.write(describeImport(plan, options.dryRun ?? false));
      } finally {
        await db.destroy();
      }
    });
}

export function describeImport(plan: ContactImportPlan, dryRun: boolean): string {
  const key = (c: { agencyId: string; role: 'head' | 'focal' }) => `${c.agencyId} ${ROLE_LABELS[c.role]}`;
  const lines = [
    ...plan.added.map((c) => `  + ${key(c)}: ${c.name} <${c.email}>`),
    ...plan.changed.map(({ contact, fields }) => `  ~ ${key(contact)}: ${fields.join(', ')} → ${contact.name} <${contact.email}>`),
    ...plan.removed.map((c) => `  - ${key(c)}: ${c.name} <${c.email}> (không còn trong tệp)`),
  ];
  const counts = `${plan.added.length} thêm, ${plan.changed.length} sửa, ${plan.removed.length} xóa, ${plan.unchanged} giữ nguyên`;
  const head = !importChangesAnything(plan) ? 'Người liên hệ trong cơ sở dữ liệu đã khớp với tệp' : dryRun ? 'Sẽ thay đổi (chạy thử, chưa lưu)' : 'Đã nhập người liên hệ';
  return `${head}: ${counts}.\n${lines.map((l) => `${l}\n`).join('')}`;
}


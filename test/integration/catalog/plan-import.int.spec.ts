// `dondoc plan import` against the real PostgreSQL: idempotent, and an edited
// plan yields the task diff that running workflows will receive.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { CliIo } from '../../../apps/cli/src/plan/cli-io';
import { runPlanImport } from '../../../apps/cli/src/plan/import-plan';
import { createTestDatabase } from '../../../libs/db/src/testing';

const root = path.join(__dirname, '..', '..', '..');
const planFile = path.join(root, 'seeds/plans/kh-ai-2025-2030.yaml');

function memoryIo(files: Record<string, string> = {}): CliIo & { output: string } {
  const io = {
    output: '',
    readFile: (file: string) => (file in files ? { ok: true as const, text: files[file]! } : { ok: true as const, text: readFileSync(file, 'utf8') }),
    out: (text: string) => void (io.output += text),
    err: (text: string) => void (io.output += text),
    columns: 120,
    today: () => '2026-11-23',
  };
  return io;
}

describe('dondoc plan import', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const options = { agencies: path.join(root, 'seeds/agencies.yaml'), by: 'admin@skhcn' };

  beforeAll(async () => {
    database = await createTestDatabase({ label: 'plan-import' });
  });
  afterAll(() => database?.destroy());

  it('stores a new plan once; the same content again changes nothing', async () => {
    const first = memoryIo();
    expect(await runPlanImport(planFile, options, first, database.db)).toBe(0);
    expect(first.output).toContain('kh-ai-2025-2030: đã nhập phiên bản 1.');
    expect(first.output).toContain('14 nhiệm vụ mới, 0 thay đổi, 0 bị bỏ');

    const again = memoryIo();
    expect(await runPlanImport(planFile, options, again, database.db)).toBe(0);
    expect(again.output).toMatch(/không có thay đổi so với phiên bản 1 .* bởi admin@skhcn/);
    const rows = await database.db.selectFrom('plan_versions').select(['version']).where('plan_id', '=', 'kh-ai-2025-2030').execute();
    expect(rows).toHaveLength(1);
    // The import went straight to the database, not through the API: it is audited all the same, once.
    const audit = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'plan.import').execute();
    expect(audit).toEqual([expect.objectContaining({ actor: 'admin@skhcn', role: 'operator', target: 'plan/kh-ai-2025-2030', request_id: expect.stringMatching(/^cli-/) })]);
    expect(audit[0]!.payload).toMatchObject({ version: 1, status: 'new', via: 'cli' });
  });

  it('stores an edited plan as the next version and reports the changed and removed tasks', async () => {
    const original = readFileSync(planFile, 'utf8');
    const edited = original.replace(/deadline: "?2025-2026"?\n/, 'deadline: "2025-2027"\n');
    expect(edited).not.toBe(original);
    const withoutLast = edited.slice(0, edited.lastIndexOf('      - id: "14"'));
    const editedFile = '/virtual/kh-ai-2025-2030.yaml';
    const io = memoryIo({ [editedFile]: withoutLast });
    expect(await runPlanImport(editedFile, options, io, database.db)).toBe(0);
    expect(io.output).toContain('đã nhập phiên bản 2.');
    expect(io.output).toContain('0 nhiệm vụ mới, 1 thay đổi, 1 bị bỏ');
    expect(io.output).toMatch(/~ 1 \(deadline\)/);
    expect(io.output).toMatch(/- 14 /);
  });

  it('stores nothing from a bad file and says where the errors are', async () => {
    const badFile = '/virtual/bad.yaml';
    const io = memoryIo({ [badFile]: readFileSync(planFile, 'utf8').replace('deadline: "2026-2028"', 'deadline: "13/2026"') });
    expect(await runPlanImport(badFile, options, io, database.db)).toBe(1);
    expect(io.output).toMatch(/\/virtual\/bad\.yaml:\d+:\d+ .*deadline.*13\/2026/);
    expect(io.output).toContain('chưa nhập kế hoạch');
    const rows = await database.db.selectFrom('plan_versions').select('version').where('plan_id', '=', 'kh-ai-2025-2030').execute();
    expect(rows).toHaveLength(2);
    expect(await database.db.selectFrom('audit_log').select('id').where('action', '=', 'plan.import').execute()).toHaveLength(2);
  });
});

// A report cycle is resolved against the directory as it stands: a merge
// recorded through the API puts the successor (by its name) where the merged
// agency was, and the consolidation goes to the recipients' contacts as the
// database holds them.
import { hashPlan } from '@dondoc/catalog';
import { AgencyDirectoryRepository, PlanVersionRepository } from '@dondoc/db';
import { ensureContactsSeeded, storedDirectoryOver } from '@dondoc/directory';
import { loadSeedCatalog } from '@dondoc/plan-sync';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';

import { createReportActivities } from '../../../activities/src/reports/report.activities';
import { createTestDatabase, type TestDatabase } from '../../../libs/db/src/testing';

const PLAN = 'kh-nq03-2025';
const seedsDir = path.join(__dirname, '..', '..', '..', 'seeds');

describe('report cycles and the directory in the database', () => {
  let database: TestDatabase;
  const seeds = loadSeedCatalog(seedsDir);
  const operator = { actor: 'admin@skhcn.example', role: 'admin' };

  beforeAll(async () => {
    database = await createTestDatabase({ label: 'report directory' });
    const plan = seeds.plans.get(PLAN)!;
    await new PlanVersionRepository(database.db).saveIfNew(PLAN, hashPlan(plan), plan, 'test');
    const directory = new AgencyDirectoryRepository(database.db);
    await ensureContactsSeeded(directory, seeds.index.directory, operator);
    await directory.recordMerge({ from: 'so-ngoai-vu', into: 'van-phong-ubnd-tinh-qng', effective: '2026-01-01', note: null }, operator);
    const [ministry] = (await directory.contactsOf('bo-khcn')).filter((c) => c.role === 'focal');
    await directory.saveContact({ ...ministry!, email: 'tonghop-moi@most.example' }, operator);
  });
  afterAll(() => database.destroy());

  const activities = (withDatabaseDirectory: boolean) =>
    createReportActivities({
      db: database.db,
      loadCatalog: () => seeds,
      ...(withDatabaseDirectory ? { loadDirectory: () => storedDirectoryOver(new AgencyDirectoryRepository(database.db), seeds.index.directory) } : {}),
      dataDir: mkdtempSync(path.join(os.tmpdir(), 'dondoc-report-directory-')),
      mailer: nodemailer.createTransport({ jsonTransport: true }),
      mailFrom: 'dondoc@skhcn.example',
      publicBaseUrl: 'https://dondoc.example',
    });

  it('names the successor where the merged agency was, with its tasks, and mails the recipients as the database has them', async () => {
    const cycle = await activities(true).prepareReportCycle({ planId: PLAN, year: 2026 });
    const ids = cycle.agencies.map((a) => a.agencyId);
    expect(ids).not.toContain('so-ngoai-vu');
    const successor = cycle.agencies.find((a) => a.agencyId === 'van-phong-ubnd-tinh-qng')!;
    expect(successor.agencyName).toBe(seeds.index.nameOf('van-phong-ubnd-tinh-qng'));

    // The merged agency's share of the plan is the successor's now.
    const before = await activities(false).prepareReportCycle({ planId: PLAN, year: 2026 });
    const merged = before.agencies.find((a) => a.agencyId === 'so-ngoai-vu')!;
    expect(merged.agencyName).toBe('Sở Ngoại vụ tỉnh Kon Tum');
    expect(merged.taskIds.length).toBeGreaterThan(0);
    for (const task of merged.taskIds) expect(successor.taskIds).toContain(task);
    expect(cycle.recipients.map((r) => r.email)).toContain('tonghop-moi@most.example');
    expect(before.recipients.map((r) => r.email)).not.toContain('tonghop-moi@most.example');
  });
});

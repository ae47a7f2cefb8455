// The yearly report form in a real browser (issue 14, test 3, the officer's
// part, and test 6): an officer opens the request link found in the mailbox,
// is told what is missing, saves a draft and finds it again, submits with an
// evidence file; Sở KH&CN returns the report with a comment; a link of the
// return notice shows that comment above the form with the earlier answers
// filled in; the officer corrects and resubmits. The whole stack runs.
import { WorkingCalendar } from '@dondoc/calendar';
import type { ReportAgencyAssignment } from '@dondoc/contracts';
import { ReportSubmissionRepository } from '@dondoc/db';
import { createLinkToken, linkUrl } from '@dondoc/links';
import { loadSeedCatalog, resolveReportCycle } from '@dondoc/plan-sync';
import { addCalendarDays, vietnamDate } from '@dondoc/policy';
import { storePlans } from '@dondoc/test-harness';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

import { alwaysOpenSeeds } from '../api/support/always-open-seeds';
import { type ApiStack, call, eventually, startApiStack } from '../api/support/api-stack';
import { launchBrowser, PHONE, SCREENSHOTS, type TestBrowser } from './support/browser';
import { findLink, type MailedLink, PROMPT_DIGESTS } from './support/links';
import { horizontalOverflow, unlabelledControls } from './support/page-checks';

const PLAN = 'kh-ai-2025-2030';
const today = vietnamDate(Date.now());
const year = Number(today.slice(0, 4));
const AD_HOC = { id: 'e2e-web', title: 'Báo cáo đột xuất kết quả thực hiện (kiểm thử trình duyệt)', unitDeadline: addCalendarDays(today, 30), aggregatorDeadline: addCalendarDays(today, 45) };
const CYCLE = `${year}-dx-${AD_HOC.id}`;
const RETURN_COMMENT = 'Đề nghị bổ sung số liệu cụ thể về số cán bộ được đào tạo trong năm.';

/** The card of one task or indicator on the form. */
const card = (page: Page, heading: string): Locator => page.locator('.ant-card').filter({ has: page.locator('.ant-card-head', { hasText: heading }) });

async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByLabel(label).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click();
}

describe('officer report form (browser e2e)', () => {
  let stack: ApiStack;
  let browser: TestBrowser;
  let admin: string;
  let agency: ReportAgencyAssignment;
  let request: MailedLink;
  const evidence = path.join(mkdtempSync(path.join(os.tmpdir(), 'dondoc-web-report-')), 'Minh chứng đào tạo.pdf');
  const subject = () => `report/${PLAN}/${CYCLE}/${agency.agencyId}`;
  const api = <T = Record<string, unknown>>(method: string, route: string, options: Parameters<typeof call>[3] = {}) => call<T>(stack.url, method, route, options);

  beforeAll(async () => {
    const seeds = alwaysOpenSeeds();
    stack = await startApiStack('web-report', { DONDOC_SEEDS_DIR: seeds, ...PROMPT_DIGESTS }, { delivery: true });
    admin = await stack.login(await stack.addUser('admin@skhcn.example', 'admin'));
    // Who reports on what, as the cycle resolves it: the agency with the fewest tasks, preferring one with an indicator.
    const catalog = loadSeedCatalog(seeds);
    // Cycles read their plan from the stored versions, as `dondoc up` leaves them.
    await storePlans(stack.database.db, [catalog.plans.get(PLAN)!]);
    const assignments = resolveReportCycle(catalog, catalog.plans.get(PLAN)!, { planId: PLAN, year, adHoc: { ...AD_HOC, requestedBy: 'x' } }, new WorkingCalendar({ overrides: catalog.calendarOverrides })).agencies;
    const size = (a: ReportAgencyAssignment) => a.taskIds.length + a.indicatorIds.length - (a.indicatorIds.length ? 0.5 : 0);
    agency = [...assignments].filter((a) => a.taskIds.length > 0).sort((a, b) => size(a) - size(b))[0]!;
    const started = await api('POST', `/reports/${PLAN}/${year}/start`, { token: admin, body: { adHoc: AD_HOC } });
    expect(started.status).toBe(201);
    ({ link: request } = await eventually(async () => findLink(stack.delivery!.mail.messages, 'submit-report', (l) => l.claims.subject === subject()), 90_000, `the report request to ${agency.agencyId}`));
    writeFileSync(evidence, Buffer.from('%PDF-1.4\n%âãÏÓ\ntrailer << >>\n%%EOF\n'));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('opens the report form from the request: every task and indicator, labelled, no horizontal scroll on a phone', async () => {
    const page = await browser.newPage(PHONE);
    await page.goto(request.url);
    expect(page.url()).toBe(`${stack.url}/lien-ket/bao-cao`);
    await page.getByText(`Nhiệm vụ (${agency.taskIds.length})`).waitFor();
    for (const taskId of agency.taskIds) await card(page, `Nhiệm vụ ${taskId}:`).waitFor();
    for (const indicatorId of agency.indicatorIds) await card(page, `Chỉ tiêu ${indicatorId}:`).waitFor();
    const main = await page.locator('main').innerText();
    expect(main).toContain(AD_HOC.unitDeadline.split('-').reverse().join('/'));
    // Tasks and indicators are named as the plan names them.
    const plan = loadSeedCatalog(stack.env.DONDOC_SEEDS_DIR!).plans.get(PLAN)!;
    expect(main).toContain(plan.title);
    const firstTask = plan.groups.flatMap((g) => g.tasks).find((t) => t.id === agency.taskIds[0])!;
    expect(main).toContain(`Nhiệm vụ ${firstTask.id}: ${firstTask.name}`);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await unlabelledControls(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-form-phone.png'), fullPage: false });
    await page.close();
  });

  it('shows the API’s reasons under the fields, keeps a saved draft, then submits with an evidence file', async () => {
    const page = await browser.newPage();
    await page.goto(request.url);
    const first = card(page, `Nhiệm vụ ${agency.taskIds[0]}:`);
    await first.waitFor();
    // Nothing filled in: the API refuses and says what, under the fields.
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText('Báo cáo chưa gửi được').waitFor();
    await expect(first.locator('.ant-form-item-explain-error').first().innerText()).resolves.toMatch(/Tình trạng|Tỷ lệ/);

    await choose(page, first, 'Tình trạng', 'Đang thực hiện, đúng tiến độ');
    await first.getByLabel('Tỷ lệ hoàn thành (%)').fill('60');
    await first.getByLabel('Kết quả thực hiện').fill('Đã tổ chức 2 lớp tập huấn cho 45 cán bộ.');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByText(/Đã lưu nháp lúc/).waitFor();
    await page.reload();
    await expect(card(page, `Nhiệm vụ ${agency.taskIds[0]}:`).getByLabel('Kết quả thực hiện').inputValue()).resolves.toBe('Đã tổ chức 2 lớp tập huấn cho 45 cán bộ.');
    await page.getByText(/Đang soạn từ bản nháp lưu lúc/).waitFor();

    for (const [index, taskId] of agency.taskIds.entries()) {
      const task = card(page, `Nhiệm vụ ${taskId}:`);
      if (index > 0) {
        await choose(page, task, 'Tình trạng', 'Chậm tiến độ');
        await task.getByLabel('Tỷ lệ hoàn thành (%)').fill('20');
        await task.getByLabel('Kết quả thực hiện').fill(`Đang xây dựng dự thảo (${taskId}).`);
      }
      await task.getByLabel('Khó khăn, vướng mắc').fill('Thiếu kinh phí.');
    }
    for (const indicatorId of agency.indicatorIds) await card(page, `Chỉ tiêu ${indicatorId}:`).getByLabel('Giá trị đạt được').fill('35%');
    await page.locator('#report-evidence-files').setInputFiles(evidence);
    await page.getByRole('link', { name: 'Minh chứng đào tạo.pdf' }).waitFor();
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText('Báo cáo đã được gửi, đang chờ Sở KH&CN xem xét.').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-form.png'), fullPage: false });

    type Cycle = { agencies: Array<{ agencyId: string; status: string; revision: number | null }> };
    const cycle = await api<Cycle>('GET', `/reports/${PLAN}/${CYCLE}`, { token: admin });
    expect(cycle.body.agencies.find((a) => a.agencyId === agency.agencyId)).toMatchObject({ status: 'submitted', revision: 1 });
    const files = await api<{ items: Array<{ fileName: string }> }>('GET', `/reports/${PLAN}/${CYCLE}/agencies/${agency.agencyId}/evidence`, { token: admin });
    expect(files.body.items.map((f) => f.fileName)).toEqual(['Minh chứng đào tạo.pdf']);
    await page.close();
  });

  it('after a return shows Sở KH&CN’s comment above the form with the answers kept; the corrected report is resubmitted', async () => {
    const returned = await api('POST', `/reports/${PLAN}/${CYCLE}/agencies/${agency.agencyId}/return`, { token: admin, body: { comment: RETURN_COMMENT } });
    expect(returned.status).toBe(200);
    // The return notice is queued for the agency with the comment; today's digest has gone out, so it
    // travels in the next working day's (docs/notifier.md). Its link is signed as the notifier signs it.
    await eventually(async () => {
      const entries = await stack.database.db.selectFrom('digest_entries').select('delivery').where('workflow_id', '=', subject()).execute();
      return entries.some((e) => (e.delivery as { notification?: { data?: { reviewComment?: string } } }).notification?.data?.reviewComment === RETURN_COMMENT) ? true : undefined;
    }, 60_000, 'the return notice queued for the agency');
    const notice = createLinkToken({ purpose: 'submit-report', subject: subject(), agencyId: agency.agencyId, exp: Math.floor(Date.now() / 1000) + 3600 }, stack.linkSecret);

    const page = await browser.newPage();
    await page.goto(linkUrl(stack.url, notice));
    const warning = page.locator('.ant-alert-warning');
    await warning.waitFor();
    expect(await warning.innerText()).toContain(RETURN_COMMENT);
    const first = card(page, `Nhiệm vụ ${agency.taskIds[0]}:`);
    await expect(first.getByLabel('Kết quả thực hiện').inputValue()).resolves.toBe('Đã tổ chức 2 lớp tập huấn cho 45 cán bộ.');
    await first.getByLabel('Kết quả thực hiện').fill('Đã tổ chức 2 lớp tập huấn cho 45 cán bộ; 38 cán bộ đạt chứng chỉ.');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText('Báo cáo đã được gửi, đang chờ Sở KH&CN xem xét.').waitFor();

    const [latest] = await new ReportSubmissionRepository(stack.database.db).history(PLAN, CYCLE, agency.agencyId);
    expect(latest).toMatchObject({ revision: 2, status: 'submitted', submittedBy: `signed-link:${agency.agencyId}` });
    const tasks = (latest!.payload as { tasks: Array<{ taskId: string; results: string; difficulties: string }> }).tasks;
    expect(tasks[0]).toMatchObject({ taskId: agency.taskIds[0], results: 'Đã tổ chức 2 lớp tập huấn cho 45 cán bộ; 38 cán bộ đạt chứng chỉ.', difficulties: 'Thiếu kinh phí.' });

    // The request link, used by the first submission, now explains itself.
    const reopened = await page.goto(request.url);
    expect(reopened?.status()).toBe(410);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Đường dẫn đã được sử dụng');
    await page.close();
  });
});

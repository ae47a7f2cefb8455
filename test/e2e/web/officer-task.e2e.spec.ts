// The officer's task page in a real browser, against the whole stack (Temporal,
// worker, API, notifier, SMTP sink, fake ZNS): the web app is served by the
// API with its security headers; a reminder found in the mailbox opens the
// task page (the token exchanged for a session, gone from the address bar);
// the officer acknowledges and reports 40 % with a PDF, and the admin sees
// both in the task's timeline; forged, used and expired links get their
// page (4xx), and no token reaches the API's log (issue 14, tests 1, 5, 6).
import { createLinkToken } from '@dondoc/links';
import type { TaskState, TimelineEvent } from '@dondoc/contracts';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { alwaysOpenSeeds } from '../api/support/always-open-seeds';
import { type ApiStack, call, eventually, startApiStack, taskPath } from '../api/support/api-stack';
import { launchBrowser, PHONE, SCREENSHOTS, type TestBrowser } from './support/browser';
import { findLink, type MailedLink, PROMPT_DIGESTS } from './support/links';
import { collectPageErrors, horizontalOverflow, tabTo, unlabelledControls } from './support/page-checks';

const PLAN = 'kh-nq03-2025';
type Detail = { state: TaskState; timeline: TimelineEvent[] };

describe('officer task page (browser e2e)', () => {
  let stack: ApiStack;
  let browser: TestBrowser;
  let admin: string;
  let link: MailedLink;
  let sessionCookie = '';
  const pdf = path.join(mkdtempSync(path.join(os.tmpdir(), 'dondoc-web-')), 'Báo cáo tiến độ quý IV.pdf');

  const api = <T = Record<string, unknown>>(method: string, route: string, options: Parameters<typeof call>[3] = {}) => call<T>(stack.url, method, route, options);

  beforeAll(async () => {
    // Request lines (info) are logged, so the log can be searched for tokens.
    stack = await startApiStack('web-task', { DONDOC_SEEDS_DIR: alwaysOpenSeeds(), LOG_LEVEL: 'info', ...PROMPT_DIGESTS }, { delivery: true });
    admin = await stack.login(await stack.addUser('admin@skhcn.example', 'admin'));
    const imported = await api('POST', '/plans', { token: admin, body: readFileSync(path.join(__dirname, '../../../seeds/plans', `${PLAN}.yaml`), 'utf8'), contentType: 'application/yaml' });
    expect(imported.status).toBe(200);
    // Overdue tasks get their catch-up reminder at once (offices are open all day in these seeds).
    ({ link } = await eventually(async () => findLink(stack.delivery!.mail.messages, 'report-progress', (l) => l.claims.subject.startsWith(`task/${PLAN}/`)), 90_000, 'a reminder with a task link in the mailbox'));
    writeFileSync(pdf, Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('serves the web app at / with its security headers; API routes keep their paths', async () => {
    const page = await fetch(`${stack.url}/nhiem-vu`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"></div>');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    // An unknown path asked for as JSON is still the API's 404; API routes answer as before, with the same headers.
    const missing = await api<{ error: string }>('GET', '/nhiem-vu', { headers: { accept: 'application/json' } });
    expect(missing).toMatchObject({ status: 404, body: { error: 'not-found' } });
    const health = await api<{ status: string }>('GET', '/health/live');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await (await fetch(`${stack.url}/`, { headers: { accept: 'text/html' } })).text())![1]!;
    const asset = await fetch(`${stack.url}${script}`);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('opens the task page from the reminder; a mail scanner opening it first acts on nothing', async () => {
    // What a mail scanner does: GETs without cookies, following redirects. It reaches the page and uses nothing up.
    let next = link.url;
    for (let hop = 0; !next.endsWith('/lien-ket/nhiem-vu'); hop++) {
      const scanned = await fetch(new URL(next, stack.url), { redirect: 'manual', headers: { accept: 'text/html' } });
      expect(scanned.status).toBe(303);
      expect(hop).toBeLessThan(2);
      next = scanned.headers.get('location')!;
    }

    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    const opened = await page.goto(link.url);
    expect(opened?.status()).toBe(200);
    // The token is gone from the address bar (and so from the history and any Referer).
    expect(page.url()).toBe(`${stack.url}/lien-ket/nhiem-vu`);
    expect(opened?.headers()['referrer-policy']).toBe('no-referrer');
    const detail = (await api<Detail>('GET', taskPath(link.claims.subject), { token: admin })).body;
    await page.getByRole('heading', { level: 2 }).waitFor();
    const body = await page.locator('main').innerText();
    expect(body).toContain(detail.state.dueDate!.split('-').reverse().join('/'));
    expect(body).toMatch(/Còn \d+ ngày|Quá hạn \d+ ngày|Đến hạn hôm nay/);
    expect(body).toContain('Kế hoạch');
    expect(body).toContain('Gửi nhắc việc');
    const cookie = (await browser.context.cookies()).find((c) => c.name === 'dondoc_link')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    sessionCookie = cookie.value;
    expect(errors).toEqual([]);
    await page.close();
  });

  it('acknowledges and reports 40 % with a PDF; the admin sees both in the task’s timeline', async () => {
    const page = await browser.newPage();
    await page.goto(link.url);
    await page.getByRole('button', { name: 'Tiếp nhận' }).click();
    await page.getByText('Đã tiếp nhận nhiệm vụ.').waitFor();
    await page.getByRole('button', { name: 'Báo cáo tiến độ' }).click();
    await page.getByLabel('Tỷ lệ hoàn thành (%)').fill('40');
    await page.getByLabel('Nội dung đã thực hiện').fill('Đã xây dựng dự thảo kế hoạch chi tiết, đang lấy ý kiến các đơn vị.');
    await page.locator('input[type=file]').setInputFiles(pdf);
    await page.getByRole('link', { name: 'Báo cáo tiến độ quý IV.pdf' }).waitFor();
    await page.getByRole('button', { name: 'Gửi báo cáo tiến độ' }).click();
    await page.getByText('Đã gửi báo cáo tiến độ tới Sở KH&CN.').waitFor();
    await page.getByRole('button', { name: 'Đã báo cáo tiến độ' }).waitFor();
    expect(await page.getByRole('button', { name: 'Đã báo cáo tiến độ' }).isDisabled()).toBe(true);

    const detail = (await api<Detail>('GET', taskPath(link.claims.subject), { token: admin })).body;
    expect(detail.state.acknowledged).toBe(true);
    // (A progress report may close a yearly progress cycle and start the next: the timeline, which carries over, says what was reported.)
    const types = detail.timeline.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['acknowledged', 'progress']));
    const progress = detail.timeline.find((e) => e.type === 'progress')!;
    expect(progress.detail).toContain('40%: Đã xây dựng dự thảo kế hoạch chi tiết');
    expect(progress.detail).toContain('Minh chứng: Báo cáo tiến độ quý IV.pdf');
    const evidence = await api<{ items: Array<{ id: string; fileName: string; sizeBytes: number; uploadedBy: string }> }>('GET', `${taskPath(link.claims.subject)}/evidence`, { token: admin });
    expect(evidence.body.items).toEqual([expect.objectContaining({ fileName: 'Báo cáo tiến độ quý IV.pdf', sizeBytes: readFileSync(pdf).length, uploadedBy: `signed-link:${link.claims.agencyId}` })]);
    const download = await fetch(`${stack.url}${taskPath(link.claims.subject)}/evidence/${evidence.body.items[0]!.id}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(Buffer.from(await download.arrayBuffer())).toEqual(readFileSync(pdf));
    const audit = await api<{ items: Array<{ action: string; actor: string }> }>('GET', `/audit?target=${encodeURIComponent(link.claims.subject)}`, { token: admin });
    expect(audit.body.items.map((e) => e.action)).toEqual(expect.arrayContaining(['task.acknowledge', 'task.progress', 'task.evidence']));
    await page.close();
  });

  it('at 360 × 740 has no horizontal scroll, works from the keyboard, and every form control has a label', async () => {
    const phone = await browser.newPage(PHONE);
    // A fresh link of the same task: the first one is used up by its progress report.
    const token = createLinkToken({ purpose: 'report-progress', subject: link.claims.subject, agencyId: link.claims.agencyId, exp: Math.floor(Date.now() / 1000) + 3600 }, stack.linkSecret);
    await phone.goto(`${stack.url}/l/${token}`);
    await phone.getByRole('heading', { level: 2 }).waitFor();
    // By keyboard alone: Tab to the button, Enter opens the form.
    await tabTo(phone, 'Đề nghị hoàn thành');
    await phone.keyboard.press('Enter');
    await phone.getByLabel('Kết quả đã hoàn thành').waitFor();
    expect(await horizontalOverflow(phone)).toBe(0);
    expect(await unlabelledControls(phone)).toEqual([]);
    await phone.screenshot({ path: path.join(SCREENSHOTS, 'officer-task-phone.png'), fullPage: true });
    // Without any evidence the API refuses, under the evidence field; with it, the proposal goes to Sở KH&CN.
    await phone.getByLabel('Kết quả đã hoàn thành').fill('Đã ban hành quy trình nội bộ.');
    await phone.getByRole('button', { name: 'Gửi đề nghị hoàn thành' }).click();
    await phone.getByText('Cần minh chứng hoàn thành: số văn bản, đường dẫn hoặc tệp đính kèm.').waitFor();
    await phone.getByLabel('Minh chứng (số văn bản, đường dẫn)').fill('Quyết định số 15/QĐ-SKHCN');
    await phone.getByRole('button', { name: 'Gửi đề nghị hoàn thành' }).click();
    await phone.getByText('Đã gửi đề nghị hoàn thành; Sở KH&CN sẽ xem xét và xác nhận.').waitFor();
    const proposed = (await api<Detail>('GET', taskPath(link.claims.subject), { token: admin })).body;
    expect(proposed.state.status).toBe('proposed');
    expect(proposed.timeline.find((e) => e.type === 'completion-proposed')?.detail).toContain('Quyết định số 15/QĐ-SKHCN');
    await phone.close();
  });

  it('explains a forged, a used, an expired and a revoked link on a Vietnamese page (4xx), naming whom to contact', async () => {
    const page = await browser.newPage();
    const [payload, signature] = link.token.split('.') as [string, string];
    const forged = `${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const expired = createLinkToken({ purpose: 'report-progress', subject: link.claims.subject, agencyId: link.claims.agencyId, exp: Math.floor(Date.now() / 1000) - 60 }, stack.linkSecret);
    const cases: Array<[string, number, string]> = [
      [`${stack.url}/l/${forged}`, 403, 'Đường dẫn không hợp lệ'],
      [link.url, 410, 'Đường dẫn đã được sử dụng'],
      [`${stack.url}/l/${expired}`, 410, 'Đường dẫn đã hết hạn'],
    ];
    // Revoked: a task moved to another agency no longer answers the old agency's link.
    type Page = { items: Array<{ workflowId: string; agencyId: string }> };
    const other = (await api<Page>('GET', `/tasks?plan=${PLAN}&status=active,due,overdue&pageSize=50`, { token: admin })).body.items.find((t) => t.workflowId !== link.claims.subject && t.agencyId !== 'so-khcn-qng')!;
    const moved = await api('POST', taskPath(other.workflowId, 'reassign'), { token: admin, body: { toAgency: 'so-khcn-qng', reason: 'Kiểm thử: chuyển cơ quan chủ trì' } });
    expect(moved.status).toBe(200);
    const revoked = createLinkToken({ purpose: 'report-progress', subject: other.workflowId, agencyId: other.agencyId, exp: Math.floor(Date.now() / 1000) + 3600 }, stack.linkSecret);
    cases.push([`${stack.url}/l/${revoked}`, 403, 'Đường dẫn không còn hiệu lực']);
    for (const [url, status, title] of cases) {
      const response = await page.goto(url);
      expect(response?.status()).toBe(status);
      expect(response?.headers()['content-type']).toMatch(/^text\/html/);
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(title);
      const text = await page.locator('body').innerText();
      expect(text).toContain('Sở Khoa học và Công nghệ');
      expect(text).toMatch(/Email: \S+@\S+/);
      expect(text).not.toMatch(/statusCode|Error:|at .*\.js/);
    }
    // The contact is the directory's as it stands: an address changed by an admin shows on the next page.
    const changed = await api('PATCH', '/agencies/so-khcn-qng/contacts/focal', { token: admin, body: { email: 'dau-moi-moi@skhcn.example' } });
    expect(changed.status).toBe(200);
    await page.goto(`${stack.url}/l/${forged}`);
    expect(await page.locator('body').innerText()).toContain('Email: dau-moi-moi@skhcn.example');
    await page.close();
  });

  it('opens a copy’s link and a digest’s list read-only, and neither is used up by opening', async () => {
    const { mail } = stack.delivery!;
    const copy = await eventually(async () => findLink(mail.messages, 'view-task'), 60_000, 'a copy of a reminder (view-task)');
    const page = await browser.newPage();
    for (let time = 0; time < 2; time++) {
      const opened = await page.goto(copy.link.url);
      expect(opened?.status()).toBe(200);
      await page.getByText(/Bản để theo dõi/).waitFor();
    }
    expect(await page.getByRole('button', { name: 'Tiếp nhận' }).count()).toBe(0);
    // The session of a copy may read, never act.
    const refused = await page.evaluate(async (workflowId) => {
      const response = await fetch('/link-session/task/acknowledge', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ workflowId }) });
      return { status: response.status, body: (await response.json()) as { message: string } };
    }, copy.link.claims.subject);
    expect(refused).toMatchObject({ status: 403, body: { message: expect.stringContaining('chỉ để xem') } });

    const digest = await eventually(async () => findLink(mail.messages, 'view-digest'), 60_000, 'a digest with its list link');
    await page.goto(digest.link.url);
    expect(page.url()).toBe(`${stack.url}/lien-ket/danh-sach`);
    await page.getByRole('heading', { level: 1, name: /^Nhắc việc ngày \d{2}\/\d{2}\/\d{4}$/ }).waitFor();
    const first = page.locator('.ant-card a').first();
    const name = (await first.innerText()).trim();
    await first.click();
    await page.getByRole('heading', { level: 2, name }).waitFor();
    await page.getByText(/Bản để theo dõi|chỉ để xem/).first().waitFor();
    await page.getByRole('button', { name: 'Về danh sách' }).click();
    await page.waitForURL(`${stack.url}/lien-ket/danh-sach`);
    await page.close();
  });

  it('keeps every token out of the API’s log', async () => {
    const log = stack.api.output();
    expect(log).toContain('/l/***');
    for (const secret of [link.token, link.token.split('.')[1]!, sessionCookie]) {
      expect(secret.length).toBeGreaterThan(20);
      expect(log).not.toContain(secret);
    }
  });
});

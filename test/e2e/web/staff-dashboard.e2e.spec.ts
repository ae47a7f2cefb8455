// Staff sign-in and the dashboard in a real browser: a page of the dashboard
// asks for sign-in first and comes back after it; a wrong password is refused
// with the API's message; each role sees its sections; signing out ends the
// session. The task list filters what the API filters and opens a task's
// detail, where an admin extends the deadline.
import type { TaskState } from '@dondoc/contracts';
import { addCalendarDays, vietnamDate } from '@dondoc/policy';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { SmtpSink } from '@dondoc/runtime';
import { startTestSmtpSink } from '@dondoc/test-harness';

import { type ApiStack, call, eventually, startApiStack, taskPath } from '../api/support/api-stack';
import { launchBrowser, PHONE, SCREENSHOTS, type TestBrowser } from './support/browser';
import { collectPageErrors, horizontalOverflow, unlabelledControls } from './support/page-checks';

const PLAN = 'kh-ai-2025-2030';
const ADMIN_SECTIONS = ['Tổng quan', 'Nhiệm vụ', 'Hướng dẫn Trung ương', 'Cơ quan', 'Báo cáo hằng năm', 'Kế hoạch', 'Nhật ký gửi', 'Nhật ký thao tác', 'Người dùng'];

describe('staff sign-in and dashboard (browser e2e)', () => {
  let stack: ApiStack;
  let mail: SmtpSink;
  let browser: TestBrowser;
  let admin: { email: string; password: string };
  let viewer: { email: string; password: string };

  beforeAll(async () => {
    mail = await startTestSmtpSink();
    stack = await startApiStack('web-staff', { SMTP_URL: mail.smtpUrl });
    admin = await stack.addUser('admin@skhcn.example', 'admin');
    viewer = await stack.addUser('viewer@skhcn.example', 'viewer');
    const token = await stack.login(admin);
    const imported = await call(stack.url, 'POST', '/plans', { token, body: readFileSync(path.join(__dirname, '../../../seeds/plans', `${PLAN}.yaml`), 'utf8'), contentType: 'application/yaml' });
    expect(imported.status).toBe(200);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await mail?.stop();
  });

  /** The section names of the menu, once it is there. */
  const menu = async (page: Page) => {
    const items = page.getByRole('navigation', { name: 'Các mục quản trị' }).getByRole('menuitem');
    await items.first().waitFor();
    return items.allInnerTexts();
  };

  it('asks for sign-in, refuses a wrong password with the API’s message, then returns to the page asked for', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${stack.url}/nhiem-vu`);
    await page.waitForURL(`${stack.url}/dang-nhap?tiep=%2Fnhiem-vu`);
    expect(await unlabelledControls(page)).toEqual([]);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Mật khẩu').fill('not-the-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Email hoặc mật khẩu không đúng.').waitFor();
    await page.getByLabel('Mật khẩu').fill(admin.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${stack.url}/nhiem-vu`);
    await expect(menu(page)).resolves.toEqual(ADMIN_SECTIONS);
    await page.getByText(`${admin.email} · Quản trị viên`).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard.png') });
    // The failed login's 401 is the only error the browser saw.
    expect(errors.filter((e) => !/401/.test(e))).toEqual([]);

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await page.goto(`${stack.url}/`);
    await page.waitForURL(/\/dang-nhap\?tiep=%2F$/);
    await page.close();
  });

  it('shows a viewer the sections a viewer may open, and the sign-in page fits a phone', async () => {
    const page = await browser.newPage(PHONE);
    await page.goto(`${stack.url}/dang-nhap`);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByLabel('Email').fill(viewer.email);
    await page.getByLabel('Mật khẩu').fill(viewer.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${stack.url}/`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect(menu(page)).resolves.toEqual(ADMIN_SECTIONS.filter((s) => s !== 'Nhật ký thao tác' && s !== 'Người dùng'));
    await page.close();
  });

  it('lists the tasks the API lists for a filter, opens one, and extends its deadline from the detail page', async () => {
    const token = await stack.login(admin);
    type Listed = { items: Array<{ workflowId: string; taskId: string; status: string }> };
    // Visibility is eventually consistent: wait until the imported plan's tasks are listed.
    const listed = await eventually(async () => {
      const reply = await call<Listed>(stack.url, 'GET', `/tasks?plan=${PLAN}&pageSize=25`, { token });
      return reply.body.items.length >= 10 ? reply.body.items : undefined;
    }, 30_000, 'the plan’s tasks in visibility');
    const page = await browser.newPage();
    // The viewer of the test before is still signed in in this browser.
    await page.goto(`${stack.url}/dang-nhap`);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${stack.url}/dang-nhap?tiep=${encodeURIComponent(`/nhiem-vu?ke-hoach=${PLAN}`)}`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Mật khẩu').fill(admin.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('.ant-table-row').first().waitFor();
    const rows = page.locator('.ant-table-row');
    await expect(rows.count()).resolves.toBe(listed.length);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'task-list.png') });

    const target = listed.find((t) => t.status !== 'completed' && t.status !== 'cancelled')!;
    await page.locator(`a[href="/nhiem-vu/${encodeURIComponent(target.workflowId)}"]`).click();
    await page.getByText('Dòng thời gian').waitFor();
    await page.getByText(target.workflowId).waitFor();
    const newDue = addCalendarDays(vietnamDate(Date.now()), 90);
    await page.getByRole('button', { name: 'Gia hạn' }).click();
    await page.getByLabel('Thời hạn mới').fill(newDue.split('-').reverse().join('/'));
    await page.getByLabel('Thời hạn mới').press('Enter');
    await page.getByLabel('Lý do').fill('Chờ ý kiến của Bộ KH&CN');
    await page.locator('form[id="action-extend"]').getByRole('button', { name: 'Gia hạn' }).click();
    await page.getByText('Gia hạn: đã thực hiện.').waitFor();
    const detail = await call<{ state: TaskState; timeline: Array<{ type: string; detail: string }> }>(stack.url, 'GET', taskPath(target.workflowId), { token });
    expect(detail.body.state.dueDate).toBe(newDue);
    expect(detail.body.timeline.find((e) => e.type === 'deadline-extended')?.detail).toContain('Chờ ý kiến của Bộ KH&CN');
    await page.getByText(`hạn ${newDue.split('-').reverse().join('/')}`).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'task-detail.png'), fullPage: true });
    await page.close();
  });

  it('sets a new password from the reset link an admin sends, and the token leaves the address bar', async () => {
    const token = await stack.login(admin);
    type Users = { items: Array<{ id: string; email: string }> };
    const id = (await call<Users>(stack.url, 'GET', '/users', { token })).body.items.find((u) => u.email === viewer.email)!.id;
    expect((await call(stack.url, 'POST', `/users/${id}/password-reset`, { token })).status).toBe(200);
    const letter = (await mail.waitForMessages(1)).find((m) => m.envelope.to.includes(viewer.email))!;
    const link = new RegExp(`${stack.url}/dat-lai-mat-khau#token=[\\w-]{43}`).exec(letter.text)![0];

    const page = await browser.newPage(PHONE);
    await page.goto(link);
    await page.getByRole('heading', { name: 'Đặt lại mật khẩu' }).waitFor();
    expect(page.url()).toBe(`${stack.url}/dat-lai-mat-khau`);
    expect(await unlabelledControls(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('mật-khẩu-mới-của-người-xem');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('khác-hẳn');
    await page.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await page.getByText('Hai mật khẩu không giống nhau.').waitFor();
    await page.getByLabel('Nhập lại mật khẩu mới').fill('mật-khẩu-mới-của-người-xem');
    await page.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await page.getByText('Đã đặt mật khẩu mới').waitFor();
    expect((await call(stack.url, 'POST', '/auth/login', { body: { email: viewer.email, password: 'mật-khẩu-mới-của-người-xem' } })).status).toBe(200);
    await page.close();
  });
});

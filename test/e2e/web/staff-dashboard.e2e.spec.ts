// Staff sign-in and the dashboard's frame in a real browser: a page of the
// dashboard asks for sign-in first and comes back after it; a wrong password
// is refused with the API's message; each role sees its sections; signing
// out ends the session.
import path from 'node:path';
import type { Page } from 'playwright-core';

import { type ApiStack, startApiStack } from '../api/support/api-stack';
import { launchBrowser, PHONE, SCREENSHOTS, type TestBrowser } from './support/browser';
import { collectPageErrors, horizontalOverflow, unlabelledControls } from './support/page-checks';

const ADMIN_SECTIONS = ['Tổng quan', 'Nhiệm vụ', 'Hướng dẫn Trung ương', 'Cơ quan', 'Báo cáo hằng năm', 'Kế hoạch', 'Nhật ký gửi', 'Nhật ký thao tác', 'Người dùng'];

describe('staff sign-in and dashboard (browser e2e)', () => {
  let stack: ApiStack;
  let browser: TestBrowser;
  let admin: { email: string; password: string };
  let viewer: { email: string; password: string };

  beforeAll(async () => {
    stack = await startApiStack('web-staff');
    admin = await stack.addUser('admin@skhcn.example', 'admin');
    viewer = await stack.addUser('viewer@skhcn.example', 'viewer');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
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
});

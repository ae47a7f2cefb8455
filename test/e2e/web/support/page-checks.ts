// What issue 14 asks of every officer page, checked in the page itself.
import type { Page } from 'playwright-core';

/** Pixels the page is wider than the viewport (0: no horizontal scroll). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);
}

/**
 * Form controls a screen reader would announce without a name: inputs,
 * selects and text areas with no <label>, aria-label, aria-labelledby or
 * title; buttons with no text. Returns a description of each.
 */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const text = (el: Element | null) => (el?.textContent ?? '').trim();
    const named = (el: HTMLElement) => {
      if (el.getAttribute('aria-label')?.trim() || el.getAttribute('title')?.trim()) return true;
      const by = el.getAttribute('aria-labelledby');
      if (by && by.split(/\s+/).some((id) => text(document.getElementById(id)))) return true;
      const labels = (el as HTMLInputElement).labels;
      return Boolean(labels && [...labels].some((label) => text(label)));
    };
    const controls = [...document.querySelectorAll<HTMLElement>('input:not([type=hidden]), select, textarea')];
    const buttons = [...document.querySelectorAll<HTMLElement>('button, [role=button]')].filter((b) => !text(b) && !named(b));
    return [
      ...controls.filter((c) => !named(c)).map((c) => `${c.tagName.toLowerCase()}[type=${c.getAttribute('type') ?? ''}][id=${c.id}][name=${c.getAttribute('name') ?? ''}]`),
      ...buttons.map((b) => `button ${b.outerHTML.slice(0, 120)}`),
    ];
  });
}

/** Collects what the browser reports as errors (CSP violations included) while a test runs. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

/** Presses Tab until the focused element's text is `text` (keyboard access); fails after `max` presses. */
export async function tabTo(page: Page, text: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')) === text) return;
  }
  throw new Error(`"${text}" cannot be reached with the Tab key`);
}

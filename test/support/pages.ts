// Driving the web app (antd) from Playwright: sign in, open a task from the inbox, fill
// fields by their form name, pick options, read the error antd shows under a field.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { eventually, type Harness } from './harness';
import { testPassword } from './fixtures';
import { screenshotDir } from './browser';

export const desktop = { width: 1280, height: 900 };
export const phone = { width: 390, height: 844 };

export async function signedIn(
  h: Harness,
  browser: Browser,
  username: string,
  viewport: { width: number; height: number } = desktop,
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  (page as Page & { scriptErrors: string[] }).scriptErrors = errors;
  await page.goto(`${h.baseUrl}/app/`);
  await page.fill('#f-username', username);
  await page.fill('#f-password', testPassword);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('.app-header');
  return page;
}

export const scriptErrors = (page: Page): string[] => (page as Page & { scriptErrors?: string[] }).scriptErrors ?? [];

/** Opens the first inbox row of a kind (waiting for its workflow to open it) and its task page. */
export async function openTask(h: Harness, page: Page, kind: string): Promise<void> {
  await page.goto(`${h.baseUrl}/app/#/inbox`);
  const link = page.locator(`a.task-link[data-kind="${kind}"]`).first();
  await eventually(
    async () => (await link.count()) > 0 || (await page.reload(), await page.waitForTimeout(300), false),
    20_000,
    `${kind} in the inbox`,
  );
  await link.click();
  await page.waitForSelector('#task-title');
}

/** An antd field's input by its form's id and the field's name path (`items.0.note` → `#items_0_note`). */
export const field = (form: string, name: string) => `#${form} #${name.replace(/\./g, '_')}`;

export async function fill(page: Page, form: string, name: string, value: string): Promise<void> {
  await page.fill(field(form, name), value);
}

/**
 * Picks a date in an antd DatePicker as a person does: opens its panel, turns the months
 * and clicks the day. Typing the date raced the panel's opening on a busy machine (the
 * picker kept today), so the test clicks, then waits until the input shows the date.
 */
export async function pickDate(page: Page, selector: string, date: string): Promise<void> {
  await page.click(selector);
  const panel = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
  await panel.waitFor();
  for (let turns = 0; ; turns++) {
    const day = panel.locator(`td.ant-picker-cell-in-view[title="${date}"]`);
    if ((await day.count()) > 0) {
      await day.click();
      break;
    }
    if (turns === 24) throw new Error(`${selector}: no day ${date} within two years`);
    const firstShown = await panel.locator('td.ant-picker-cell-in-view').first().getAttribute('title');
    await panel
      .locator(date < (firstShown ?? '') ? '.ant-picker-header-prev-btn' : '.ant-picker-header-next-btn')
      .click();
  }
  for (let tries = 0; (await page.inputValue(selector)) !== date; tries++) {
    if (tries === 50) throw new Error(`${selector} shows ${await page.inputValue(selector)}, not ${date}`);
    await page.waitForTimeout(100);
  }
}

/** Picks an option of an antd Select by its text. */
export async function pick(page: Page, selector: string, option: string): Promise<void> {
  await page.click(selector, { force: true });
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option })
    .first()
    .click();
}

/** Clicks the radio button with this text inside a form. */
export async function choose(page: Page, form: string, text: string): Promise<void> {
  await page.locator(`#${form} label.ant-radio-button-wrapper`, { hasText: text }).first().click();
}

/** The error antd shows under a field. */
export const fieldError = (page: Page, form: string, name: string) =>
  page.locator(`#${form} .ant-form-item:has(#${name.replace(/\./g, '_')}) .ant-form-item-explain-error`);

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: true });
}

/** Nothing wider than the screen: a phone never scrolls sideways (tables scroll inside themselves). */
export async function fitsTheScreen(page: Page): Promise<boolean> {
  const [scrollWidth, innerWidth] = await page.evaluate<[number, number]>(
    '[document.documentElement.scrollWidth, window.innerWidth]',
  );
  return scrollWidth <= innerWidth + 1;
}

// The weekly one-sheet in the pages (一张纸): the manager finds last week's open problem on
// the week's sheet, ticks five tasks (a 6th is refused), saves and submits it; the county
// head reviews it from the inbox; the sheet prints on one A4 page.
import type { Browser } from 'playwright-core';
import { shanghaiDate } from '../domain/calendar';
import { weekStartOf } from '../domain/visitLog';
import { launchBrowser } from './support/browser';
import { eventually, startHarness, type Harness } from './support/harness';
import { openTask, scriptErrors, shot, signedIn } from './support/pages';

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

const thisWeek = weekStartOf(shanghaiDate(new Date()));

test('a manager fills and submits the week’s sheet; the county head reviews it; it prints on one A4 page', async () => {
  const m001 = await h.db.prisma.manager.findUniqueOrThrow({ where: { employeeNo: 'M001' } });
  const lastWeek = new Date(new Date(`${thisWeek}T00:00:00Z`).getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
  await h.db.prisma.weeklySheet.create({
    data: {
      managerId: m001.id,
      countyId: m001.countyId,
      weekStart: lastWeek,
      month: lastWeek.slice(0, 7),
      status: 'REVIEWED',
      workflowId: `weekly-sheet-${m001.id}-${lastWeek}`,
      content: { problems: [{ text: '城关片区两户断货', resolved: false }] },
    },
  });

  // HR opens the week from the list (the Monday schedule's job).
  const hr = await signedIn(h, browser, 'hr');
  await hr.goto(`${h.baseUrl}/app/#/weekly-sheets`);
  await hr.waitForSelector('#sheet-table');
  await hr.click('#open-week');
  await eventually(
    async () => (await h.db.prisma.weeklySheet.count({ where: { weekStart: thisWeek } })) === 4,
    20_000,
    'sheets',
  );

  const page = await signedIn(h, browser, 'm001');
  await openTask(h, page, 'WEEKLY_SHEET');
  await page.click('#open-sheet');
  await page.waitForSelector('#sheet-form');
  expect(await page.inputValue('#carried-in input[type=text]')).toBe('城关片区两户断货');
  await page.fill('#sheet-form #focus', '中秋旺季备货，新品铺货');
  const items = ['KEY_CUSTOMER_VISITS', 'NEW_PRODUCT_PROMOTION', 'PRICE_CHECK', 'DISPLAY', 'GROUP_MEETING'];
  for (const item of items) {
    await page.check(`#tick-list input[data-item="${item}"]`);
    await page.fill(`#tick-list input[data-how="${item}"]`, '逐户上门，当面讲解');
  }
  await page.click('#tick-list input[data-item="SALES_TRENDS"]'); // the 6th
  await page.waitForSelector('.ant-message-notice');
  expect(await page.textContent('.ant-message-notice')).toContain('最多勾选 5 项');
  expect(await page.textContent('#tick-count')).toContain('5/5');
  expect(await page.isChecked('#tick-list input[data-item="SALES_TRENDS"]')).toBe(false);
  await page.click('#carried-in .ant-switch'); // solved this week
  await page.fill('#sheet-form #mainWork', '走访 46 户，新品铺货 12 户；两户断货已补齐。');
  await page.click('#add-problem');
  await page.fill('#sheet-form #problems_0_text', '两户客户订货意愿低');
  await page.fill('#sheet-form #measures', '周三前回访两户，讲解新品政策。');
  await page.click('#save-sheet');
  await page.waitForSelector('.ant-message-notice:has-text("草稿已保存")');
  await shot(page, '85-weekly-sheet-form');
  await page.click('#submit-sheet');
  await page.waitForSelector('#sheet-view');
  // The sheet's status follows its submission a moment later; the page looks again.
  await page.waitForSelector('#sheet-status:has-text("待批阅")', { timeout: 10_000 });
  expect(await page.textContent('#sheet-status')).toContain('待批阅');
  await shot(page, '86-weekly-sheet-submitted');

  // Printed: one A4 page, without the menu.
  await page.emulateMedia({ media: 'print' });
  await shot(page, '87-weekly-sheet-print');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  await page.emulateMedia({ media: 'screen' });
  expect(scriptErrors(page)).toEqual([]);

  // The county head reads it on the review task and signs it off with a comment.
  const head = await signedIn(h, browser, 'head01');
  await openTask(h, head, 'WEEKLY_SHEET_REVIEW');
  await head.waitForSelector('#sheet-view');
  expect(await head.textContent('#sheet-view')).toContain('走访 46 户');
  await head.locator('#task-form label.ant-radio-button-wrapper', { hasText: '已阅' }).click();
  await head.fill('#task-form #comment', '措施具体，继续跟进。');
  await shot(head, '88-weekly-sheet-review');
  await head.click('#task-form button[type=submit]');
  await head.waitForSelector('#task-done');
  await eventually(
    async () =>
      (await h.db.prisma.weeklySheet.findFirstOrThrow({ where: { managerId: m001.id, weekStart: thisWeek } }))
        .status === 'REVIEWED',
    20_000,
    'reviewed',
  );
  await page.reload();
  await page.waitForSelector('#review-comment');
  expect(await page.textContent('#review-comment')).toContain('措施具体');
  expect(scriptErrors(head)).toEqual([]);
}, 180_000);

// A whole monthly cycle in the browser, in Chinese: HR opens it, the manager fills in the
// self-assessment (a bad value is shown next to its field), the inspector enters check
// results item by item, the reviewer the KPIs, the county head signs off, the city
// approver approves, and HR sees progress, the score chart and the ranking. Screenshots
// go to test-output/screenshots.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { eventually, startHarness, type Harness } from './support/harness';
import { testPassword } from './support/fixtures';
import { launchBrowser, screenshotDir } from './support/browser';

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
  fs.mkdirSync(screenshotDir, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

async function loggedIn(username: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'zh-CN' })).newPage();
  await page.goto(`${h.baseUrl}/classic/`);
  await page.fill('#f-username', username);
  await page.fill('#f-password', testPassword);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('h1:has-text("我的任务")');
  return page;
}

async function openTask(page: Page, kind: string): Promise<void> {
  await page.goto(`${h.baseUrl}/classic/#/inbox`);
  const link = page.locator(`a.task-link[data-kind="${kind}"]`).first();
  await eventually(
    async () => (await link.count()) > 0 || (await page.reload(), false),
    20_000,
    `${kind} in the inbox`,
  );
  await link.click();
  await page.waitForSelector('#task-form');
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: true });

test('a monthly cycle through the pages, role by role', async () => {
  // A wrong password is refused on the login form.
  const anon = await (await browser.newContext()).newPage();
  await anon.goto(`${h.baseUrl}/classic/`);
  await anon.fill('#f-username', 'hr');
  await anon.fill('#f-password', 'wrong-password');
  await anon.click('#login-form button[type=submit]');
  await anon.waitForSelector('.problem:has-text("用户名或密码错误")');

  // HR opens the cycle for 乙县 (one manager, m004).
  const hr = await loggedIn('hr');
  await hr.click('header a[href="#/cycles"]');
  await hr.waitForSelector('#open-cycle-form');
  await hr.selectOption('#f-type', 'MONTHLY');
  await hr.fill('#f-period', '2026-13');
  await hr.selectOption('#f-countyId', { label: '乙县' });
  await hr.click('#open-cycle-form button[type=submit]');
  await hr.waitForSelector('.field[data-field="period"].invalid .error:not(:empty)');
  await shot(hr, '01-hr-open-cycle-error');
  await hr.fill('#f-period', '2026-11');
  await hr.click('#open-cycle-form button[type=submit]');
  await hr.waitForSelector('#stage-table');

  // The manager: the self-assessment, with an out-of-range score first.
  const m004 = await loggedIn('m004');
  await openTask(m004, 'SELF_ASSESSMENT');
  // First the period plan (三自定): own KPI targets, plan and focus; a target out of range is refused next to its field.
  await m004.fill('#f-targets-salesVolumeCompletion', '102');
  await m004.fill('#f-targets-orderSuccessRate', '120');
  await m004.fill('#f-targets-basicDataMaintenance', '95');
  await m004.fill('#f-plan', '每周走访全部零售客户一次，月中复盘订货情况。');
  await m004.fill('#f-focus', '新品推介');
  await m004.click('#period-plan-form button[type=submit]');
  const targetError = m004.locator('.field[data-field="targets.orderSuccessRate"].invalid .error');
  await targetError.waitFor();
  expect(await targetError.textContent()).toBe('不能大于 100');
  await m004.fill('#f-targets-orderSuccessRate', '95');
  await m004.click('#period-plan-form button[type=submit]');
  await m004.locator('#period-plan-saved', { hasText: '已保存' }).waitFor();
  await shot(m004, '02a-manager-period-plan');
  expect(await h.db.prisma.periodPlan.count()).toBe(1);
  await m004.fill('#f-attitude', '120');
  await m004.fill('#f-knowledge', '85');
  await m004.fill('#f-skills', '80');
  await m004.fill('#f-workSummary', '本月走访零售客户 180 户，订单成功率 96%。');
  await m004.fill('#f-improvementPlan', '加强新品推介，提升数据维护的及时性。');
  await m004.click('#task-form button[type=submit]');
  // The browser leaves checking to the API (one rule, one place): its message sits next to the field.
  const error = m004.locator('.field[data-field="attitude"].invalid .error');
  await error.waitFor();
  expect(await error.textContent()).toBe('不能大于 100');
  await shot(m004, '02-manager-self-assessment-error');
  await m004.fill('#f-attitude', '90');
  await m004.click('#task-form button[type=submit]');
  await m004.waitForSelector('#task-done');

  // inspector02 is on leave: HR gives the inspection to inspector03 from the task's page.
  const inspection = await eventually(
    () => h.db.prisma.task.findFirst({ where: { kind: 'INSPECTION' } }).then((x) => x ?? undefined),
    20_000,
    'inspection task',
  );
  await hr.goto(`${h.baseUrl}/classic/#/tasks/${inspection.id}`);
  await hr.waitForSelector('#reassign-form');
  await hr.selectOption('#f-assigneeId', { label: '乙县督察员（二） (inspector03)' });
  await hr.fill('#reassign-form #f-reason', '督察员休假');
  await hr.click('#reassign-form button[type=submit]');
  await hr.waitForSelector('p:has-text("乙县督察员（二）")');

  // The inspector, item by item: first-and-last check-in failed with 5 points off.
  const inspector = await loggedIn('inspector03');
  await openTask(inspector, 'INSPECTION');
  await inspector.uncheck('#f-items-0-passed');
  await inspector.fill('#f-items-0-deduction', '5');
  await inspector.fill('#f-items-0-note', '11 月 12 日首签缺失');
  await inspector.fill('#f-items-0-evidence', 'photo:20261112-01, photo:20261112-02');
  await shot(inspector, '03-inspector-check-items');
  await inspector.click('#task-form button[type=submit]');
  await inspector.waitForSelector('#task-done');

  // The marketing reviewer: KPIs and review.
  const reviewer = await loggedIn('reviewer02');
  await openTask(reviewer, 'MARKETING_REVIEW');
  await reviewer.fill('#f-kpis-salesVolumeCompletion', '104');
  await reviewer.fill('#f-kpis-orderSuccessRate', '96');
  await reviewer.fill('#f-kpis-basicDataMaintenance', '90');
  await reviewer.fill('#f-reviewScore', '88');
  await reviewer.fill('#f-comment', '销量完成较好，数据维护需加强。');
  await reviewer.click('#task-form button[type=submit]');
  await reviewer.waitForSelector('#task-done');

  // The county head signs off; the city approver first forgets the reason to return, then approves.
  const head = await loggedIn('head02');
  await openTask(head, 'COUNTY_SIGN_OFF');
  await head.fill('#f-comment', '同意');
  await head.click('#task-form button[type=submit]');
  await head.waitForSelector('#task-done');
  const approver = await loggedIn('approver');
  await openTask(approver, 'CITY_APPROVAL');
  await approver.selectOption('#f-decision', 'return');
  await approver.click('#task-form button[type=submit]');
  await approver.waitForSelector('.form-problem');
  await shot(approver, '04-approver-return-needs-reason');
  await approver.selectOption('#f-decision', 'approve');
  await approver.fill('#f-comment', '同意发布');
  await approver.click('#task-form button[type=submit]');
  await approver.waitForSelector('#task-done');

  // HR: progress per county and stage, the chart and the ranking; then in English.
  await eventually(
    async () => (await h.db.prisma.evaluation.findFirst({ where: { stage: 'PUBLISHED' } })) ?? undefined,
    20_000,
    'published',
  );
  const cycle = await h.db.prisma.cycle.findFirstOrThrow();
  await hr.goto(`${h.baseUrl}/classic/#/cycles/${cycle.id}`);
  // The dashboard refreshes itself: the published ranking appears with the monthly star.
  await hr.waitForSelector('table.ranking td:has-text("★")', { timeout: 25_000 });
  expect(await hr.locator('#score-chart rect').count()).toBe(10);
  // 40·96.8 + 10·85 + 20·88 over 70 = 92.6, minus the 5 points of the failed check-in.
  expect(await hr.locator('table.ranking tbody tr').first().textContent()).toContain('1刘洋 (M004)87.6');
  await shot(hr, '05-hr-cycle-dashboard');
  await hr.click('#lang-switch');
  await hr.waitForSelector('h2:has-text("Ranking")');
  await shot(hr, '06-hr-cycle-dashboard-en');

  // The manager reads the result from the page the mail links to.
  const evaluation = await h.db.prisma.evaluation.findFirstOrThrow();
  await m004.goto(`${h.baseUrl}/classic/#/evaluations/${evaluation.id}`);
  await m004.waitForSelector('td:has-text("督察")');
  expect(await m004.locator('p').first().textContent()).toContain('87.6');
  await shot(m004, '07-manager-result');
}, 180_000);

test('the admin page: a staff account created, a bad e-mail shown next to its field', async () => {
  const admin = await loggedIn('admin');
  await admin.goto(`${h.baseUrl}/classic/#/admin`);
  await admin.waitForSelector('#new-user-form');
  await admin.fill('#new-user-form #f-username', 'inspector05');
  await admin.fill('#new-user-form #f-displayName', '甲县督察员（二）');
  await admin.fill('#new-user-form #f-email', 'not-an-address');
  await admin.selectOption('#new-user-form #f-roles-0-role', 'INSPECTOR');
  await admin.selectOption('#new-user-form #f-roles-0-scope', 'C01');
  await admin.fill('#new-user-form #f-password', 'a-long-password');
  await admin.click('#new-user-form button[type=submit]');
  await admin.locator('.field[data-field="email"].invalid .error').waitFor();
  await admin.fill('#new-user-form #f-email', 'inspector05@test.local');
  await admin.click('#new-user-form button[type=submit]');
  const row = admin.locator('#user-table tr[data-username="inspector05"]');
  await row.waitFor();
  expect(await row.textContent()).toContain('督察员 · C01');
  await shot(admin, '08-admin-users');
  expect(
    await h.db.prisma.userRole.count({
      where: { user: { username: 'inspector05' }, role: 'INSPECTOR', orgUnit: { code: 'C01' } },
    }),
  ).toBe(1);

  // The same account becomes C02's marketing reviewer; a city role over a county is refused next to its field.
  const inspector05 = await h.db.prisma.user.findUniqueOrThrow({ where: { username: 'inspector05' } });
  await admin.selectOption('#roles-form #f-userId', inspector05.id);
  await admin.selectOption('#roles-form #f-roles-0-role', 'HR');
  await admin.selectOption('#roles-form #f-roles-0-scope', 'C02');
  await admin.click('#roles-form button[type=submit]');
  await admin.locator('#roles-form .field[data-field="roles.0.scope"].invalid .error').waitFor();
  await admin.selectOption('#roles-form #f-roles-0-role', 'MARKETING_REVIEWER');
  await admin.click('#roles-form button[type=submit]');
  await admin.locator('#user-table tr[data-username="inspector05"]', { hasText: '营销审核员 · C02' }).waitFor();
  expect((await h.db.prisma.userRole.findMany({ where: { userId: inspector05.id } })).map((r) => r.role)).toEqual([
    'MARKETING_REVIEWER',
  ]);
  await shot(admin, '09-admin-roles-changed');
});

test('a user changes their own password on their account page', async () => {
  const page = await loggedIn('reviewer02');
  await page.click('#account-link');
  await page.waitForSelector('#password-change-form');
  await page.fill('#f-currentPassword', testPassword);
  await page.fill('#f-newPassword', '1234567890');
  await page.click('#password-change-form button[type=submit]');
  const error = page.locator('.field[data-field="newPassword"] .error');
  await error.waitFor();
  expect(await error.textContent()).toBe('密码太容易被猜到，请换一个');
  await shot(page, '10-account-weak-password');
  await page.fill('#f-currentPassword', testPassword);
  await page.fill('#f-newPassword', '营销审核 2026 新密码');
  await page.click('#password-change-form button[type=submit]');
  await page.waitForSelector('#password-changed:has-text("密码已修改")');
  await shot(page, '11-account-password-changed');
  expect(
    (await h.api('POST', '/api/auth/login', { body: { username: 'reviewer02', password: testPassword } })).status,
  ).toBe(401);
});

test('security headers on every response, and the pages and the API docs run under the CSP', async () => {
  for (const path of ['/api/health', '/api/nope', '/classic/', '/docs', '/survey/not-a-token', '/openapi.json']) {
    const res = await fetch(`${h.baseUrl}${path}`);
    expect([path, res.headers.get('content-security-policy')]).toEqual([
      path,
      expect.stringContaining("script-src 'self'"),
    ]);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  }
  const page = await (await browser.newContext()).newPage();
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
  });
  await page.goto(`${h.baseUrl}/docs`);
  await page.waitForSelector('.opblock-summary-path:has-text("/api/task-kinds")');
  await shot(page, '12-api-docs-under-csp');
  await page.goto(`${h.baseUrl}/classic/`);
  await page.waitForSelector('#login-form');
  expect(refused).toEqual([]);
});

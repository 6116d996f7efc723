// A whole monthly cycle in the web app, in Chinese, role by role: HR opens it (a bad period
// shown under its field), the manager sets the period plan and the self-assessment, HR gives
// the inspection to another inspector, the inspector deducts item by item, the reviewer
// enters KPIs with a decimal score, the county head signs off seeing the county's results,
// the city approver (seeing the county, its managers and their scores) returns it with a
// reason, the head sees the reason on the new sign-off, the approver approves; HR sees the
// dashboard, the manager the result and the bell. On a phone nothing scrolls sideways.
// Screenshots go to test-output/screenshots.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { addDays } from '../domain/calendar';
import { eventually, startHarness, type Harness } from './support/harness';
import { testPassword } from './support/fixtures';
import { launchBrowser, screenshotDir } from './support/browser';
import {
  choose,
  fieldError,
  fill,
  fitsTheScreen,
  openTask,
  phone,
  pick,
  pickDate,
  scriptErrors,
  shot,
  signedIn,
} from './support/pages';

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

test('a monthly cycle through the pages, role by role, with every decision shown', async () => {
  // A wrong password is refused in words on the login form.
  const anon = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await anon.goto(`${h.baseUrl}/app/`);
  await anon.fill('#f-username', 'hr');
  await anon.fill('#f-password', 'wrong-password');
  await anon.click('#login-form button[type=submit]');
  await anon.waitForSelector('.problem:has-text("用户名或密码错误")');

  // HR opens the cycle for 乙县 (one manager, m004); 2026-13 is refused under the period field.
  const hr = await signedIn(h, browser, 'hr');
  await hr.click('.app-sider a[href="#/cycles"]');
  await hr.waitForSelector('#open-cycle-form');
  await fill(hr, 'open-cycle-form', 'period', '2026-13');
  await pick(hr, '#open-cycle-form #countyId', '乙县');
  await hr.click('#open-cycle-form button[type=submit]');
  const periodError = fieldError(hr, 'open-cycle-form', 'period');
  await periodError.waitFor();
  expect(await periodError.textContent()).toContain('2026-11');
  await shot(hr, '01-hr-open-cycle-error');
  await fill(hr, 'open-cycle-form', 'period', '2026-11');
  await hr.click('#open-cycle-form button[type=submit]');
  await hr.waitForSelector('#stage-table');

  // The manager: the period plan (三自定), then the self-assessment; a work summary too short is refused under it.
  const m004 = await signedIn(h, browser, 'm004');
  await openTask(h, m004, 'SELF_ASSESSMENT');
  expect(await m004.locator('#task-title').textContent()).toBe('自我评价 · 刘洋（M004）');
  await fill(m004, 'period-plan-form', 'targets.salesVolumeCompletion', '102');
  await fill(m004, 'period-plan-form', 'targets.orderSuccessRate', '95');
  await fill(m004, 'period-plan-form', 'targets.basicDataMaintenance', '95');
  await fill(m004, 'period-plan-form', 'plan', '每周走访全部零售客户一次，月中复盘订货情况。');
  await fill(m004, 'period-plan-form', 'focus', '新品推介');
  await m004.click('#period-plan-form button[type=submit]');
  await m004.locator('#period-plan-saved', { hasText: '已保存' }).waitFor();
  expect(await h.db.prisma.periodPlan.count()).toBe(1);
  await fill(m004, 'task-form', 'attitude', '90');
  await fill(m004, 'task-form', 'knowledge', '85');
  await fill(m004, 'task-form', 'skills', '80');
  await fill(m004, 'task-form', 'workSummary', '走访完成');
  await fill(m004, 'task-form', 'improvementPlan', '加强新品推介，提升数据维护的及时性。');
  await m004.click('#task-form button[type=submit]');
  // The browser leaves the rule to the API (one rule, one place): its words sit under the field.
  const summaryError = fieldError(m004, 'task-form', 'workSummary');
  await summaryError.waitFor();
  expect(await summaryError.textContent()).toBe('至少 10 个字');
  await shot(m004, '02-manager-self-assessment-error');
  await fill(m004, 'task-form', 'workSummary', '本月走访零售客户 180 户，订单成功率 96%。');
  await m004.click('#task-form button[type=submit]');
  await m004.waitForSelector('#task-done');
  await m004.locator('#task-status', { hasText: '已提交' }).waitFor();

  // inspector02 is on leave: HR gives the inspection to inspector03 from the task's page.
  const inspection = await eventually(
    () => h.db.prisma.task.findFirst({ where: { kind: 'INSPECTION' } }).then((x) => x ?? undefined),
    20_000,
    'inspection task',
  );
  await hr.goto(`${h.baseUrl}/app/#/tasks/${inspection.id}`);
  await hr.waitForSelector('#reassign-form');
  // First HR moves its due date by three days: the page shows the new date and the timeline says so.
  const extendedTo = addDays(inspection.dueDate, 3);
  await pickDate(hr, '#extend-form #dueDate', extendedTo);
  await fill(hr, 'extend-form', 'reason', '督察员外出培训');
  await hr.click('#extend-form button[type=submit]');
  await hr.locator('#task-due', { hasText: extendedTo }).waitFor();
  await hr.locator('#task-timeline', { hasText: `截止日期由 ${inspection.dueDate} 延至 ${extendedTo}` }).waitFor();
  await pick(hr, '#reassign-form #assigneeId', '乙县督察员（二）');
  await fill(hr, 'reassign-form', 'reason', '督察员休假');
  await hr.click('#reassign-form button[type=submit]');
  await hr.locator('#task-timeline', { hasText: '由 乙县督察员 转办给 乙县督察员（二），理由：督察员休假' }).waitFor();
  // A self-assessment stays the manager's: HR is offered no reassignment for it.
  const self = await h.db.prisma.task.findFirstOrThrow({ where: { kind: 'SELF_ASSESSMENT' } });
  await hr.goto(`${h.baseUrl}/app/#/tasks/${self.id}`);
  await hr.waitForSelector('#submission');
  expect(await hr.locator('#reassign-form').count()).toBe(0);
  expect(await hr.locator('#submission').textContent()).toContain('本月走访零售客户 180 户');

  // The inspector, item by item: first-and-last check-in failed with 5 points off.
  const inspector = await signedIn(h, browser, 'inspector03');
  await openTask(h, inspector, 'INSPECTION');
  await inspector.locator('#task-form button.ant-switch').first().click();
  await fill(inspector, 'task-form', 'items.0.deduction', '5');
  await fill(inspector, 'task-form', 'items.0.note', '11 月 12 日首签缺失');
  await shot(inspector, '03-inspector-check-items');
  await inspector.click('#task-form button[type=submit]');
  await inspector.waitForSelector('#task-done');

  // The marketing reviewer: KPIs and a review score with a decimal (88.5 is a valid score).
  const reviewer = await signedIn(h, browser, 'reviewer02');
  await openTask(h, reviewer, 'MARKETING_REVIEW');
  await fill(reviewer, 'task-form', 'kpis.salesVolumeCompletion', '104');
  await fill(reviewer, 'task-form', 'kpis.orderSuccessRate', '96');
  await fill(reviewer, 'task-form', 'kpis.basicDataMaintenance', '90');
  await fill(reviewer, 'task-form', 'reviewScore', '88.5');
  await fill(reviewer, 'task-form', 'comment', '销量完成较好，数据维护需加强。');
  await reviewer.click('#task-form button[type=submit]');
  await reviewer.waitForSelector('#task-done');

  // The county head: the inbox row names the county; the sign-off lists its managers with their scores.
  const head = await signedIn(h, browser, 'head02');
  await openTask(h, head, 'COUNTY_SIGN_OFF');
  const results = head.locator('#county-results');
  await results.waitFor();
  // 40·96.8 + 10·85 + 20·88.5 over 70 = 92.74, minus the 5 points of the failed check-in.
  expect(await results.textContent()).toContain('刘洋（M004）');
  expect(await results.textContent()).toContain('87.74');
  expect(await results.textContent()).toContain('−5');
  await shot(head, '04-head-sign-off-with-results');
  await fill(head, 'task-form', 'comment', '同意');
  await head.click('#task-form button[type=submit]');
  await head.waitForSelector('#task-done');

  // The head reads pages and mails in English from now on (saved on the account).
  await head.goto(`${h.baseUrl}/app/#/account`);
  await head.locator('#account-language label', { hasText: 'English' }).click();
  await head.waitForSelector('#language-saved');
  expect((await h.db.prisma.user.findUniqueOrThrow({ where: { username: 'head02' } })).language).toBe('en');

  // The city approver: the county named, its managers and their composite listed, the head's comment.
  const approver = await signedIn(h, browser, 'approver');
  await openTask(h, approver, 'CITY_APPROVAL');
  expect(await approver.locator('#task-title').textContent()).toBe('市级审批 · 乙县');
  expect(await approver.locator('#county-results').textContent()).toContain('87.74');
  expect(await approver.locator('#head-comment').textContent()).toBe('同意');
  await shot(approver, '05-approver-approval-card');
  // Returning needs a reason: said under the field before anything is sent.
  await choose(approver, 'task-form', '退回');
  await approver.click('#task-form button[type=submit]');
  await fieldError(approver, 'task-form', 'reason').waitFor();
  await fill(approver, 'task-form', 'reason', '督察扣分缺少佐证，请核实。');
  await approver.click('#task-form button[type=submit]');
  await approver.waitForSelector('#task-done');

  // Round 2: the head's new sign-off says why it came back; its mail came in English.
  await h.smtp.waitFor((m) =>
    m.some(
      (x) =>
        x.to.includes('head02@test.local') && x.subject.startsWith('[Kaoping]') && x.text.includes('督察扣分缺少佐证'),
    ),
  );
  const [first, ...later] = h.smtp.to('head02@test.local').map((x) => x.subject);
  expect(first).toMatch(/^【考评】请完成/);
  expect(later.length).toBeGreaterThan(0);
  for (const subject of later) expect(subject).toMatch(/^\[Kaoping\]/);
  await openTask(h, head, 'COUNTY_SIGN_OFF');
  await head.locator('#return-reason', { hasText: 'Returned by the city in the previous round' }).waitFor();
  expect(await head.locator('#return-reason').textContent()).toContain('督察扣分缺少佐证，请核实。');
  await shot(head, '06-head-re-sign-off-return-reason-en');
  await fill(head, 'task-form', 'comment', '已补充佐证');
  await head.click('#task-form button[type=submit]');
  await head.waitForSelector('#task-done');

  // The approver approves; the chain shows every step by round.
  await openTask(h, approver, 'CITY_APPROVAL');
  await approver.locator('#approval-chain', { hasText: '第 2 轮' }).first().waitFor();
  expect(await approver.locator('#approval-chain').textContent()).toContain('退回');
  await choose(approver, 'task-form', '批准');
  await fill(approver, 'task-form', 'comment', '同意发布');
  await approver.click('#task-form button[type=submit]');
  await approver.waitForSelector('#task-done');

  // HR: totals, progress, the chart and the published ranking with the star; then in English.
  await eventually(
    async () => (await h.db.prisma.evaluation.findFirst({ where: { stage: 'PUBLISHED' } })) ?? undefined,
    20_000,
    'published',
  );
  const cycle = await h.db.prisma.cycle.findFirstOrThrow();
  await hr.goto(`${h.baseUrl}/app/#/cycles/${cycle.id}`);
  await hr.locator('.ranking td', { hasText: '★' }).waitFor({ timeout: 25_000 });
  expect(await hr.locator('#score-chart svg').count()).toBe(1);
  expect(await hr.locator('.ranking tbody tr.ant-table-row').first().textContent()).toContain('刘洋（M004）87.74');
  await shot(hr, '07-hr-cycle-dashboard');
  await hr.locator('#lang-switch label', { hasText: 'EN' }).click();
  await hr.locator('.ant-card-head-title', { hasText: 'Ranking' }).waitFor();
  await shot(hr, '08-hr-cycle-dashboard-en');
  // The results as a file, from the English page: English headers, every component with its
  // share, the deductions, the composite, who signed off and approved.
  const hrToken = await h.login('hr');
  const csv = await fetch(`${h.baseUrl}/api/cycles/${cycle.id}/results?format=csv`, {
    headers: { authorization: `Bearer ${hrToken}`, 'accept-language': 'en' },
  }).then((r) => r.text());
  const [csvHeader, ...csvRows] = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(csvHeader).toBe(
    'County,Rank,Rank from bottom,Cohort,Employee no.,Name,Performance (57.1%),Self-evaluation (14.3%),' +
      'Marketing review (28.6%),' +
      'Inspection deductions,Complaint deductions,Satisfaction rate (%),Composite,Star change,Star of the month,Flags,Bottom-ranking flag,' +
      'Signed off by,Signed off at,Approved by,Approved at,Objection,Stage',
  );
  const m004Row = csvRows.find((r) => r.includes('M004'))!;
  expect(m004Row).toMatch(/^County B,1,\d+,\d+,M004,刘洋,96\.8,[\d.]+,88\.5,5,,,87\.74,/);
  expect(m004Row).toMatch(
    /,乙县负责人,\d{4}-\d\d-\d\d \d\d:\d\d,市局考评组 陈明,\d{4}-\d\d-\d\d \d\d:\d\d,,Published$/,
  );

  // The manager: the bell counts the unread notices (the result among them); opening one reads it.
  const m004User = await h.db.prisma.user.findUniqueOrThrow({ where: { username: 'm004' } });
  const unread = await h.db.prisma.notice.count({ where: { userId: m004User.id, readAt: null } });
  expect(unread).toBeGreaterThan(0);
  await m004.goto(`${h.baseUrl}/app/#/inbox`);
  await m004.reload();
  await m004.locator('#notice-count .ant-badge-count', { hasText: String(unread) }).waitFor();
  await m004.click('#notice-count button');
  await m004.locator('#notice-list .notice-unread', { hasText: '考评结果' }).first().click();
  await m004.waitForSelector('#breakdown');
  // The result explained: the composite line by line, the failed check item, what was said.
  expect(await m004.locator('#composite').textContent()).toBe('87.74');
  const breakdown = await m004.locator('#breakdown').textContent();
  for (const figure of ['经营业绩', '96.8', '55.31', '营销部审核', '88.5', '25.29', '92.74', '−5', '87.74'])
    expect(breakdown).toContain(figure);
  expect(await m004.locator('#inspection-items').textContent()).toContain('11 月 12 日首签缺失');
  const comments = await m004.locator('#comments').textContent();
  expect(comments).toContain('销量完成较好，数据维护需加强。');
  expect(comments).toContain('督察扣分缺少佐证，请核实。');
  expect(comments).toContain('同意发布');
  await shot(m004, '09-manager-result-from-the-bell');
  await m004.locator('#notice-count .ant-badge-count', { hasText: String(unread - 1) }).waitFor();

  // On a phone: the inbox and the approval card fit the screen, the menu folds away.
  const phoneHead = await signedIn(h, browser, 'head02', phone);
  await phoneHead.goto(`${h.baseUrl}/app/#/inbox`);
  await phoneHead.locator('.ant-tabs-tab', { hasText: 'All' }).click();
  await phoneHead.waitForSelector('a.task-link');
  expect(await fitsTheScreen(phoneHead)).toBe(true);
  await shot(phoneHead, '10-phone-inbox');
  await phoneHead.locator('a.task-link[data-kind="COUNTY_SIGN_OFF"]').first().click();
  await phoneHead.waitForSelector('#county-results');
  expect(await fitsTheScreen(phoneHead)).toBe(true);
  await shot(phoneHead, '11-phone-sign-off');

  for (const page of [hr, m004, inspector, reviewer, head, approver, phoneHead]) expect(scriptErrors(page)).toEqual([]);
}, 240_000);

test('the result sheet (考评表): the A4 page from the result, its PDF with Chinese text, the county’s sheets', async () => {
  const evaluation = await h.db.prisma.evaluation.findFirstOrThrow({
    where: { manager: { employeeNo: 'M004' }, stage: 'PUBLISHED' },
  });
  // From the result page: the sheet in its frame, with the components, the inspection and the signature lines.
  const m004 = await signedIn(h, browser, 'm004');
  await m004.goto(`${h.baseUrl}/app/#/evaluations/${evaluation.id}`);
  await m004.click('#sheet-link');
  const sheet = m004.frameLocator('#sheet-frame');
  await sheet.locator('h1').waitFor();
  const text = (await sheet.locator('body').textContent())!;
  expect(await sheet.locator('h1').textContent()).toBe('测试市 客户经理考评表');
  for (const words of [
    '刘洋',
    'M004',
    '经营业绩',
    '96.80',
    '加权合计',
    '92.74',
    '−5.00',
    '87.74',
    '11 月 12 日首签缺失',
    '销量完成较好，数据维护需加强。',
    '县级审核',
    '乙县负责人',
    '市局考评组 陈明',
    '客户经理（签字）',
    '县区负责人（签字）',
  ])
    expect(text).toContain(words);
  await shot(m004, '58-result-sheet');

  // The PDF, printed on the server: pdftotext reads the Chinese back, pdftoppm renders page 1.
  const token = await h.login('m004');
  const res = await fetch(`${h.baseUrl}/api/evaluations/${evaluation.id}/sheet?format=pdf`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('2026-11-M004-刘洋'));
  const file = path.join(screenshotDir, '59-result-sheet.pdf');
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  const pdfText = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  for (const words of ['测试市 客户经理考评表', '刘洋', '87.74', '督察检查', '客户经理（签字）', '1/1'])
    expect(pdfText).toContain(words);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', file, path.join(screenshotDir, '59-result-sheet-pdf')]);
  expect(fs.statSync(path.join(screenshotDir, '59-result-sheet-pdf.png')).size).toBeGreaterThan(10_000);

  // The county's sheets in one PDF, for its head; another county's head may not print them; in English on request.
  const county = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C02' } });
  const sheets = (who: string, query: string, lang = 'zh-CN') =>
    h.login(who).then((t) =>
      fetch(`${h.baseUrl}/api/cycles/${evaluation.cycleId}/sheets?${query}`, {
        headers: { authorization: `Bearer ${t}`, 'accept-language': lang },
      }),
    );
  const countyPdf = await sheets('head02', `countyId=${county.id}&format=pdf`);
  expect(countyPdf.status).toBe(200);
  expect((await countyPdf.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
  expect((await sheets('head01', `countyId=${county.id}`)).status).toBe(403);
  expect((await sheets('hr', `countyId=${county.id}&format=docx`)).status).toBe(400);
  const english = await (await sheets('hr', `countyId=${county.id}`, 'en')).text();
  expect(english).toContain('Customer manager evaluation sheet');
  expect(english).toContain('Inspection deductions');
  expect((await sheets('hr', 'format=html')).status).toBe(200); // a county cycle names its county itself

  // HR opens the county's sheets from the cycle's ranking.
  const hr = await signedIn(h, browser, 'hr');
  await hr.goto(`${h.baseUrl}/app/#/cycles/${evaluation.cycleId}`);
  await hr.click('a.county-sheets');
  await hr.frameLocator('#sheet-frame').locator('section.sheet').first().waitFor();
  expect(await hr.frameLocator('#sheet-frame').locator('section.sheet').count()).toBe(
    await h.db.prisma.evaluation.count({ where: { cycleId: evaluation.cycleId, countyId: county.id } }),
  );
  for (const page of [m004, hr]) expect(scriptErrors(page)).toEqual([]);
}, 120_000);

test('the inbox tells every row apart: kind, who or what, cycle, due date; filters and counts', async () => {
  const hrToken = await h.login('hr');
  const counties = await h.db.prisma.orgUnit.findMany({ where: { kind: 'COUNTY' } });
  for (const c of counties)
    expect(
      (
        await h.api('POST', '/api/cycles', {
          token: hrToken,
          body: { type: 'MONTHLY', period: '2026-10', countyId: c.id },
        })
      ).status,
    ).toBeLessThan(300);
  const inspectorId = (await h.db.prisma.user.findUniqueOrThrow({ where: { username: 'inspector01' } })).id;
  await eventually(
    async () =>
      (await h.db.prisma.task.count({ where: { assigneeId: inspectorId, status: 'OPEN' } })) >= 3 ? true : undefined,
    20_000,
    'three inspections for inspector01',
  );
  const page = await signedIn(h, browser, 'inspector01');
  await page.goto(`${h.baseUrl}/app/#/inbox`);
  await page.waitForSelector('a.task-link');
  const rows = await page.locator('#inbox-table tbody tr.ant-table-row').allTextContents();
  expect(rows).toHaveLength(3);
  expect(new Set(rows).size).toBe(3);
  for (const r of rows) expect(r).toMatch(/^督察检查.+（M00\d） ?甲县月度 2026-10/);
  expect(await page.locator('[data-status="OPEN"]').textContent()).toContain('3');
  await page.fill('#inbox-search', 'M002');
  await page.press('#inbox-search', 'Enter');
  await page.locator('#inbox-table tbody tr.ant-table-row', { hasText: 'M002' }).waitFor();
  await eventually(
    async () => ((await page.locator('#inbox-table tbody tr.ant-table-row').count()) === 1 ? true : undefined),
    5000,
    'one row',
  );
  await shot(page, '12-inbox-search');
});

test('the admin page: a staff account created, a bad e-mail shown under its field', async () => {
  const admin = await signedIn(h, browser, 'admin');
  await admin.goto(`${h.baseUrl}/app/#/admin`);
  await admin.waitForSelector('#new-user-form');
  await fill(admin, 'new-user-form', 'username', 'inspector05');
  await fill(admin, 'new-user-form', 'displayName', '甲县督察员（二）');
  await fill(admin, 'new-user-form', 'email', 'not-an-address');
  await pick(admin, '#new-user-form #roles_0_role', '督察员');
  await pick(admin, '#new-user-form #roles_0_scope', 'C01');
  await fill(admin, 'new-user-form', 'password', 'a-long-password');
  await admin.click('#new-user-form button[type=submit]');
  await fieldError(admin, 'new-user-form', 'email').waitFor();
  await fill(admin, 'new-user-form', 'email', 'inspector05@test.local');
  await admin.click('#new-user-form button[type=submit]');
  const row = admin.locator('#user-table tr[data-username="inspector05"]');
  await row.waitFor();
  expect(await row.textContent()).toContain('督察员 · 甲县');
  await shot(admin, '13-admin-users');
  expect(
    await h.db.prisma.userRole.count({
      where: { user: { username: 'inspector05' }, role: 'INSPECTOR', orgUnit: { code: 'C01' } },
    }),
  ).toBe(1);
});

test('a user changes their own password on their account page', async () => {
  const page = await signedIn(h, browser, 'reviewer01');
  await page.click('#account-link');
  await page.locator('.ant-dropdown-menu-item', { hasText: '我的账号' }).click();
  await page.waitForSelector('#password-change-form');
  await fill(page, 'password-change-form', 'currentPassword', testPassword);
  await fill(page, 'password-change-form', 'newPassword', '1234567890');
  await page.click('#password-change-form button[type=submit]');
  const error = fieldError(page, 'password-change-form', 'newPassword');
  await error.waitFor();
  expect(await error.textContent()).toBe('密码太容易被猜到，请换一个');
  await fill(page, 'password-change-form', 'currentPassword', testPassword);
  await fill(page, 'password-change-form', 'newPassword', '营销审核 2026 新密码');
  await page.click('#password-change-form button[type=submit]');
  await page.waitForSelector('#password-changed:has-text("密码已修改")');
  await shot(page, '14-account-password-changed');
  expect(
    (await h.api('POST', '/api/auth/login', { body: { username: 'reviewer01', password: testPassword } })).status,
  ).toBe(401);
});

test('signed in across tabs for the session; signing out in one tab signs out the other', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const first = await context.newPage();
  await first.goto(`${h.baseUrl}/app/`);
  await first.fill('#f-username', 'hr');
  await first.fill('#f-password', testPassword);
  await first.click('#login-form button[type=submit]');
  await first.waitForSelector('.app-header');
  // A mail link opened in a new tab is signed in.
  const second = await context.newPage();
  await second.goto(`${h.baseUrl}/app/#/cycles`);
  await second.waitForSelector('#open-cycle-form');
  await first.click('#account-link');
  // (hr chose English in the first test: the language lives on the account.)
  await first.locator('.ant-dropdown-menu-item', { hasText: /退出登录|Sign out/ }).click();
  await first.waitForSelector('#login-form');
  await second.waitForSelector('#login-form');
});

test('security headers on every response, and the app and the API docs run under the CSP', async () => {
  for (const path of ['/api/health', '/api/nope', '/app/', '/docs', '/survey/not-a-token', '/openapi.json']) {
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
  await shot(page, '15-api-docs-under-csp');
  await page.goto(`${h.baseUrl}/app/`);
  await page.waitForSelector('#login-form');
  expect((await fetch(`${h.baseUrl}/app/favicon.svg`)).status).toBe(200);
  expect(refused).toEqual([]);
});

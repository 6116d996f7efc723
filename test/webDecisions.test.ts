// The decisions beyond the monthly sign-off, in the web app, each showing what is decided:
// the bottom-ranking decision and approval (the manager, their employment type, the months
// and ranks behind the flag, only the actions the rules allow), the quarterly sign-off's
// recommendation picked from the county's results, and the annual grade sign-off with the
// quota impact of each ticked approval shown before the button.
import type { Browser } from 'playwright-core';
import { defaultTemplateConfig, type TemplateConfig } from '../domain/templates';
import { addDays, shanghaiDate } from '../domain/calendar';
import { eventually, publishCountyCycle, startHarness, type Harness } from './support/harness';
import { launchBrowser } from './support/browser';
import {
  choose,
  fieldError,
  fill,
  openTask,
  pick,
  phone,
  fitsTheScreen,
  scriptErrors,
  shot,
  signedIn,
} from './support/pages';

const selfOnly = (type: 'MONTHLY' | 'QUARTERLY' | 'ANNUAL'): TemplateConfig => {
  const t = defaultTemplateConfig(type);
  return { ...t, tasks: { SELF_ASSESSMENT: t.tasks.SELF_ASSESSMENT! } };
};

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  [h, browser] = await Promise.all([
    startHarness({
      templates: { MONTHLY: selfOnly('MONTHLY'), QUARTERLY: selfOnly('QUARTERLY'), ANNUAL: selfOnly('ANNUAL') },
    }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

// 甲县: M001 first, M002 (contract staff) and M003 (formal staff) the bottom two, twice.
const selfScores = { m001: 95, m002: 80, m003: 70 };

test('bottom-ranking: HR decides seeing the manager, the months and the allowed actions; the city approves', async () => {
  await publishCountyCycle(h, { type: 'MONTHLY', period: '2026-10', countyCode: 'C01', selfScores });
  await publishCountyCycle(h, { type: 'MONTHLY', period: '2026-11', countyCode: 'C01', selfScores });
  await eventually(
    async () => ((await h.db.prisma.bottomRankCase.count()) === 2 ? true : undefined),
    20_000,
    'two cases',
  );

  const hr = await signedIn(h, browser, 'hr');
  await hr.goto(`${h.baseUrl}/app/#/inbox`);
  await eventually(
    async () =>
      (await hr.locator('a.task-link[data-kind="BOTTOM_RANK_DECISION"]').count()) === 2
        ? true
        : (await hr.reload(), undefined),
    20_000,
    'two decisions in the inbox',
  );
  // Two rows of the same kind, told apart by the manager.
  const rows = await hr.locator('#inbox-table tbody tr.ant-table-row').allTextContents();
  expect(
    rows
      .filter((r) => r.includes('末位淘汰处理意见'))
      .map((r) => r.match(/（M00\d）/)?.[0])
      .sort(),
  ).toEqual(['（M002）', '（M003）']);
  await shot(hr, '21-hr-inbox-two-cases');

  // The formal manager (M003): no contract end on offer.
  await hr.locator('#inbox-table tr.ant-table-row', { hasText: 'M003' }).locator('a.task-link').click();
  await hr.waitForSelector('#case-card');
  const card = await hr.locator('#case-card').textContent();
  expect(card).toContain('张敏（M003）');
  expect(card).toContain('正式员工');
  expect(card).toContain('连续两个月排名后两位');
  expect(card).toContain('2026-10');
  expect(card).toContain('2026-11');
  // The form shows once its draft (if any) is loaded: wait for its options before reading them.
  await hr.locator('#task-form label.ant-radio-button-wrapper').first().waitFor();
  const options = await hr.locator('#task-form label.ant-radio-button-wrapper').allTextContents();
  expect(options).toEqual(['待岗学习', '换岗', '不处理']);
  await shot(hr, '22-hr-bottom-rank-decision-formal');
  await choose(hr, 'task-form', '待岗学习');
  await fill(hr, 'task-form', 'reason', '连续两个月排名后两位，安排待岗学习一个月。');
  await hr.click('#task-form button[type=submit]');
  await hr.waitForSelector('#task-done');
  // Decided the day it opened: the approval (5 days) is still not due before the decision was (10 days).
  const due = async (kind: string) =>
    h.db.prisma.task.findFirst({ where: { kind: kind as never, bottomRankCase: { manager: { employeeNo: 'M003' } } } });
  const approvalTask = await eventually(
    async () => (await due('BOTTOM_RANK_APPROVAL')) ?? undefined,
    20_000,
    'approval',
  );
  expect(approvalTask.dueDate).toBe((await due('BOTTOM_RANK_DECISION'))!.dueDate);

  // The contract manager (M002): contract end is among the options.
  await openTask(h, hr, 'BOTTOM_RANK_DECISION');
  expect(await hr.locator('#case-card').textContent()).toContain('聘用工');
  await hr.locator('#task-form label.ant-radio-button-wrapper', { hasText: '解聘' }).waitFor();

  // The city approver sees the manager and HR's decision in the chain before approving.
  const approver = await signedIn(h, browser, 'approver');
  await openTask(h, approver, 'BOTTOM_RANK_APPROVAL');
  expect(await approver.locator('#task-title').textContent()).toBe('末位淘汰处理审批 · 张敏（M003）');
  expect(await approver.locator('#approval-chain').textContent()).toContain('待岗学习');
  expect(await approver.locator('#approval-chain').textContent()).toContain('安排待岗学习一个月');
  await shot(approver, '23-approver-bottom-rank-approval');
  await choose(approver, 'task-form', '批准');
  await approver.click('#task-form button[type=submit]');
  await approver.waitForSelector('#task-done');
  await eventually(
    async () => (await h.db.prisma.bottomRankCase.findFirst({ where: { status: 'DECIDED' } })) ?? undefined,
    20_000,
    'case decided',
  );
  await hr.goto(`${h.baseUrl}/app/#/cases`);
  await hr.locator('#case-table tr.ant-table-row', { hasText: '已决定' }).waitFor();
  expect(await hr.locator('#case-table').textContent()).not.toMatch(/DECIDED|HR_DECISION|consecutive/);

  // M003's November result: its history across the two months, as a trend.
  const november = await h.db.prisma.evaluation.findFirstOrThrow({
    where: { manager: { employeeNo: 'M003' }, cycle: { period: '2026-11' } },
  });
  await hr.goto(`${h.baseUrl}/app/#/evaluations/${november.id}`);
  await hr.waitForSelector('#history-chart svg');
  expect(await hr.locator('#history tr.ant-table-row').count()).toBe(2);
  expect(await hr.locator('#breakdown').textContent()).toContain('70');
  await shot(hr, '24a-result-with-history');
  for (const page of [hr, approver]) expect(scriptErrors(page)).toEqual([]);
}, 180_000);

test('quarterly: the head picks the recommended manager from the results; the approver sees it', async () => {
  const county = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C01' } });
  const opened = await h.api('POST', '/api/cycles', {
    token: await h.login('hr'),
    body: { type: 'QUARTERLY', period: '2026-Q4', countyId: county.id },
  });
  expect(opened.status).toBe(201);
  const cycleId: string = opened.body.id;
  const tasks = await eventually(
    async () => {
      const t = await h.db.prisma.task.findMany({
        where: { cycleId, kind: 'SELF_ASSESSMENT' },
        include: { assignee: true },
      });
      return t.length === 3 ? t : undefined;
    },
    20_000,
    'quarterly self-assessments',
  );
  for (const t of tasks) {
    const n = selfScores[t.assignee.username as keyof typeof selfScores];
    await h.api('POST', `/api/tasks/${t.id}/submission`, {
      token: await h.login(t.assignee.username),
      body: {
        attitude: n,
        knowledge: n,
        skills: n,
        workSummary: '本季度完成全部走访计划。',
        improvementPlan: '加强终端建设与数据维护。',
      },
    });
  }
  const head = await signedIn(h, browser, 'head01');
  await openTask(h, head, 'COUNTY_SIGN_OFF');
  await head.waitForSelector('#county-results');
  // Without a recommendation the sign-off is refused, in words, under the field.
  await head.click('#task-form button[type=submit]');
  await fieldError(head, 'task-form', 'recommendedManagerId').waitFor();
  await pick(head, '#task-form #recommendedManagerId', '王伟（M001）');
  await fill(head, 'task-form', 'comment', '推荐王伟为本季度优秀客户经理。');
  await shot(head, '24-head-quarterly-recommendation');
  await head.click('#task-form button[type=submit]');
  await head.waitForSelector('#task-done');

  const approver = await signedIn(h, browser, 'approver');
  await openTask(h, approver, 'CITY_APPROVAL');
  const results = approver.locator('#county-results');
  await results.locator('.ant-tag', { hasText: '推荐优秀客户经理' }).waitFor();
  expect(await results.locator('tr.ant-table-row', { hasText: '推荐优秀客户经理' }).textContent()).toContain('M001');
  await shot(approver, '25-approver-quarterly-approval');
  // The same card on a phone fits the screen.
  const phoneApprover = await signedIn(h, browser, 'approver', phone);
  await openTask(h, phoneApprover, 'CITY_APPROVAL');
  await phoneApprover.waitForSelector('#county-results');
  expect(await fitsTheScreen(phoneApprover)).toBe(true);
  await shot(phoneApprover, '26-phone-quarterly-approval');
}, 120_000);

test('annual grade sign-off: the quota impact of the ticked approvals, before the button', async () => {
  await publishCountyCycle(h, { type: 'ANNUAL', period: '2026', countyCode: 'C01', selfScores });
  const proposal = await eventually(
    () => h.db.prisma.task.findFirst({ where: { kind: 'GRADE_PROPOSAL' } }).then((x) => x ?? undefined),
    20_000,
    'grade proposal',
  );
  const m = Object.fromEntries((await h.db.prisma.manager.findMany()).map((x) => [x.employeeNo, x]));
  const today = shanghaiDate(new Date(await h.env.currentTimeMs()));
  const proposed = await h.api('POST', `/api/tasks/${proposal.id}/submission`, {
    token: await h.login('head01'),
    body: {
      effectiveDate: addDays(today, 40),
      proposals: [
        { managerId: m.M001!.id, proposedGrade: 'SENIOR_C', reason: '年度综合排名第一' },
        { managerId: m.M002!.id, proposedGrade: 'MIDDLE_C', reason: '业绩突出' },
        { managerId: m.M003!.id, proposedGrade: 'JUNIOR_C', reason: '见习期满' },
      ],
    },
  });
  expect(proposed.status).toBe(201);

  // Four managers: senior cap 20% × 4 = 1 (M004 holds it), middle 2, junior 1.
  const approver = await signedIn(h, browser, 'approver');
  await openTask(h, approver, 'GRADE_SIGN_OFF');
  const impact = approver.locator('#quota-impact');
  await impact.waitFor();
  const senior = impact.locator('.quota-after[data-level="SENIOR"]');
  expect(await senior.textContent()).toContain('1 / 1');
  const rows = approver.locator('#task-form tr.ant-table-row');
  for (const no of ['M001', 'M002', 'M003'])
    await rows.filter({ hasText: no }).locator('label.ant-radio-button-wrapper', { hasText: '批准' }).click();
  // Approving M001 too would make 2 senior of a cap of 1: said before anything is sent.
  expect(await senior.textContent()).toContain('2 / 1');
  expect(await senior.textContent()).toContain('超出上限 1');
  await shot(approver, '27-approver-grade-sign-off-over-quota');
  await rows.filter({ hasText: 'M001' }).locator('label.ant-radio-button-wrapper', { hasText: '不同意' }).click();
  await rows.filter({ hasText: 'M001' }).locator('input[placeholder="理由"]').fill('高级名额已满，明年再议');
  expect(await senior.textContent()).toContain('1 / 1');
  expect(await senior.textContent()).toContain('在上限内');
  await shot(approver, '28-approver-grade-sign-off-within-quota');
  await approver.click('#task-form button[type=submit]');
  await approver.waitForSelector('#task-done');
  const decided = await h.db.prisma.gradeChange.findMany({
    include: { manager: true },
    orderBy: { manager: { employeeNo: 'asc' } },
  });
  expect(decided.map((c) => [c.manager.employeeNo, c.status])).toEqual([
    ['M001', 'REJECTED'],
    ['M002', 'APPROVED'],
    ['M003', 'APPROVED'],
  ]);
  expect(scriptErrors(approver)).toEqual([]);
}, 180_000);

test('batch approval: the approver ticks two counties, each approved and recorded on its own', async () => {
  await publishCountyCycle(h, {
    type: 'MONTHLY',
    period: '2026-09',
    countyCode: 'C01',
    selfScores,
    untilCityApproval: true,
  });
  await publishCountyCycle(h, {
    type: 'MONTHLY',
    period: '2026-09',
    countyCode: 'C02',
    selfScores: { m004: 88 },
    untilCityApproval: true,
  });
  const approver = await signedIn(h, browser, 'approver');
  await approver.click('.app-sider a[href="#/approvals"]');
  // (The quarterly approval of the test before is still open: this batch takes September's two.)
  const rows = approver.locator('#batch-table tr.ant-table-row', { hasText: '2026-09' });
  await eventually(async () => ((await rows.count()) === 2 ? true : undefined), 10_000, 'two approvals');
  // Each row opens onto the county's results before anything is decided.
  await approver
    .locator('#batch-table tr.ant-table-row', { hasText: '乙县' })
    .locator('.ant-table-row-expand-icon')
    .click();
  await approver.locator('#county-results', { hasText: '刘洋（M004）' }).waitFor();
  await shot(approver, '29-approver-batch-expanded');
  for (const county of ['甲县', '乙县']) await rows.filter({ hasText: county }).locator('.ant-checkbox-input').check();
  await approver.fill('#batch-comment', '同意发布');
  await approver.click('#batch-approve');
  await approver.locator('.ant-modal-confirm-btns button.ant-btn-primary').click();
  await eventually(
    async () => ((await approver.locator('.batch-ok').count()) === 2 ? true : undefined),
    30_000,
    'both approved',
  );
  await approver.waitForSelector('.ant-modal-confirm', { state: 'detached' });
  await shot(approver, '30-approver-batch-done');
  const approved = await h.db.prisma.task.findMany({
    where: { kind: 'CITY_APPROVAL', cycle: { period: '2026-09' } },
    include: { submission: true },
  });
  expect(approved.map((t) => [t.status, (t.submission?.payload as { comment?: string }).comment])).toEqual([
    ['SUBMITTED', '同意发布'],
    ['SUBMITTED', '同意发布'],
  ]);
  expect(
    await h.db.prisma.auditLog.count({
      where: { action: 'task.submitted', entityId: { in: approved.map((t) => t.id) } },
    }),
  ).toBe(2);
}, 120_000);

// The objection in the pages (申诉): the manager objects on the result page, the county head
// and the city see the objection and the composite and rank a new score gives, and the
// result page shows the trail and the change.
import type { Browser } from 'playwright-core';
import { defaultTemplateConfig } from '../domain/templates';
import { launchBrowser } from './support/browser';
import { eventually, publishCountyCycle, startHarness, type Harness } from './support/harness';
import { choose, fill, openTask, scriptErrors, shot, signedIn } from './support/pages';

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  const t = defaultTemplateConfig('MONTHLY');
  [h, browser] = await Promise.all([
    startHarness({ templates: { MONTHLY: { ...t, tasks: { SELF_ASSESSMENT: t.tasks.SELF_ASSESSMENT! } } } }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

test('a manager objects, the county proposes 90, the city adjusts: 70 → 90, rank 3 → 2', async () => {
  const cycleId = await publishCountyCycle(h, {
    type: 'MONTHLY',
    period: '2026-11',
    countyCode: 'C01',
    selfScores: { m001: 95, m002: 80, m003: 70 },
  });
  const evaluation = await h.db.prisma.evaluation.findFirstOrThrow({
    where: { cycleId, manager: { user: { username: 'm003' } } },
  });
  const manager = await signedIn(h, browser, 'm003');
  await manager.goto(`${h.baseUrl}/app/#/evaluations/${evaluation.id}`);
  await manager.waitForSelector('#objection-form');
  expect(await manager.locator('#objection').textContent()).toContain('5 天内');
  await manager.locator('#objection-form label.ant-checkbox-wrapper', { hasText: '自我评价' }).click();
  await fill(manager, 'objection-form', 'reason', '自评表第三项漏算，实际应为 90 分');
  await shot(manager, '40-objection-form');
  await manager.click('#file-objection');
  await manager.waitForSelector('#objection .ant-steps');
  expect(await manager.locator('#objection').textContent()).toContain('待县局意见');

  // The county head: the objection, the reason, and the preview of a new score.
  const head = await signedIn(h, browser, 'head01');
  await openTask(h, head, 'OBJECTION_COUNTY_REVIEW');
  expect(await head.locator('#task-title').textContent()).toContain('申诉县局意见');
  expect(await head.locator('#objection-reason').textContent()).toBe('自评表第三项漏算，实际应为 90 分');
  await choose(head, 'task-form', '调整分数');
  await head.fill('#adjust-selfEvaluation', '90');
  await eventually(
    async () => ((await head.locator('#adjustment-preview').textContent())?.includes('70 → 90') ? true : undefined),
    5_000,
    'the preview',
  );
  expect(await head.locator('#adjustment-preview').textContent()).toContain('3 → 2 / 3');
  await fill(head, 'task-form', 'reason', '核实自评表，第三项确有漏算');
  await shot(head, '41-objection-county-opinion');
  await head.click('#task-form button[type=submit]');
  await head.waitForSelector('#task-done');

  // The city sees the county's opinion and decides.
  const approver = await signedIn(h, browser, 'approver');
  await openTask(h, approver, 'OBJECTION_CITY_DECISION');
  expect(await approver.locator('#county-opinion').textContent()).toContain('调整分数');
  // Its form starts from the county's opinion: the decision and the proposed 90, the preview live.
  expect(await approver.locator('#task-form label.ant-radio-button-wrapper-checked').first().textContent()).toBe(
    '调整分数',
  );
  expect(Number(await approver.inputValue('#adjust-selfEvaluation'))).toBe(90);
  expect(await approver.locator('#adjustment-preview').textContent()).toContain('70 → 90');
  await fill(approver, 'task-form', 'reason', '同意县局意见');
  await shot(approver, '42-objection-city-decision');
  await approver.click('#task-form button[type=submit]');
  await approver.waitForSelector('#task-done');

  await eventually(
    async () =>
      (await h.db.prisma.objection.findFirst({ where: { evaluationId: evaluation.id, status: 'ADJUSTED' } })) ??
      undefined,
    20_000,
    'the adjustment',
  );
  // What the head submitted reads in words on their task, not as JSON.
  await head.reload();
  await head.waitForSelector('#submission');
  expect(await head.locator('#submission').textContent()).toContain('调整后分数 · 自我评价90');
  await manager.reload();
  await manager.waitForSelector('#objection-outcome');
  expect(await manager.locator('#composite').textContent()).toBe('90');
  expect(await manager.locator('#objection-outcome').textContent()).toContain('70 → 90');
  await shot(manager, '43-objection-adjusted');

  // HR's 申诉与沟通 page: the objection, decided, with its component; then the county's talks.
  const hr = await signedIn(h, browser, 'hr');
  await hr.goto(`${h.baseUrl}/app/#/feedback`);
  const row = hr.locator('#objection-table tr.ant-table-row');
  await row.first().waitFor();
  expect(await row.count()).toBe(1);
  const text = await row.first().innerText();
  for (const part of ['张敏（M003）', '自我评价', '已调整', '月度']) expect(text).toContain(part);
  await shot(hr, '56-feedback-objections');
  await hr.locator('#feedback-view').getByText('情感沟通').click();
  const talks = hr.locator('#talk-table tr.ant-table-row');
  await talks.first().waitFor();
  expect(await talks.count()).toBe(3);
  expect(await talks.first().innerText()).toMatch(/待谈话/);
  await shot(hr, '57-feedback-talks');
  expect([...scriptErrors(manager), ...scriptErrors(head), ...scriptErrors(approver), ...scriptErrors(hr)]).toEqual([]);
});

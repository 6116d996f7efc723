// Complaints in the pages (投诉受理): the center registers one in its drawer, the manager
// answers on the task page, the center decides seeing what a confirmation does to the month
// (81 → 79), and the result page shows the 2 points; the list and the analysis show it too.
import type { Browser } from 'playwright-core';
import { shanghaiDate } from '../domain/calendar';
import { defaultTemplateConfig } from '../domain/templates';
import { launchBrowser } from './support/browser';
import { eventually, publishCountyCycle, startHarness, type Harness } from './support/harness';
import { choose, fill, openTask, pick, pickDate, scriptErrors, shot, signedIn } from './support/pages';

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

const thisMonth = shanghaiDate(new Date()).slice(0, 7);
const lastMonth = (() => {
  const [y, m] = thisMonth.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
})();

test('the center registers a complaint, the manager answers, the center confirms it: 81 → 79 on the result', async () => {
  const cycleId = await publishCountyCycle(h, {
    type: 'MONTHLY',
    period: lastMonth,
    countyCode: 'C01',
    selfScores: { m001: 95, m002: 81, m003: 80 },
  });

  // The center's drawer: the manager found by number, the date, channel, kind, customer, what happened.
  const hr = await signedIn(h, browser, 'hr');
  await hr.goto(`${h.baseUrl}/app/#/complaints`);
  await hr.waitForSelector('#complaint-table');
  await hr.click('#register-complaint');
  await hr.waitForSelector('#complaint-form');
  await pickDate(hr, '#complaint-form #receivedOn', `${lastMonth}-20`);
  await hr.fill('#complaint-form #managerId', 'M002');
  await hr
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: 'M002' })
    .first()
    .click();
  await pick(hr, '#complaint-form #channel', '12313 热线');
  await pick(hr, '#complaint-form #kind', '服务态度');
  await fill(hr, 'complaint-form', 'customerName', '城关便利店 王老板');
  await fill(hr, 'complaint-form', 'customerPhone', '13900001234');
  await fill(hr, 'complaint-form', 'content', '上门服务时态度生硬，订货问题没有解释清楚。');
  await hr.locator('.ant-drawer-title').click(); // closes any open dropdown before the picture
  await hr
    .waitForSelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)', { state: 'detached' })
    .catch(() => undefined);
  await hr.waitForTimeout(300);
  await shot(hr, '70-complaint-register');
  await hr.click('#complaint-form button[type=submit]');
  await hr.waitForSelector('#complaint-facts');
  expect(await hr.locator('#complaint').textContent()).toContain('待客户经理说明');
  expect(await hr.locator('#complaint').textContent()).toContain(`属实则扣 ${lastMonth} 督察分 2 分`);
  const complaint = await h.db.prisma.complaint.findFirstOrThrow();
  expect(complaint).toMatchObject({ receivedOn: `${lastMonth}-20`, channel: 'HOTLINE', kind: 'ATTITUDE' });

  // The manager answers on the task page, the complaint beside the form (without the phone number).
  const manager = await signedIn(h, browser, 'm002');
  await openTask(h, manager, 'COMPLAINT_ANSWER');
  expect(await manager.locator('#task-title').textContent()).toContain('投诉情况说明');
  expect(await manager.locator('#complaint-facts').textContent()).toContain('上门服务时态度生硬');
  expect(await manager.locator('#complaint-facts').textContent()).not.toContain('13900001234');
  await fill(manager, 'task-form', 'answer', '当天系统故障，已向客户解释并道歉。');
  await shot(manager, '71-complaint-answer');
  await manager.click('#task-form button[type=submit]');
  await manager.waitForSelector('#task-done');

  // The center decides, seeing the answer and what a confirmation does to the month: 81 → 79.
  await openTask(h, hr, 'COMPLAINT_DECISION');
  expect(await hr.locator('#complaint-answer').textContent()).toBe('当天系统故障，已向客户解释并道歉。');
  expect(await hr.locator('#composite-if-confirmed').textContent()).toBe('79');
  await choose(hr, 'task-form', '属实（扣分）');
  await fill(hr, 'task-form', 'reason', '回访客户属实，服务态度问题成立');
  await shot(hr, '72-complaint-decision');
  await hr.click('#task-form button[type=submit]');
  await hr.waitForSelector('#task-done');
  await eventually(
    async () =>
      (await h.db.prisma.complaint.findFirst({ where: { id: complaint.id, status: 'CONFIRMED' } })) ?? undefined,
    20_000,
    'the confirmation',
  );

  // The manager's result: 79, the complaint's 2 points on their own line.
  const evaluation = await h.db.prisma.evaluation.findFirstOrThrow({
    where: { cycleId, manager: { user: { username: 'm002' } } },
  });
  await manager.goto(`${h.baseUrl}/app/#/evaluations/${evaluation.id}`);
  await manager.waitForSelector('#complaint-deductions');
  expect(await manager.locator('#composite').textContent()).toBe('79');
  expect(await manager.locator('#complaint-deductions').textContent()).toBe('−2');
  expect(await manager.locator('#result-complaints').textContent()).toContain('服务态度');
  await shot(manager, '73-complaint-on-result');

  // The list and the analysis.
  await hr.goto(`${h.baseUrl}/app/#/complaints`);
  await hr.waitForSelector('#complaint-table .ant-table-row');
  expect(await hr.locator('#complaint-table').textContent()).toContain('属实');
  await shot(hr, '74-complaint-list');
  await hr.locator('#complaint-view label', { hasText: '投诉分析' }).click();
  await hr.waitForSelector('#chart-kind svg');
  expect(await hr.locator('#complaint-analysis').textContent()).toContain('100%');
  await shot(hr, '75-complaint-analysis');
  // In English: every code named, nothing left in Chinese but what people typed.
  await hr.locator('#lang-switch label', { hasText: 'EN' }).click();
  await hr.locator('#complaint-view label', { hasText: 'Complaint list' }).click();
  await hr.waitForSelector('#complaint-table .ant-table-row');
  const english = await hr.locator('#complaint-table').textContent();
  expect(english).toContain('Attitude');
  expect(english).toContain('12313 hotline');
  expect(english).toContain('Confirmed');
  await shot(hr, '74-complaint-list-en');
  expect([...scriptErrors(hr), ...scriptErrors(manager)]).toEqual([]);
});

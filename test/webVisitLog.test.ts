// The visit log in the pages (工作本): the manager records a day with both check-ins, the
// inspector records another day's first check-in from the phone report, and the inspection
// form and the inspector's grid show the month's facts beside the check items.
import type { Browser } from 'playwright-core';
import { shanghaiDate } from '../domain/calendar';
import { launchBrowser } from './support/browser';
import { openCountyCycleWithTasks, startHarness, type Harness } from './support/harness';
import { fill, scriptErrors, shot, signedIn } from './support/pages';

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

const today = shanghaiDate(new Date());

test('a day with both check-ins and one from the phone report show on the inspection form', async () => {
  const m001 = await h.db.prisma.manager.findUniqueOrThrow({ where: { employeeNo: 'M001' } });
  const customers = await h.db.prisma.retailCustomer.findMany({
    where: { managerId: m001.id },
    orderBy: { licenceNo: 'asc' },
    take: 2,
  });

  // The manager records today: route, two customers planned and visited, the check-ins.
  const manager = await signedIn(h, browser, 'm001');
  await manager.goto(`${h.baseUrl}/app/#/visit-log`);
  await manager.waitForSelector('#visit-days');
  await manager.click('#record-day');
  await manager.waitForSelector('#day-form');
  await fill(manager, 'day-form', 'route', '城关—东街');
  for (const field of ['plannedCustomerIds', 'visitedCustomerIds']) {
    for (const c of customers) {
      await manager.click(`#day-form #${field}`, { force: true });
      await manager
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: c.licenceNo })
        .first()
        .click();
    }
    await manager.keyboard.press('Escape');
    await manager.waitForSelector('.ant-select-dropdown:visible', { state: 'detached' }).catch(() => undefined);
  }
  await manager.locator('.ant-drawer-title').click();
  await manager.fill('#day-form #mileageKm', '12.5');
  await fill(manager, 'day-form', 'firstTime', '08:30');
  await fill(manager, 'day-form', 'firstPlace', '城关便利店');
  await fill(manager, 'day-form', 'lastTime', '07:10');
  await fill(manager, 'day-form', 'lastPlace', '东街烟酒店');
  await manager.click('#day-form button[type=submit]');
  // The server refuses a last check-in before the first; corrected, it is saved.
  await manager.waitForSelector('#day-form .ant-alert-error');
  await fill(manager, 'day-form', 'lastTime', '17:10');
  await shot(manager, '76-visit-day-form');
  await manager.click('#day-form button[type=submit]');
  await manager.waitForSelector('#visit-days .ant-table-row');
  await manager.waitForSelector('.ant-drawer-content-wrapper', { state: 'hidden' }).catch(() => undefined);
  expect(await manager.locator('#visit-days').textContent()).toContain('08:30 城关便利店');
  expect(await manager.locator('#visit-facts').textContent()).toContain('1/ 1');
  await shot(manager, '77-visit-log');

  // The inspector records yesterday's first check-in from the phone report (last month's if today is the 1st).
  const yesterday = new Date(Date.now() - 24 * 3600_000);
  const day = shanghaiDate(yesterday);
  const inspector = await signedIn(h, browser, 'inspector01');
  const recorded = await h.api('PUT', `/api/visit-log/${m001.id}/${day}`, {
    token: await h.login('inspector01'),
    body: { firstCheckIn: { time: '09:05', place: '南街' }, plannedCustomerIds: [customers[0]!.id] },
  });
  expect(recorded.status).toBe(200);

  // The head reviews this week of the work book (按周批阅), and the manager reads the comment.
  const head = await signedIn(h, browser, 'head01');
  await head.goto(`${h.baseUrl}/app/#/visit-log/${m001.id}`);
  await head.waitForSelector('#week-reviews .review-week');
  expect(await head.locator('#record-day').count()).toBe(0); // the head reads and reviews; the inspector records
  await head.locator('#week-reviews .review-week').last().click();
  await fill(head, 'week-review-form', 'comment', '本周线路合理，请补报缺少的签到。');
  await head.locator('.ant-modal-footer .ant-btn-primary').click();
  await head.waitForSelector('#week-reviews .week-review');
  await shot(head, '80-visit-log-week-review');
  await manager.reload();
  await manager.waitForSelector('#week-reviews .week-review');
  expect(await manager.locator('#week-reviews').textContent()).toContain('本周线路合理，请补报缺少的签到。');
  expect(await manager.locator('#week-reviews .review-week').count()).toBe(0);

  // The month's inspection: the facts beside the check items, and in the grid.
  const month = today.slice(0, 7);
  const { cycleId } = await openCountyCycleWithTasks(h, await h.login('hr'), {
    countyCode: 'C01',
    period: month,
    kind: 'INSPECTION',
    count: 3,
  });
  const task = await h.db.prisma.task.findFirstOrThrow({
    where: { cycleId, kind: 'INSPECTION', evaluation: { managerId: m001.id } },
  });
  await inspector.goto(`${h.baseUrl}/app/#/tasks/${task.id}`);
  await inspector.waitForSelector('#visit-facts');
  const facts = await inspector.locator('#visit-facts').textContent();
  if (day.startsWith(month)) {
    expect(facts).toContain('缺少签到的日期');
    expect(facts).toContain(day);
  } else expect(facts).toContain('1/ 1');
  await shot(inspector, '78-inspection-with-visit-facts');
  await inspector.goto(`${h.baseUrl}/app/#/inspections`);
  await inspector.waitForSelector('.visit-facts');
  expect(await inspector.locator('.visit-facts').first().textContent()).toContain('首末签到齐全');
  await shot(inspector, '79-inspection-grid-visit-facts');
  expect([...scriptErrors(manager), ...scriptErrors(inspector), ...scriptErrors(head)]).toEqual([]);
});

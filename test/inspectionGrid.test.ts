// 督察批量录入: the inspector enters a county of 18 managers in one grid. A batch with a bad
// row is refused whole, naming each bad row and field, and saves nothing; fixed, all 18
// are saved at once (one durable job), and the same batch again changes nothing.
import type { Browser } from 'playwright-core';
import { defaultTemplateConfig } from '../domain/templates';
import { launchBrowser } from './support/browser';
import { validInspection } from './support/fixtures';
import { openCountyCycleWithTasks, startHarness, type Harness } from './support/harness';
import { scriptErrors, shot, signedIn } from './support/pages';

const inspectionOnly = () => {
  const t = defaultTemplateConfig('MONTHLY');
  return { ...t, tasks: { INSPECTION: t.tasks.INSPECTION! } };
};

let h: Harness;
let browser: Browser;
let tasks: { id: string; evaluationId: string | null }[];
beforeAll(async () => {
  [h, browser] = await Promise.all([startHarness({ templates: { MONTHLY: inspectionOnly() } }), launchBrowser()]);
  // County A grows to 18 managers (3 in the fixtures), as a real county has.
  const countyA = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C01' } });
  for (let i = 1; i <= 15; i++)
    await h.db.prisma.manager.create({
      data: {
        employeeNo: `M1${String(i).padStart(2, '0')}`,
        name: `新经理${i}`,
        countyId: countyA.id,
        area: 'URBAN',
        employment: 'FORMAL',
        hireDate: new Date('2020-01-01'),
        postStartDate: new Date('2020-01-01'),
        education: 'BACHELOR',
        grade: 'JUNIOR_A',
      },
    });
  const { cycleId } = await openCountyCycleWithTasks(h, await h.login('hr'), {
    countyCode: 'C01',
    period: '2026-11',
    kind: 'INSPECTION',
    count: 18,
  });
  tasks = await h.db.prisma.task.findMany({
    where: { cycleId, kind: 'INSPECTION' },
    orderBy: { evaluation: { manager: { employeeNo: 'asc' } } }, // as the grid lists them
    select: { id: true, evaluationId: true },
  });
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

const allPassed = { items: validInspection.items.map((i) => ({ item: i.item, passed: true, deduction: 0 })) };

test('a batch with bad rows is refused whole, each bad row and field named; nothing is saved', async () => {
  const token = await h.login('inspector01');
  const rows = tasks.map((t) => ({ taskId: t.id, payload: allPassed }));
  rows[6] = { taskId: tasks[6]!.id, payload: { items: [{ item: 'ON_SITE_CHECK', passed: false, deduction: 2.3 }] } };
  rows[11] = { taskId: tasks[11]!.id, payload: { items: [{ item: 'PHONE_SPOT_CHECK', passed: true, deduction: 3 }] } };
  const refused = await h.api('POST', '/api/tasks/bulk/submit', { token, body: { rows } });
  expect(refused.status).toBe(400);
  expect(refused.body.badRows).toEqual([7, 12]);
  expect(refused.body.title).toBe('第 7、12 行有误，未保存任何结果');
  expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([
    'body.rows.6.payload.items.0.deduction',
    'body.rows.11.payload.items.0.deduction',
  ]);
  expect(await h.db.prisma.submission.count()).toBe(0);

  // Someone else's task, and a task twice, are row errors too.
  const headTask = { taskId: tasks[0]!.id, payload: allPassed };
  const asOther = await h.api('POST', '/api/tasks/bulk/submit', {
    token: await h.login('inspector02'),
    body: { rows: [headTask] },
  });
  expect(asOther.status).toBe(400);
  expect(asOther.body.errors[0].field).toBe('body.rows.0.taskId');
  const twice = await h.api('POST', '/api/tasks/bulk/submit', { token, body: { rows: [headTask, headTask] } });
  expect(twice.body.badRows).toEqual([2]);
  expect(await h.db.prisma.submission.count()).toBe(0);
});

test('the grid: 18 managers on one page, a bad row marked, then all 18 saved at once', async () => {
  const page = await signedIn(h, browser, 'inspector01');
  await page.click('#inspection-grid-link');
  await page.waitForSelector('#inspection-grid tr.ant-table-row');
  expect(await page.locator('#inspection-grid tr.ant-table-row').count()).toBe(18);
  // Below the grid: the same county as a CSV file (督察结果导入), with its template.
  await page.locator('#inspection-import-form', { hasText: '导入督察结果（CSV 文件）' }).waitFor();
  await page.locator('#inspection-import-form').scrollIntoViewIfNeeded();
  await shot(page, '66-inspection-import-card');

  // Row 3: first-and-last check-in failed, 2.3 points (not a multiple of 0.5), with a note.
  const row3 = page.locator('#inspection-grid tr.ant-table-row').nth(2);
  await row3.locator('button.ant-switch').first().click();
  await row3.getByLabel('首末签到 扣分').fill('2.3');
  await row3.getByPlaceholder('说明').fill('11 月 3 日末签缺失');
  await page.click('#grid-save');
  await page.locator('.ant-alert-error', { hasText: '第 3 行有误，未保存任何结果' }).waitFor();
  expect(await page.locator('tr.grid-row-bad').count()).toBe(1);
  expect(await row3.locator('.ant-form-item-explain-error').textContent()).toContain('0.5');
  await shot(page, '60-inspection-grid-bad-row');
  expect(await h.db.prisma.submission.count()).toBe(0);

  // Fixed to 2.5: the whole county is saved in one go.
  await row3.getByLabel('首末签到 扣分').fill('2.5');
  await page.click('#grid-save');
  await page.locator('.ant-message', { hasText: '已保存 18 名客户经理的督察结果' }).waitFor({ timeout: 30_000 });
  await page.getByText('没有待录入的督察检查').waitFor();
  await shot(page, '61-inspection-grid-saved');
  expect(await h.db.prisma.submission.count()).toBe(18);
  const third = await h.db.prisma.score.findFirstOrThrow({
    where: { evaluationId: tasks[2]!.evaluationId!, component: 'inspection' },
  });
  expect(Number(third.value)).toBe(97.5);
  const note = await h.db.prisma.submission.findFirstOrThrow({ where: { taskId: tasks[2]!.id } });
  expect((note.payload as { items: unknown[] }).items[0]).toEqual({
    item: 'FIRST_LAST_CHECK_IN',
    passed: false,
    deduction: 2.5,
    note: '11 月 3 日末签缺失',
  });
  expect(scriptErrors(page)).toEqual([]);

  // The same batch again (a retry after a lost answer): every row already submitted, nothing new.
  const again = await h.api('POST', '/api/tasks/bulk/submit', {
    token: await h.login('inspector01'),
    body: { rows: tasks.map((t) => ({ taskId: t.id, payload: allPassed })) },
  });
  expect(again.status).toBe(201);
  expect(again.body).toMatchObject({ imported: 0, alreadySubmitted: 18 });
  expect(await h.db.prisma.submission.count()).toBe(18);
}, 120_000);

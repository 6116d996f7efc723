// A KPI file that passed its checks is applied whole, even when the worker is down as it
// arrives: the answer is 202 (accepted, going in), and once a worker is back every row is
// submitted, once. The real dev server, so that no time is skipped while the worker is away.
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { eventually, openCountyCycleWithTasks, startHarness, type Harness } from './support/harness';
import { scriptErrors, shot, signedIn } from './support/pages';

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  [h, browser] = await Promise.all([startHarness({ temporal: 'devServer' }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

const header = '员工编号,销量完成率,访销成功率,基础数据维护,审核评分,审核意见';
const file = [header, 'M001,104,96,90,88,完成较好', 'M002,95,92,100,80,需提升访销', 'M003,80,85,70,70,需加强'].join(
  '\n',
);

test('an accepted file goes in whole after the worker comes back, and once', async () => {
  const hr = await h.login('hr');
  const reviewer = await h.login('reviewer01');
  const { cycleId } = await openCountyCycleWithTasks(h, hr, {
    countyCode: 'C01',
    period: '2026-11',
    kind: 'MARKETING_REVIEW',
    count: 3,
  });
  const cycle = { id: cycleId };
  const send = () =>
    h.api('POST', `/api/cycles/${cycle.id}/marketing-reviews/import`, {
      token: reviewer,
      body: file,
      headers: { 'content-type': 'text/csv' },
    });

  // The reviewer uploads it on the cycle's page while no worker runs: accepted, going in.
  await h.stopWorker();
  const page = await signedIn(h, browser, 'reviewer01');
  await page.goto(`${h.baseUrl}/app/#/cycles/${cycle.id}`);
  // The template to fill comes from the same card.
  const [template] = await Promise.all([page.waitForEvent('download'), page.click('#kpi-template')]);
  // Named by the API: the kind and the period.
  expect(template.suggestedFilename()).toBe('营销部审核-2026-11.csv');
  expect(fs.readFileSync(await template.path(), 'utf8')).toContain('M002,李娜,,,,,');
  await page.setInputFiles('#kpi-form input[type=file]', {
    name: '营销部审核.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(file),
  });
  await page.click('#kpi-submit');
  const answer = page.locator('#kpi-result .ant-alert');
  await answer.waitFor({ timeout: 40_000 });
  expect(await answer.innerText()).toContain('文件已受理，共 3 行正在逐行导入');
  await shot(page, '55-kpi-import-accepted');
  expect(scriptErrors(page)).toEqual([]);
  expect(await h.db.prisma.submission.count()).toBe(0);
  // Sent again meanwhile (the same file): the same job, nothing twice.
  const accepted = await send();
  expect(accepted.status).toBe(202);
  expect(accepted.body).toMatchObject({ pending: true, rows: 3 });

  await h.startWorker();
  await eventually(
    async () => (await h.db.prisma.submission.count()) === 3 || undefined,
    60_000,
    'every row submitted',
  );
  const again = await send();
  expect(again.status).toBe(201);
  expect(again.body).toMatchObject({ imported: 0, alreadySubmitted: 3, notAccepted: 0 });
  expect(await h.db.prisma.submission.count()).toBe(3);
  expect(await h.db.prisma.auditLog.count({ where: { action: 'task.submitted' } })).toBe(3);
});

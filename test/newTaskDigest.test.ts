// 新任务每日汇总: an inspector with a county of managers chooses one morning mail for new
// tasks on their account page. The cycle's tasks then show in the bell at once but send no
// mail each; the 08:00 digest lists them in one mail, once a day. Who did not choose it
// gets a mail per task as before.
import type { Browser } from 'playwright-core';
import { defaultTemplateConfig } from '../domain/templates';
import { taskQueue } from '../workflows/taskQueue';
import { launchBrowser } from './support/browser';
import { eventually, startHarness, type Harness } from './support/harness';
import { scriptErrors, shot, signedIn } from './support/pages';

const inspectionOnly = () => {
  const t = defaultTemplateConfig('MONTHLY');
  return { ...t, tasks: { INSPECTION: t.tasks.INSPECTION! } };
};

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  [h, browser] = await Promise.all([startHarness({ templates: { MONTHLY: inspectionOnly() } }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

test('new tasks in one morning mail for who chose it, a mail each for the others', async () => {
  // 甲县's inspector chooses the morning summary on their account page.
  const page = await signedIn(h, browser, 'inspector01');
  await page.goto(`${h.baseUrl}/app/#/account`);
  await page.locator('#account-task-mail label', { hasText: '每天早上一封汇总邮件' }).click();
  await page.waitForSelector('#task-mail-saved');
  await shot(page, '62-account-task-mail');
  expect(scriptErrors(page)).toEqual([]);
  const inspector01 = await h.db.prisma.user.findUniqueOrThrow({ where: { username: 'inspector01' } });
  expect(inspector01.taskMail).toBe('DAILY_DIGEST');
  expect((await h.api('GET', '/api/me', { token: await h.login('inspector01') })).body.taskMail).toBe('DAILY_DIGEST');
  const refused = await h.api('PUT', '/api/me/task-mail', {
    token: await h.login('inspector01'),
    body: { taskMail: 'HOURLY' },
  });
  expect(refused.status).toBe(400);

  // The city's cycle: 3 inspections in 甲县 (inspector01), 1 in 乙县 (inspector02, a mail each).
  const hr = await h.login('hr');
  expect((await h.api('POST', '/api/cycles', { token: hr, body: { type: 'MONTHLY', period: '2026-11' } })).status).toBe(
    201,
  );
  await h.smtp.waitFor((m) => m.some((x) => x.to === 'inspector02@test.local'), 20_000);
  const bell = await eventually(
    async () => {
      const n = await h.db.prisma.notice.count({ where: { userId: inspector01.id, kind: 'taskOpened' } });
      return n === 3 ? n : undefined;
    },
    20_000,
    "inspector01's three notices",
  );
  expect(bell).toBe(3);
  expect(await h.db.prisma.notificationOutbox.count({ where: { toUserId: inspector01.id } })).toBe(0);

  // 08:00: one mail with the three, and nothing for inspector02 (mailed already).
  const first = await h.env.client.workflow.execute('dailyDigestWorkflow', { taskQueue, workflowId: 'digest-1' });
  expect(first).toEqual({ sent: 0, newTaskDigests: 1 });
  await h.smtp.waitFor((m) => m.some((x) => x.to === 'inspector01@test.local'), 20_000);
  const mails = h.smtp.mails.filter((x) => x.to === 'inspector01@test.local');
  expect(mails).toHaveLength(1);
  expect(mails[0]!.subject).toMatch(/^【考评】\d{4}-\d\d-\d\d 新任务 3 项$/);
  for (const name of ['督察检查（王伟）', '督察检查（李娜）', '督察检查（张敏）', '2026年11月考评'])
    expect(mails[0]!.text).toContain(name);
  expect(mails[0]!.text).toContain('http://kaoping.test/app/#/inbox');
  expect(h.smtp.mails.filter((x) => x.to === 'inspector02@test.local')).toHaveLength(1);

  // The same morning again: nothing more.
  await h.env.client.workflow.execute('dailyDigestWorkflow', { taskQueue, workflowId: 'digest-2' });
  await new Promise((r) => setTimeout(r, 500));
  expect(h.smtp.mails.filter((x) => x.to === 'inspector01@test.local')).toHaveLength(1);
});

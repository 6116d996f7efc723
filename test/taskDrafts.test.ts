// Drafts (草稿): a half-filled form is kept on the server as the assignee types, so a reload or
// another browser finds it; only the assignee reads or writes it; a submission clears it.
import type { Browser } from 'playwright-core';
import { defaultTemplateConfig } from '../domain/templates';
import { launchBrowser } from './support/browser';
import { openCountyCycleWithTasks, startHarness, type Harness } from './support/harness';
import { field, fill, openTask, scriptErrors, shot, signedIn } from './support/pages';

const selfOnly = () => {
  const t = defaultTemplateConfig('MONTHLY');
  return { ...t, tasks: { SELF_ASSESSMENT: t.tasks.SELF_ASSESSMENT! } };
};

let h: Harness;
let browser: Browser;
let taskId: string;
beforeAll(async () => {
  [h, browser] = await Promise.all([startHarness({ templates: { MONTHLY: selfOnly() } }), launchBrowser()]);
  const { cycleId } = await openCountyCycleWithTasks(h, await h.login('hr'), {
    countyCode: 'C02',
    period: '2026-11',
    kind: 'SELF_ASSESSMENT',
    count: 1,
  });
  taskId = (await h.db.prisma.task.findFirstOrThrow({ where: { cycleId } })).id;
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

test('only the assignee keeps a draft; bad drafts are refused and change nothing', async () => {
  const token = await h.login('m004');
  const path = `/api/tasks/${taskId}/draft`;
  expect((await h.api('GET', path, { token })).body).toEqual({ draft: null });

  const put = await h.api('PUT', path, { token, body: { payload: { attitude: 90, workSummary: '走访' } } });
  expect(put.status).toBe(200);
  expect(put.body.draft.payload).toEqual({ attitude: 90, workSummary: '走访' });
  expect((await h.api('GET', path, { token })).body.draft.payload).toEqual({ attitude: 90, workSummary: '走访' });

  const other = await h.login('head02');
  expect((await h.api('GET', path, { token: other })).status).toBe(403);
  expect((await h.api('PUT', path, { token: other, body: { payload: {} } })).status).toBe(403);
  expect((await h.api('GET', '/api/tasks/00000000-0000-0000-0000-000000000000/draft', { token })).status).toBe(404);

  const nul = await h.api('PUT', path, { token, body: { payload: { workSummary: 'a\u0000b' } } });
  expect(nul.status).toBe(400);
  expect(nul.body.errors[0].field).toBe('body.payload');
  const huge = await h.api('PUT', path, { token, body: { payload: { workSummary: '字'.repeat(70_000) } } });
  expect(huge.status).toBe(400);
  expect((await h.api('GET', path, { token })).body.draft.payload).toEqual({ attitude: 90, workSummary: '走访' });
});

test('typed in one browser, found in another; gone once submitted', async () => {
  const first = await signedIn(h, browser, 'm004');
  await openTask(h, first, 'SELF_ASSESSMENT');
  await fill(first, 'task-form', 'attitude', '88');
  await fill(first, 'task-form', 'workSummary', '本月走访零售客户 180 户，订单成功率 96%。');
  await first.locator('#draft-state[data-state="saved"]', { hasText: '草稿已保存' }).waitFor();
  await shot(first, '63-task-draft-saved');
  await first.close();

  // Another browser (another device): the form opens with what was typed.
  const second = await signedIn(h, browser, 'm004');
  await openTask(h, second, 'SELF_ASSESSMENT');
  await second.waitForSelector('#draft-restored');
  expect(await second.inputValue(field('task-form', 'attitude'))).toBe('88');
  expect(await second.inputValue(field('task-form', 'workSummary'))).toBe('本月走访零售客户 180 户，订单成功率 96%。');
  await shot(second, '64-task-draft-restored');

  await fill(second, 'task-form', 'knowledge', '85');
  await fill(second, 'task-form', 'skills', '80');
  await fill(second, 'task-form', 'improvementPlan', '加强新品推介，提升数据维护的及时性。');
  await second.click('#task-form button[type=submit]');
  await second.waitForSelector('#task-done');
  expect(scriptErrors(second)).toEqual([]);
  expect(await h.db.prisma.taskDraft.count()).toBe(0);
  const token = await h.login('m004');
  const closed = await h.api('PUT', `/api/tasks/${taskId}/draft`, { token, body: { payload: { attitude: 1 } } });
  expect(closed.status).toBe(409);
  expect(await h.db.prisma.taskDraft.count()).toBe(0);
}, 120_000);

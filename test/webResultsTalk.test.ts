// The results talk in the pages (情感沟通): the county head opens a talk from the inbox, sees
// the manager's result and why the talk is held, records it; the manager reads the record on
// their task and acknowledges it; the result page shows the talk to them.
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import {
  eventually,
  publishCountyCycle,
  selfAssessmentOnlyTemplate,
  startHarness,
  type Harness,
} from './support/harness';
import { fill, openTask, scriptErrors, shot, signedIn } from './support/pages';

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  [h, browser] = await Promise.all([
    startHarness({ templates: { MONTHLY: selfAssessmentOnlyTemplate() } }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

test('the head records the talk with m003 (70, last of three); m003 acknowledges it', async () => {
  const cycleId = await publishCountyCycle(h, {
    type: 'MONTHLY',
    period: '2026-11',
    countyCode: 'C01',
    selfScores: { m001: 95, m002: 80, m003: 70 },
  });
  const evaluation = await h.db.prisma.evaluation.findFirstOrThrow({
    where: { cycleId, manager: { user: { username: 'm003' } } },
    include: { manager: true },
  });
  await eventually(
    async () => (await h.db.prisma.task.count({ where: { cycleId, kind: 'RESULTS_TALK' } })) === 3 || undefined,
    20_000,
    'three talks',
  );

  const head = await signedIn(h, browser, 'head01');
  const talkTask = await h.db.prisma.task.findFirstOrThrow({
    where: { kind: 'RESULTS_TALK', resultsTalk: { evaluationId: evaluation.id } },
  });
  await head.goto(`${h.baseUrl}/app/#/tasks/${talkTask.id}`);
  await head.waitForSelector('#talk-card');
  expect(await head.locator('#task-title').textContent()).toContain(evaluation.manager.name);
  const card = await head.locator('#talk-card').textContent();
  expect(card).toContain('3 / 3');
  expect(card).toContain('每月例行谈话');
  await fill(head, 'task-form', 'wentWell', '客户走访到位，订货服务及时');
  await fill(head, 'task-form', 'wentBadly', '自评偏低，信息采集不足');
  await fill(head, 'task-form', 'causes', '片区调整后客户尚不熟悉');
  await fill(head, 'task-form', 'agreedChange', '本月走访全部新划入客户，每周汇报一次');
  await shot(head, '45-results-talk-record');
  await head.click('#task-form button[type=submit]');
  await head.waitForSelector('#task-done');

  const manager = await signedIn(h, browser, 'm003');
  await openTask(h, manager, 'TALK_ACKNOWLEDGEMENT');
  await manager.waitForSelector('#talk-record');
  expect(await manager.locator('#talk-record').textContent()).toContain('本月走访全部新划入客户，每周汇报一次');
  await fill(manager, 'task-form', 'comment', '同意，月底前完成');
  await shot(manager, '46-results-talk-acknowledge');
  await manager.click('#task-form button[type=submit]');
  await manager.waitForSelector('#task-done');
  await eventually(
    async () =>
      (await h.db.prisma.resultsTalk.findFirst({ where: { evaluationId: evaluation.id, status: 'ACKNOWLEDGED' } })) ??
      undefined,
    20_000,
    'acknowledged',
  );

  await manager.goto(`${h.baseUrl}/app/#/evaluations/${evaluation.id}`);
  await manager.waitForSelector('#talk-acknowledged');
  const talk = await manager.locator('#results-talk').textContent();
  expect(talk).toContain('已确认');
  expect(talk).toContain('甲县负责人');
  expect(talk).toContain('同意，月底前完成');
  await shot(manager, '47-results-talk-on-result');
  expect([...scriptErrors(head), ...scriptErrors(manager)]).toEqual([]);
});

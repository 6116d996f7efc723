// 未提交名单 with HR's bulk actions: in county A's November cycle m001 has submitted, m002 and
// m003 have not. HR lists who has not, reminds both at once with a note (once: a second
// click within the hour mails nobody), extends both (a submitted task among them is refused
// on its own, the others go through), and cannot reassign a manager's own task.
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { validSelfAssessment } from './support/fixtures';
import {
  eventually,
  openCountyCycle,
  selfAssessmentOnlyTemplate,
  startHarness,
  taskAssignedTo,
  type Harness,
} from './support/harness';
import { scriptErrors, shot, signedIn } from './support/pages';

let h: Harness;
let browser: Browser;
const t: Record<string, string> = {};
beforeAll(async () => {
  [h, browser] = await Promise.all([
    startHarness({ templates: { MONTHLY: selfAssessmentOnlyTemplate() } }),
    launchBrowser(),
  ]);
  for (const u of ['hr', 'head01', 'm001']) t[u] = await h.login(u);
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

test('who has not submitted, reminded, extended and not reassigned in bulk', async () => {
  const { cycleId } = await openCountyCycle(h, t.hr!, 'C01', '2026-11');
  const [t1, t2, t3] = [
    await taskAssignedTo(h, 'm001'),
    await taskAssignedTo(h, 'm002'),
    await taskAssignedTo(h, 'm003'),
  ];
  expect(
    (await h.api('POST', `/api/tasks/${t1.id}/submission`, { token: t.m001, body: validSelfAssessment })).status,
  ).toBe(201);
  await eventually(
    async () =>
      (await h.db.prisma.task.findUniqueOrThrow({ where: { id: t1.id } })).status === 'SUBMITTED' || undefined,
    20_000,
    'm001 submitted',
  );

  const list = await h.api('GET', `/api/cycles/${cycleId}/outstanding`, { token: t.hr });
  expect(list.status).toBe(200);
  expect(list.body).toMatchObject({ total: 2, overdue: 0, byKind: { SELF_ASSESSMENT: 2 } });
  expect(list.body.tasks.map((x: { id: string }) => x.id).sort()).toEqual([t2.id, t3.id].sort());
  expect(list.body.tasks[0]).toMatchObject({ reassignable: false, overdueDays: 0, county: { code: 'C01' } });
  const m003 = await h.db.prisma.manager.findFirstOrThrow({ where: { user: { username: 'm003' } } });
  const searched = await h.api('GET', `/api/cycles/${cycleId}/outstanding?q=${encodeURIComponent(m003.name)}`, {
    token: t.hr,
  });
  expect(searched.body.tasks.map((x: { id: string }) => x.id)).toEqual([t3.id]);
  // The county's head reads the list; only HR acts on it.
  expect((await h.api('GET', `/api/cycles/${cycleId}/outstanding`, { token: t.head01 })).status).toBe(200);
  expect((await h.api('POST', '/api/tasks/bulk/remind', { token: t.head01, body: { taskIds: [t2.id] } })).status).toBe(
    403,
  );
  expect((await h.api('POST', '/api/tasks/bulk/remind', { token: t.hr, body: { taskIds: [] } })).status).toBe(400);

  // Remind both now, with a note; a second request within the hour mails nobody.
  const reminded = await h.api('POST', '/api/tasks/bulk/remind', {
    token: t.hr,
    body: { taskIds: [t2.id, t3.id, t1.id], note: '请今天下班前提交自评' },
  });
  expect(reminded.status).toBe(202);
  expect([...reminded.body.reminded].sort()).toEqual([t2.id, t3.id].sort());
  expect(reminded.body.skipped).toEqual([t1.id]);
  await h.smtp.waitFor((m) => m.filter((x) => x.text.includes('人力资源部留言：请今天下班前提交自评')).length === 2);
  // The hour is the workflow's clock (the reminders' recorded time). The time-skipping server
  // may move it on while the API waits for a workflow's result, so the second request's
  // time is known only between two readings: past the hour, reminding again is the rule.
  const hour = 3_600_000;
  const remindedAt = async () =>
    (
      await h.db.prisma.auditLog.findMany({
        where: { entityId: t2.id, action: 'task.reminded', dedupeKey: { contains: ':remindNow:' } },
        orderBy: { at: 'asc' },
      })
    ).map((e) => e.at.getTime());
  const [firstAt] = await remindedAt();
  const before = await h.env.currentTimeMs();
  const again = await h.api('POST', '/api/tasks/bulk/remind', { token: t.hr, body: { taskIds: [t2.id, t3.id] } });
  const after = await h.env.currentTimeMs();
  const remindedAgain = again.body.reminded.length > 0;
  if (after - firstAt! < hour) expect(remindedAgain).toBe(false);
  if (before - firstAt! >= hour) expect(remindedAgain).toBe(true);
  if (remindedAgain) {
    expect([...again.body.reminded].sort()).toEqual([t2.id, t3.id].sort());
    const [, secondAt] = await remindedAt();
    expect(secondAt! - firstAt!).toBeGreaterThanOrEqual(hour);
  } else {
    expect(again.body.reminded).toEqual([]);
    expect(await remindedAt()).toHaveLength(1);
  }
  await h.smtp.waitFor((m) => m.filter((x) => x.subject.includes('考评提醒')).length === (remindedAgain ? 4 : 2));
  await new Promise((r) => setTimeout(r, 1_000));
  expect(h.smtp.mails.filter((m) => m.subject.includes('考评提醒'))).toHaveLength(remindedAgain ? 4 : 2);

  // Extend all three: the submitted one is refused on its own.
  const extended = await h.api('POST', '/api/tasks/bulk/extend', {
    token: t.hr,
    body: { taskIds: [t1.id, t2.id, t3.id], dueDate: '2026-12-20', reason: '系统维护顺延' },
  });
  expect(extended.status).toBe(200);
  expect(extended.body).toMatchObject({ done: 2, failed: 1 });
  expect(extended.body.results.find((r: { taskId: string }) => r.taskId === t1.id)).toMatchObject({
    ok: false,
    status: 409,
    title: '任务已关闭，不能延期',
  });
  for (const id of [t2.id, t3.id])
    expect((await h.db.prisma.task.findUniqueOrThrow({ where: { id } })).dueDate).toBe('2026-12-20');

  const reassigned = await h.api('POST', '/api/tasks/bulk/reassign', {
    token: t.hr,
    body: {
      taskIds: [t2.id],
      assigneeId: (await h.db.prisma.user.findFirstOrThrow({ where: { username: 'hr' } })).id,
      reason: '代办',
    },
  });
  expect(reassigned.body).toMatchObject({ done: 0, failed: 1, results: [{ status: 409 }] });

  // In the pages: HR ticks both on the cycle's list and reminds them (an hour later).
  await h.env.sleep(2 * 3_600_000);
  const hr = await signedIn(h, browser, 'hr');
  await hr.goto(`${h.baseUrl}/app/#/cycles/${cycleId}`);
  await hr.waitForSelector('#outstanding-table .ant-table-row');
  expect(await hr.locator('#outstanding-table .ant-table-row').count()).toBe(2);
  await hr.click('#outstanding-table thead .ant-checkbox-input');
  await hr.click('#bulk-remind');
  await hr.fill('#bulk-form textarea', '最后提醒');
  await shot(hr, '52-outstanding-remind');
  await hr.click('.ant-modal-footer .ant-btn-primary');
  await hr.waitForSelector('.ant-message-notice');
  expect(await hr.locator('.ant-message-notice').textContent()).toContain('已催办 2 人');
  await h.smtp.waitFor((m) => m.filter((x) => x.text.includes('人力资源部留言：最后提醒')).length === 2);
  await shot(hr, '53-outstanding-reminded');
  expect(scriptErrors(hr)).toEqual([]);
  const timeline = await h.api('GET', `/api/tasks/${t2.id}/timeline`, { token: t.hr });
  const byHand = timeline.body.events.filter(
    (e: { action: string; details: { byHand?: boolean } }) => e.action === 'task.reminded' && e.details.byHand,
  );
  expect(byHand).toHaveLength(remindedAgain ? 3 : 2);
});

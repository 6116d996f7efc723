// A county whose head's account is closed: nothing waits on the missing person. The
// overdue manager's escalation reaches the city approver, and the county's sign-off goes
// to the city approver too, so the county's results are still published.
import {
  eventually,
  openCountyCycle,
  selfAssessmentOnlyTemplate,
  startHarness,
  taskAssignedTo,
  type Harness,
} from './support/harness';
import { validSelfAssessment } from './support/fixtures';
import { describeEvent } from '../domain/eventText';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { scriptErrors, shot, signedIn } from './support/pages';

let h: Harness;
let browser: Browser;
const t: Record<string, string> = {};
beforeAll(async () => {
  [h, browser] = await Promise.all([
    startHarness({ templates: { MONTHLY: selfAssessmentOnlyTemplate() } }),
    launchBrowser(),
  ]);
  for (const u of ['hr', 'admin', 'approver', 'm004']) t[u] = await h.login(u);
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

test('the head of county B is closed: escalation and sign-off walk up to the city approver', async () => {
  const head = await h.db.prisma.user.findUniqueOrThrow({ where: { username: 'head02' } });
  const approver = await h.db.prisma.user.findUniqueOrThrow({ where: { username: 'approver' } });
  const closed = await h.api('POST', `/api/admin/users/${head.id}/active`, {
    token: t.admin,
    body: { active: false, reason: '调离' },
  });
  expect(closed.status).toBe(200);

  await openCountyCycle(h, t.hr!, 'C02', '2026-11');
  const task = await taskAssignedTo(h, 'm004');

  // Overdue: level 1 would go to the county head; there is none, so the city approver.
  await h.env.sleep(task.dueAt.getTime() + 3_600_000 - (await h.env.currentTimeMs()));
  const escalation = await eventually(
    () =>
      h.db.prisma.auditLog
        .findFirst({ where: { entityId: task.id, action: 'task.escalated' } })
        .then((x) => x ?? undefined),
    20_000,
    'escalation',
  );
  expect(escalation.details).toMatchObject({
    level: 1,
    toRole: 'CITY_APPROVER',
    wantedRole: 'COUNTY_HEAD',
    to: [approver.id],
  });
  await h.smtp.waitFor((m) => m.some((x) => x.to.includes(approver.email) && x.subject.includes('逾期')));

  expect(
    (await h.api('POST', `/api/tasks/${task.id}/submission`, { token: t.m004, body: validSelfAssessment })).status,
  ).toBe(201);
  const signOff = await eventually(
    () => h.db.prisma.task.findFirst({ where: { kind: 'COUNTY_SIGN_OFF' } }).then((x) => x ?? undefined),
    20_000,
    'the county sign-off',
  );
  // Flagged as unassigned (无人可办): the approver has it because county B has no head.
  expect(signOff).toMatchObject({ assigneeId: approver.id, status: 'OPEN', wantedRole: 'COUNTY_HEAD' });
  const status = await h.api('GET', `/api/cycles/${signOff.cycleId}/status`, { token: t.hr });
  expect(status.body.totals.unassigned).toBe(1);
  expect(status.body.byCountyAndStage).toEqual(
    expect.arrayContaining([expect.objectContaining({ kind: 'COUNTY_SIGN_OFF', unassigned: 1 })]),
  );
  const overdue = await h.api('GET', `/api/cycles/${signOff.cycleId}/overdue`, { token: t.hr });
  expect(overdue.body.tasks).toEqual(
    expect.arrayContaining([expect.objectContaining({ id: signOff.id, wantedRole: 'COUNTY_HEAD' })]),
  );
  const opened = await h.api('GET', `/api/tasks/${signOff.id}/timeline`, { token: t.hr });
  const [openedEvent] = opened.body.events;
  expect(describeEvent({ ...openedEvent, people: opened.body.people }, 'zh-CN')).toBe(
    `系统：任务开启，办理人 市局考评组 陈明，截止 ${signOff.dueDate}（无在岗的县级负责人，已上交）`,
  );
  // The approver's inbox marks it: nobody of its role, so it came up to them.
  const page = await signedIn(h, browser, 'approver');
  await page.goto(`${h.baseUrl}/app/#/inbox`);
  await page.waitForSelector('.unassigned-tag');
  expect(await page.locator('.unassigned-tag').first().getAttribute('title')).toBe(
    '没有在岗的县级负责人，已上交给上级办理；可转办给合适的人',
  );
  await shot(page, '51-unassigned-in-inbox');
  expect(scriptErrors(page)).toEqual([]);
  expect(
    (await h.api('POST', `/api/tasks/${signOff.id}/submission`, { token: t.approver, body: { decision: 'signOff' } }))
      .status,
  ).toBe(201);
  const approval = await eventually(
    () => h.db.prisma.task.findFirst({ where: { kind: 'CITY_APPROVAL' } }).then((x) => x ?? undefined),
    20_000,
    'the city approval',
  );
  expect(
    (await h.api('POST', `/api/tasks/${approval.id}/submission`, { token: t.approver, body: { decision: 'approve' } }))
      .status,
  ).toBe(201);
  await eventually(
    async () => (await h.db.prisma.evaluation.count({ where: { stage: 'PUBLISHED' } })) === 1 || undefined,
    20_000,
    'published',
  );
});

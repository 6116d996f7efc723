// Incidents (故障): a step that keeps failing does not stall its process silently. Nobody at
// all can sign off county B (head, city approver and HR all closed): the county review runs
// out of retries, raises an incident the admin sees on the list, the status view and the
// bell; it retries by itself after some hours; the admin reopens the head's account, asks
// for a retry, and the sign-off opens for the head. Permanent database errors are told apart
// from passing ones.
import type { Browser } from 'playwright-core';
import { isPermanent } from '../activities/permanentErrors';
import { launchBrowser } from './support/browser';
import { scriptErrors, shot, signedIn } from './support/pages';
import { incidentPolicy } from '../domain/incidents';
import {
  eventually,
  openCountyCycle,
  selfAssessmentOnlyTemplate,
  startHarness,
  taskAssignedTo,
  type Harness,
} from './support/harness';
import { validSelfAssessment } from './support/fixtures';

let h: Harness;
let browser: Browser;
const t: Record<string, string> = {};
beforeAll(async () => {
  [h, browser] = await Promise.all([
    startHarness({ templates: { MONTHLY: selfAssessmentOnlyTemplate() } }),
    launchBrowser(),
  ]);
  for (const u of ['hr', 'admin', 'm004']) t[u] = await h.login(u);
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

const hour = 3_600_000;

async function setActive(username: string, active: boolean) {
  const user = await h.db.prisma.user.findUniqueOrThrow({ where: { username } });
  const res = await h.api('POST', `/api/admin/users/${user.id}/active`, {
    token: t.admin,
    body: { active, reason: active ? '复岗' : '调离' },
  });
  expect(res.status).toBe(200);
}

test('nobody can sign off: an incident for HR and the admin, retried by itself, then after the fix', async () => {
  const { cycleId } = await openCountyCycle(h, t.hr!, 'C02', '2026-11');
  const task = await taskAssignedTo(h, 'm004');
  for (const u of ['head02', 'approver', 'hr']) await setActive(u, false);
  expect(
    (await h.api('POST', `/api/tasks/${task.id}/submission`, { token: t.m004, body: validSelfAssessment })).status,
  ).toBe(201);

  // The sign-off cannot be assigned: about half an hour of retries, then an incident.
  await h.env.sleep(45 * 60_000);
  const incident = await eventually(
    () => h.db.prisma.incident.findFirst({ where: { cycleId } }).then((x) => x ?? undefined),
    60_000,
    'the incident',
  );
  expect(incident).toMatchObject({
    status: 'OPEN',
    workflowType: 'countyReviewWorkflow',
    step: 'openTask',
    errorType: 'NoAssignee',
    failures: 1,
  });

  const list = await h.api('GET', `/api/incidents?cycleId=${cycleId}&open=true`, { token: t.admin });
  expect(list.status).toBe(200);
  expect(list.body.total).toBe(1);
  expect(list.body.counts).toEqual({ OPEN: 1 });
  const [row] = list.body.incidents;
  expect(row.sentence).toBe(
    '县级审核：无法开启待办 — 没有可以处理此待办的在岗人员（县级负责人、市级审批人和人力资源均无有效账号）',
  );
  expect(row.county).toMatchObject({ code: 'C02' });
  expect(row.cycle).toMatchObject({ type: 'MONTHLY', period: '2026-11' });
  const english = await h.api('GET', `/api/incidents/${incident.id}`, {
    token: t.admin,
    headers: { 'accept-language': 'en' },
  });
  expect(english.body.sentence).toBe(
    'county review: could not open the task — nobody active can act on this task (no county head, city approver or HR account)',
  );
  const status = await h.api('GET', `/api/cycles/${cycleId}/status`, { token: t.admin });
  expect(status.body.openIncidents).toBe(1);
  const notices = await h.api('GET', '/api/notices', { token: t.admin });
  expect(notices.body.notices).toEqual(
    expect.arrayContaining([expect.objectContaining({ kind: 'incident', link: `#/incidents/${incident.id}` })]),
  );
  // Only HR and the admin read incidents.
  expect((await h.api('GET', '/api/incidents', { token: t.m004 })).status).toBe(403);
  expect((await h.api('GET', '/api/incidents', {})).status).toBe(401);
  expect((await h.api('POST', `/api/incidents/${incident.id}/retry`, { token: t.admin, body: { x: 1 } })).status).toBe(
    400,
  );
  expect(
    (await h.api('POST', '/api/incidents/00000000-0000-4000-8000-000000000000/retry', { token: t.admin, body: {} }))
      .status,
  ).toBe(404);

  // Nobody fixed anything: after some hours the step is tried again by itself, and fails again.
  await h.env.sleep((incidentPolicy.autoRetryHours + 1) * hour);
  await eventually(
    async () =>
      (await h.db.prisma.incident.findUniqueOrThrow({ where: { id: incident.id } })).failures === 2 || undefined,
    60_000,
    'the automatic retry',
  );

  // The fix: the head is back. The admin sees the incident on the cycle's page, opens the
  // list and asks for a retry there; the sign-off opens for the head.
  await setActive('head02', true);
  const admin = await signedIn(h, browser, 'admin');
  await admin.goto(`${h.baseUrl}/app/#/cycles/${cycleId}`);
  await admin.waitForSelector('#cycle-incidents');
  expect(await admin.locator('#cycle-incidents').textContent()).toContain('本周期有流程故障待处理（1）');
  await shot(admin, '48-cycle-incident-alert');
  await admin.click('#cycle-incidents a, #cycle-incidents button');
  await admin.waitForSelector('#incident-table .incident-retry');
  const rowText = await admin.locator('#incident-table tbody tr.ant-table-row').first().textContent();
  for (const words of ['县级审核', '开启待办', '没有可以处理此待办的在岗人员', '乙县', '待处理'])
    expect(rowText).toContain(words);
  await shot(admin, '49-incidents');
  await admin.click('#incident-table .incident-retry');
  await admin.fill('.ant-modal input', '乙县负责人账号已恢复');
  await admin.click('.ant-modal-footer .ant-btn-primary');
  await admin.waitForSelector('.ant-message-notice');
  const signOff = await taskAssignedTo(h, 'head02', 30_000);
  expect(signOff).toMatchObject({ kind: 'COUNTY_SIGN_OFF', status: 'OPEN' });
  const resolved = await eventually(
    () =>
      h.db.prisma.incident.findFirst({ where: { id: incident.id, status: 'RESOLVED' } }).then((x) => x ?? undefined),
    20_000,
    'resolved',
  );
  expect(resolved.resolvedAt).not.toBeNull();
  await admin.goto(`${h.baseUrl}/app/#/incidents/${incident.id}`);
  await admin.waitForSelector('#incident-detail');
  const page = await admin.locator('#main').textContent();
  for (const words of ['已恢复', '请求重试，已排除：乙县负责人账号已恢复', '重试成功，故障恢复（共失败 2 轮）'])
    expect(page).toContain(words);
  await shot(admin, '50-incident-resolved');
  expect(scriptErrors(admin)).toEqual([]);
  const detail = await h.api('GET', `/api/incidents/${incident.id}`, { token: t.admin });
  expect(detail.body.history.map((e: { action: string }) => e.action)).toEqual([
    'incident.raised',
    'incident.retryRequested',
    'incident.resolved',
  ]);
  expect(detail.body.history[1]).toMatchObject({
    actor: { displayName: '系统管理员' },
    details: { note: '乙县负责人账号已恢复' },
  });
  expect((await h.api('POST', `/api/incidents/${incident.id}/retry`, { token: t.admin, body: {} })).status).toBe(409);
  expect((await h.api('GET', `/api/cycles/${cycleId}/status`, { token: t.admin })).body.openIncidents).toBe(0);
});

test('permanent database errors are told apart from passing ones', async () => {
  const missingRow = await h.db.prisma.task
    .update({ where: { id: '00000000-0000-4000-8000-000000000000' }, data: { remindersSent: 1 } })
    .catch((e: unknown) => e);
  expect(isPermanent(missingRow)).toBe(true);
  const brokenReference = await h.db.prisma.notice
    .create({ data: { dedupeKey: 'x', userId: 'nobody', kind: 'k', title: 't' } })
    .then(() =>
      h.db.prisma.objection.create({
        data: {
          evaluationId: 'no-such-evaluation',
          managerId: 'x',
          cycleId: 'x',
          countyId: 'x',
          filedById: 'x',
        } as never,
      }),
    )
    .catch((e: unknown) => e);
  expect(isPermanent(brokenReference)).toBe(true);
  expect(isPermanent(new Error('Connection terminated unexpectedly'))).toBe(false);
});

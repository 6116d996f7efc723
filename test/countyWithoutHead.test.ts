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

let h: Harness;
const t: Record<string, string> = {};
beforeAll(async () => {
  h = await startHarness({ templates: { MONTHLY: selfAssessmentOnlyTemplate() } });
  for (const u of ['hr', 'admin', 'approver', 'm004']) t[u] = await h.login(u);
});
afterAll(() => h?.close());

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
  expect(signOff).toMatchObject({ assigneeId: approver.id, status: 'OPEN' });
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

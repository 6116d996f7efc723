// Managers join, leave and change county mid-cycle without losing what was submitted.
import { addDays, shanghaiDate } from '../domain/calendar';
import { eventually, selfAssessmentOnlyTemplate, startHarness, type Harness } from './support/harness';
import { validSelfAssessment } from './support/fixtures';

let h: Harness;
let t: Record<string, string>;
beforeAll(async () => {
  h = await startHarness({ templates: { MONTHLY: selfAssessmentOnlyTemplate() } });
  t = {};
  for (const u of ['hr', 'head01', 'approver', 'm001', 'm002', 'm003']) t[u] = await h.login(u);
});
afterAll(() => h?.close());

test('join, transfer and leave in the middle of a cycle', async () => {
  const countyA = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C01' } });
  const countyB = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C02' } });
  const cycle = (
    await h.api('POST', '/api/cycles', {
      token: t.hr,
      body: { type: 'MONTHLY', period: '2026-11', countyId: countyA.id },
    })
  ).body;
  await eventually(async () => (await h.db.prisma.task.count()) === 3 || undefined, 20_000, 'three tasks');
  const taskOf = async (username: string) =>
    h.db.prisma.task.findFirstOrThrow({
      where: { cycleId: cycle.id, kind: 'SELF_ASSESSMENT', assignee: { username } },
    });

  // m002 submits, then moves to county B: the submission and this cycle's evaluation stay in county A.
  expect(
    (
      await h.api('POST', `/api/tasks/${(await taskOf('m002')).id}/submission`, {
        token: t.m002,
        body: validSelfAssessment,
      })
    ).status,
  ).toBe(201);
  const m002 = await h.db.prisma.manager.findUniqueOrThrow({ where: { employeeNo: 'M002' } });
  expect(
    (
      await h.api('POST', `/api/org/managers/${m002.id}/transfer`, {
        token: t.head01,
        body: { countyId: countyB.id, reason: '调动' },
      })
    ).status,
  ).toBe(403);
  expect(
    (
      await h.api('POST', `/api/org/managers/${m002.id}/transfer`, {
        token: t.hr,
        body: { countyId: countyB.id, reason: '工作调动' },
      })
    ).status,
  ).toBe(200);
  expect((await h.db.prisma.manager.findUniqueOrThrow({ where: { id: m002.id } })).countyId).toBe(countyB.id);
  expect(
    await h.db.prisma.evaluation.findFirstOrThrow({ where: { cycleId: cycle.id, managerId: m002.id } }),
  ).toMatchObject({ countyId: countyA.id });

  // A new manager joins county A: they get their own task, due 5 days from joining.
  const joinBody = {
    employeeNo: 'M005',
    name: '赵敏',
    countyId: countyA.id,
    area: 'RURAL',
    employment: 'CONTRACT',
    hireDate: '2026-11-20',
    postStartDate: '2026-11-20',
    education: 'BACHELOR',
    username: 'm005',
    email: 'm005@test.local',
    password: 'welcome-2026',
  };
  const bad = await h.api('POST', '/api/org/managers', {
    token: t.hr,
    body: { ...joinBody, hireDate: '2026-13-01', email: 'nope' },
  });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.email', 'body.hireDate']);
  const joined = await h.api('POST', '/api/org/managers', { token: t.hr, body: joinBody });
  expect(joined.status).toBe(201);
  expect(joined.body.joinedCycles).toEqual([cycle.id]);
  expect((await h.api('POST', '/api/org/managers', { token: t.hr, body: joinBody })).status).toBe(409);
  const m005Task = await eventually(
    () => h.db.prisma.task.findFirst({ where: { assignee: { username: 'm005' } } }).then((x) => x ?? undefined),
    15_000,
    'm005 task',
  );
  expect(m005Task.dueDate).toBe(addDays(shanghaiDate(m005Task.openedAt), 5));
  await h.smtp.waitFor((m) => m.some((x) => x.to.includes('m005@test.local')));
  const m005 = await h.login('m005', 'welcome-2026');
  expect(
    (await h.api('POST', `/api/tasks/${m005Task.id}/submission`, { token: m005, body: validSelfAssessment })).status,
  ).toBe(201);

  // m003 leaves before submitting: the task is cancelled, the account closed, no reminders.
  const m003 = await h.db.prisma.manager.findUniqueOrThrow({ where: { employeeNo: 'M003' } });
  expect(
    (await h.api('POST', `/api/org/managers/${m003.id}/leave`, { token: t.hr, body: { reason: '离职' } })).status,
  ).toBe(200);
  expect(
    (await h.api('POST', `/api/org/managers/${m003.id}/leave`, { token: t.hr, body: { reason: '离职' } })).status,
  ).toBe(409);
  await eventually(
    async () => (await taskOf('m003')).status === 'CANCELLED' || undefined,
    15_000,
    'm003 task cancelled',
  );
  expect(await h.db.prisma.evaluation.findFirstOrThrow({ where: { managerId: m003.id } })).toMatchObject({
    stage: 'WITHDRAWN',
  });
  expect((await h.api('GET', '/api/me', { token: t.m003 })).status).toBe(401);

  // m001 submits; the county's review opens with m001, m002 and m005; m003 is not ranked.
  expect(
    (
      await h.api('POST', `/api/tasks/${(await taskOf('m001')).id}/submission`, {
        token: t.m001,
        body: { ...validSelfAssessment, attitude: 99, knowledge: 99, skills: 99 },
      })
    ).status,
  ).toBe(201);
  const signOff = await eventually(
    () => h.db.prisma.task.findFirst({ where: { kind: 'COUNTY_SIGN_OFF' } }).then((x) => x ?? undefined),
    15_000,
    'sign-off',
  );
  expect(
    (await h.api('POST', `/api/tasks/${signOff.id}/submission`, { token: t.head01, body: { decision: 'signOff' } }))
      .status,
  ).toBe(201);
  const approval = await eventually(
    () => h.db.prisma.task.findFirst({ where: { kind: 'CITY_APPROVAL' } }).then((x) => x ?? undefined),
    15_000,
    'approval',
  );
  expect(
    (await h.api('POST', `/api/tasks/${approval.id}/submission`, { token: t.approver, body: { decision: 'approve' } }))
      .status,
  ).toBe(201);
  await eventually(
    async () => (await h.db.prisma.evaluation.count({ where: { stage: 'PUBLISHED' } })) === 3 || undefined,
    15_000,
    'published',
  );
  const ranked = await h.db.prisma.evaluation.findMany({
    where: { stage: 'PUBLISHED' },
    include: { manager: true },
    orderBy: [{ rank: 'asc' }, { manager: { employeeNo: 'asc' } }],
  });
  expect(ranked.map((e) => [e.manager.employeeNo, e.rank, e.cohortSize])).toEqual([
    ['M001', 1, 3],
    ['M002', 2, 3],
    ['M005', 2, 3],
  ]);
  expect(h.smtp.to('m003@test.local').filter((m) => m.subject.includes('考评结果'))).toHaveLength(0);
});

test("a manager recorded whose join never started (the API died) joins on the cycle's hourly look", async () => {
  const county = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C02' } });
  const cycle = (
    await h.api('POST', '/api/cycles', {
      token: t.hr,
      body: { type: 'MONTHLY', period: '2026-12', countyId: county.id },
    })
  ).body;
  await eventually(
    async () => (await h.db.prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).status === 'OPEN' || undefined,
    20_000,
    'cycle open',
  );
  // What POST /api/org/managers commits before it starts managerJoinWorkflow, and no more.
  const user = await h.db.prisma.user.create({
    data: {
      username: 'm090',
      passwordHash: 'not-used',
      displayName: '钱多多',
      email: 'm090@test.local',
      roles: { create: [{ role: 'MANAGER', orgUnitId: county.id }] },
    },
  });
  const manager = await h.db.prisma.manager.create({
    data: {
      employeeNo: 'M090',
      name: '钱多多',
      countyId: county.id,
      area: 'URBAN',
      employment: 'FORMAL',
      hireDate: new Date('2026-12-01'),
      postStartDate: new Date('2026-12-01'),
      education: 'BACHELOR',
      grade: 'TRAINEE',
      userId: user.id,
    },
  });
  expect(await h.db.prisma.evaluation.count({ where: { cycleId: cycle.id, managerId: manager.id } })).toBe(0);

  await h.env.sleep('61 minutes');
  const task = await eventually(
    () =>
      h.db.prisma.task
        .findFirst({ where: { cycleId: cycle.id, assignee: { username: 'm090' } } })
        .then((x) => x ?? undefined),
    20_000,
    "the late manager's task",
  );
  expect(task).toMatchObject({ kind: 'SELF_ASSESSMENT', status: 'OPEN' });
  // Managers who were there when the cycle opened have one evaluation each, as before.
  const evaluations = await h.db.prisma.evaluation.groupBy({
    by: ['managerId'],
    where: { cycleId: cycle.id },
    _count: true,
  });
  expect(evaluations.every((e) => e._count === 1)).toBe(true);
});

test("HR maintains a manager's retail customers: added, retired, taken over from another territory", async () => {
  const m003 = await h.db.prisma.manager.findUniqueOrThrow({ where: { employeeNo: 'M003' } });
  const m001 = await h.db.prisma.manager.findUniqueOrThrow({ where: { employeeNo: 'M001' } });
  const path = `/api/org/managers/${m003.id}/customers`;
  const bad = await h.api('POST', path, { token: t.hr, body: { customers: [{ licenceNo: 'x1', name: '' }] } });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
    'body.customers.0.licenceNo',
    'body.customers.0.name',
  ]);
  expect(
    (await h.api('POST', path, { token: t.head01, body: { customers: [{ licenceNo: '330100001', name: '新店' }] } }))
      .status,
  ).toBe(403);
  // A new shop, one retired, and one taken over from M001's territory.
  const taken = await h.db.prisma.retailCustomer.findFirstOrThrow({ where: { managerId: m001.id } });
  const retired = await h.db.prisma.retailCustomer.findFirstOrThrow({ where: { managerId: m003.id } });
  const ok = await h.api('POST', path, {
    token: t.hr,
    body: {
      customers: [
        { licenceNo: '330100001', name: '新开便利店', email: 'xin@retail.test.local', phone: '0571-88880000' },
        { licenceNo: retired.licenceNo, name: retired.name, active: false },
        { licenceNo: taken.licenceNo, name: taken.name, email: taken.email ?? undefined },
      ],
    },
  });
  expect(ok.status).toBe(200);
  expect(ok.body).toEqual({ created: 1, updated: 2, activeCustomers: 12 + 1 - 1 + 1 - 1 + 1 });
  const list = await h.api('GET', path, { token: t.head01 });
  expect(list.body.customers.find((c: { licenceNo: string }) => c.licenceNo === taken.licenceNo)).toMatchObject({
    active: true,
  });
  expect(list.body.customers.find((c: { licenceNo: string }) => c.licenceNo === retired.licenceNo)).toMatchObject({
    active: false,
  });
  expect((await h.api('GET', path, { token: t.m001 })).status).toBe(403);
  expect((await h.db.prisma.manager.findUniqueOrThrow({ where: { id: m003.id } })).retailCustomers).toBe(
    ok.body.activeCustomers,
  );
});

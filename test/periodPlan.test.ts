// 三自定: the manager sets their own KPI targets, plan and focus for the period through
// the API; it is theirs alone to set, it locks when they submit the self-assessment, it
// is on their timeline, and the result shows the targets beside the marketing review.
import { eventually, startHarness, type Harness } from './support/harness';
import { validMarketingReview, validSelfAssessment } from './support/fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const plan = {
  targets: { salesVolumeCompletion: 102, orderSuccessRate: 95, basicDataMaintenance: 95 },
  plan: '每周走访全部零售客户一次，月中复盘订货情况，月底前补齐客户档案。',
  focus: '新品推介与数据维护',
};

test('the manager sets, changes and locks their period plan; the result sets targets beside the KPIs', async () => {
  const t: Record<string, string> = {};
  for (const u of ['hr', 'm004', 'm001', 'head02', 'head01', 'reviewer02']) t[u] = await h.login(u);
  const countyB = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C02' } });
  expect(
    (
      await h.api('POST', '/api/cycles', {
        token: t.hr,
        body: { type: 'MONTHLY', period: '2026-12', countyId: countyB.id },
      })
    ).status,
  ).toBe(201);
  const tasks = await eventually(
    async () => {
      const x = await h.db.prisma.task.findMany();
      return x.length === 3 ? x : undefined;
    },
    20_000,
    'three tasks',
  );
  const byKind = Object.fromEntries(tasks.map((x) => [x.kind, x]));
  const evaluationId = byKind.SELF_ASSESSMENT!.evaluationId!;
  const path = `/api/evaluations/${evaluationId}/period-plan`;

  // Before: none, and the manager may set it.
  const before = await h.api('GET', `/api/evaluations/${evaluationId}`, { token: t.m004 });
  expect(before.body).toMatchObject({ periodPlan: null, periodPlanEditable: true });

  // Bad input: 400 naming the fields, nothing saved.
  const bad = await h.api('PUT', path, {
    token: t.m004,
    body: { targets: { salesVolumeCompletion: 102, orderSuccessRate: 120 }, plan: '短', focus: '' },
  });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
    'body.focus',
    'body.plan',
    'body.targets.basicDataMaintenance',
    'body.targets.orderSuccessRate',
  ]);
  expect(await h.db.prisma.periodPlan.count()).toBe(0);

  // Only the manager sets their own plan: their county head may read, not write; another county's head is refused outright.
  expect((await h.api('PUT', path, { token: t.head02, body: plan })).status).toBe(403);
  expect((await h.api('PUT', path, { token: t.hr, body: plan })).status).toBe(403);
  expect((await h.api('PUT', path, { token: t.m001, body: plan })).status).toBe(403);
  expect((await h.api('GET', `/api/evaluations/${evaluationId}`, { token: t.head01 })).status).toBe(403);
  expect(
    (
      await h.api('PUT', '/api/evaluations/00000000-0000-4000-8000-000000000000/period-plan', {
        token: t.m004,
        body: plan,
      })
    ).status,
  ).toBe(404);
  expect((await h.api('PUT', '/api/evaluations/not-an-id/period-plan', { token: t.m004, body: plan })).status).toBe(
    404,
  );
  expect(await h.db.prisma.periodPlan.count()).toBe(0);

  // Set (201), the same again (200, nothing recorded), changed (200, recorded).
  const set = await h.api('PUT', path, { token: t.m004, body: plan });
  expect(set.status).toBe(201);
  expect(set.body).toMatchObject({ targets: plan.targets, plan: plan.plan, focus: plan.focus });
  expect((await h.api('PUT', path, { token: t.m004, body: plan })).status).toBe(200);
  const changed = { ...plan, targets: { ...plan.targets, salesVolumeCompletion: 105 } };
  expect((await h.api('PUT', path, { token: t.m004, body: changed })).status).toBe(200);
  const events = await h.db.prisma.auditLog.findMany({
    where: { entityId: evaluationId, action: { startsWith: 'evaluation.periodPlan' } },
    orderBy: { id: 'asc' },
  });
  expect(events.map((e) => e.action)).toEqual(['evaluation.periodPlanSet', 'evaluation.periodPlanChanged']);

  // The county head reads it; the timeline shows who set it.
  const asHead = await h.api('GET', `/api/evaluations/${evaluationId}`, { token: t.head02 });
  expect(asHead.body).toMatchObject({
    periodPlan: { targets: changed.targets, focus: changed.focus },
    periodPlanEditable: false,
  });
  const m004 = await h.db.prisma.manager.findUniqueOrThrow({ where: { employeeNo: 'M004' } });
  const timeline = await h.api('GET', `/api/managers/${m004.id}/timeline`, { token: t.hr });
  expect(
    timeline.body.events
      .filter((e: { action: string }) => e.action.startsWith('evaluation.periodPlan'))
      .map((e: { actorName: string }) => e.actorName),
  ).toEqual(['刘洋', '刘洋']);

  // The marketing review's KPIs: 104 / 96 / 90 against 105 / 95 / 95.
  expect(
    (
      await h.api('POST', `/api/tasks/${byKind.MARKETING_REVIEW!.id}/submission`, {
        token: t.reviewer02,
        body: validMarketingReview,
      })
    ).status,
  ).toBe(201);
  const withActual = await h.api('GET', `/api/evaluations/${evaluationId}`, { token: t.m004 });
  expect(withActual.body.periodPlan.outcome).toEqual([
    { kpi: 'salesVolumeCompletion', target: 105, actual: 104, met: false },
    { kpi: 'orderSuccessRate', target: 95, actual: 96, met: true },
    { kpi: 'basicDataMaintenance', target: 95, actual: 90, met: false },
  ]);

  // Once the self-assessment is in, the plan is the record: 409, unchanged.
  expect(
    (
      await h.api('POST', `/api/tasks/${byKind.SELF_ASSESSMENT!.id}/submission`, {
        token: t.m004,
        body: validSelfAssessment,
      })
    ).status,
  ).toBe(201);
  const locked = await h.api('PUT', path, { token: t.m004, body: plan });
  expect(locked.status).toBe(409);
  expect(locked.body.code).toBe('period_plan_locked');
  expect((await h.db.prisma.periodPlan.findUniqueOrThrow({ where: { evaluationId } })).targets).toEqual(
    changed.targets,
  );
  expect((await h.api('GET', `/api/evaluations/${evaluationId}`, { token: t.m004 })).body.periodPlanEditable).toBe(
    false,
  );
});

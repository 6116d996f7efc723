// The half-year cycle (半年): a skill-level assessment (技能等级考评) of exam score and
// ability review; the skill score is the cycle's composite and, once the city
// approves, the skill level is recorded on the manager.
import { eventually, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

test('exam 90 and ability review 80 give skill score 86, recorded as senior', async () => {
  const t: Record<string, string> = {};
  for (const u of ['hr', 'reviewer02', 'm004', 'head02', 'approver']) t[u] = await h.login(u);
  const countyB = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C02' } });
  expect(
    (
      await h.api('POST', '/api/cycles', {
        token: t.hr,
        body: { type: 'HALF_YEAR', period: '2026-H2', countyId: countyB.id },
      })
    ).status,
  ).toBe(201);
  const task = await eventually(
    () => h.db.prisma.task.findFirst({ include: { assignee: true } }).then((x) => x ?? undefined),
    20_000,
    'skill task',
  );
  expect(task.kind).toBe('SKILL_ASSESSMENT');
  expect(task.assignee.username).toBe('reviewer02');
  expect(await h.db.prisma.task.count()).toBe(1);

  expect(
    (
      await h.api('POST', `/api/tasks/${task.id}/submission`, {
        token: t.m004,
        body: { examScore: 90, abilityReview: 80, comment: '笔试优秀' },
      })
    ).status,
  ).toBe(403);
  const bad = await h.api('POST', `/api/tasks/${task.id}/submission`, {
    token: t.reviewer02,
    body: { examScore: 101, abilityReview: 80, comment: '笔试优秀' },
  });
  expect(bad.status).toBe(400);
  expect(bad.body.errors[0].field).toBe('body.examScore');
  const ok = await h.api('POST', `/api/tasks/${task.id}/submission`, {
    token: t.reviewer02,
    body: { examScore: 90, abilityReview: 80, comment: '笔试优秀，现场答辩条理清晰。' },
  });
  expect(ok.status).toBe(201);
  expect(ok.body.scores).toEqual({ skill: 86 });

  const signOff = await eventually(
    () => h.db.prisma.task.findFirst({ where: { kind: 'COUNTY_SIGN_OFF' } }).then((x) => x ?? undefined),
    20_000,
    'sign-off',
  );
  expect(
    (await h.api('POST', `/api/tasks/${signOff.id}/submission`, { token: t.head02, body: { decision: 'signOff' } }))
      .status,
  ).toBe(201);
  const approval = await eventually(
    () => h.db.prisma.task.findFirst({ where: { kind: 'CITY_APPROVAL' } }).then((x) => x ?? undefined),
    20_000,
    'approval',
  );
  expect(
    (await h.api('POST', `/api/tasks/${approval.id}/submission`, { token: t.approver, body: { decision: 'approve' } }))
      .status,
  ).toBe(201);

  const manager = await eventually(
    async () => {
      const m = await h.db.prisma.manager.findUniqueOrThrow({ where: { employeeNo: 'M004' } });
      return m.skillLevel ? m : undefined;
    },
    20_000,
    'skill level recorded',
  );
  expect(manager).toMatchObject({ skillLevel: 'SENIOR', skillPeriod: '2026-H2' });
  const evaluation = await h.db.prisma.evaluation.findFirstOrThrow({ include: { scores: true } });
  expect(Number(evaluation.compositeScore)).toBe(86);
  expect(evaluation.scores[0]!.details).toEqual({ examScore: 90, abilityReview: 80, skillLevel: 'SENIOR' });
  const audit = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'manager.skillLevelRecorded' } });
  expect(audit.details).toMatchObject({ skillLevel: 'SENIOR', skillScore: 86, period: '2026-H2' });
});

// The default quarterly template adds industry-partner feedback (工业企业评价): the
// county's partner rates brand cultivation and information feedback; the composite
// then weighs four evaluations (performance 40, industry 10, self 10, marketing 20).
import { defaultTemplateConfig } from '../domain/templates';
import { eventually, startHarness, type Harness } from './support/harness';
import { validInspection, validMarketingReview, validSelfAssessment } from './support/fixtures';

let h: Harness;
// The customer survey (its own test) is left out here: it closes only at its due date.
const { CUSTOMER_SURVEY: _survey, ...withoutSurvey } = defaultTemplateConfig('QUARTERLY').tasks;
beforeAll(async () => {
  h = await startHarness({ templates: { QUARTERLY: { ...defaultTemplateConfig('QUARTERLY'), tasks: withoutSurvey } } });
});
afterAll(() => h?.close());

test("a quarterly evaluation with the industry partner's feedback", async () => {
  const t: Record<string, string> = {};
  for (const u of ['hr', 'partner02', 'inspector02', 'reviewer02', 'm004', 'inspector01']) t[u] = await h.login(u);
  const countyB = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C02' } });
  expect(
    (
      await h.api('POST', '/api/cycles', {
        token: t.hr,
        body: { type: 'QUARTERLY', period: '2026-Q4', countyId: countyB.id },
      })
    ).status,
  ).toBe(201);
  const tasks = await eventually(
    async () => {
      const x = await h.db.prisma.task.findMany({ include: { assignee: true } });
      return x.length === 4 ? x : undefined;
    },
    20_000,
    'four tasks',
  );
  const byKind = Object.fromEntries(tasks.map((x) => [x.kind, x]));
  expect(byKind.INDUSTRY_FEEDBACK!.assignee.username).toBe('partner02');

  const feedback = { brandCultivation: 90, informationFeedback: 80, comment: '新品推广配合积极，市场信息反馈及时。' };
  expect(
    (await h.api('POST', `/api/tasks/${byKind.INDUSTRY_FEEDBACK!.id}/submission`, { token: t.m004, body: feedback }))
      .status,
  ).toBe(403);
  const bad = await h.api('POST', `/api/tasks/${byKind.INDUSTRY_FEEDBACK!.id}/submission`, {
    token: t.partner02,
    body: { ...feedback, brandCultivation: 120 },
  });
  expect(bad.status).toBe(400);
  expect(bad.body.errors[0].field).toBe('body.brandCultivation');
  const ok = await h.api('POST', `/api/tasks/${byKind.INDUSTRY_FEEDBACK!.id}/submission`, {
    token: t.partner02,
    body: feedback,
  });
  expect(ok.status).toBe(201);
  expect(ok.body.scores).toEqual({ industry: 85 });

  expect(
    (
      await h.api('POST', `/api/tasks/${byKind.INSPECTION!.id}/submission`, {
        token: t.inspector02,
        body: validInspection,
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await h.api('POST', `/api/tasks/${byKind.MARKETING_REVIEW!.id}/submission`, {
        token: t.reviewer02,
        body: validMarketingReview,
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await h.api('POST', `/api/tasks/${byKind.SELF_ASSESSMENT!.id}/submission`, {
        token: t.m004,
        body: validSelfAssessment,
      })
    ).status,
  ).toBe(201);

  // (40·96.8 + 10·85 + 10·85 + 20·88) / 80 − 8 = 91.65 − 8 = 83.65
  const evaluation = await eventually(
    async () => {
      const e = await h.db.prisma.evaluation.findFirstOrThrow();
      return e.compositeScore !== null ? e : undefined;
    },
    15_000,
    'scored',
  );
  expect(Number(evaluation.compositeScore)).toBe(83.65);
});

test('the partner who works with a manager gets their feedback task', async () => {
  const hr = await h.login('hr');
  const m004 = await h.db.prisma.manager.findUniqueOrThrow({ where: { employeeNo: 'M004' } });
  const [partner, reviewer] = await Promise.all(
    ['partner02b', 'reviewer02'].map((u) => h.db.prisma.user.findUniqueOrThrow({ where: { username: u } })),
  );
  const notAPartner = await h.api('POST', `/api/org/managers/${m004.id}/partner`, {
    token: hr,
    body: { partnerUserId: reviewer!.id },
  });
  expect(notAPartner.status).toBe(400);
  expect(notAPartner.body.errors[0].field).toBe('body.partnerUserId');
  expect(
    (
      await h.api('POST', `/api/org/managers/${m004.id}/partner`, {
        token: await h.login('m004'),
        body: { partnerUserId: partner!.id },
      })
    ).status,
  ).toBe(403);
  expect(
    (await h.api('POST', `/api/org/managers/${m004.id}/partner`, { token: hr, body: { partnerUserId: partner!.id } }))
      .status,
  ).toBe(200);

  const countyB = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C02' } });
  const opened = await h.api('POST', '/api/cycles', {
    token: hr,
    body: { type: 'QUARTERLY', period: '2027-Q1', countyId: countyB.id },
  });
  expect(opened.status).toBe(201);
  const task = await eventually(
    () =>
      h.db.prisma.task
        .findFirst({ where: { cycleId: opened.body.id, kind: 'INDUSTRY_FEEDBACK' }, include: { assignee: true } })
        .then((x) => x ?? undefined),
    20_000,
    'feedback task',
  );
  expect(task.assignee.username).toBe('partner02b');
});

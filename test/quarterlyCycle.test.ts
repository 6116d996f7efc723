// A quarterly cycle: the county head's sign-off must recommend one excellent manager of
// the county; on approval the star ratings move (top 20% +1, bottom 10% −1) and the
// results show the ranking and the recommendation.
import { eventually, startHarness, type Harness } from './support/harness';
import { selfAssessmentOnlyTemplate } from './support/harness';
import { validSelfAssessment } from './support/fixtures';
import { launchBrowser } from './support/browser';
import { scriptErrors, shot, signedIn } from './support/pages';

let h: Harness;
beforeAll(async () => {
  const quarterly = { ...selfAssessmentOnlyTemplate() };
  h = await startHarness({ templates: { QUARTERLY: quarterly } });
});
afterAll(() => h?.close());

test('quarterly: recommendation at sign-off, star moves and results', async () => {
  const t: Record<string, string> = {};
  for (const u of ['hr', 'head01', 'head02', 'approver', 'm001', 'm002', 'm003']) t[u] = await h.login(u);
  const countyA = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C01' } });
  const cycle = (
    await h.api('POST', '/api/cycles', {
      token: t.hr,
      body: { type: 'QUARTERLY', period: '2026-Q4', countyId: countyA.id },
    })
  ).body;
  const tasks = await eventually(
    async () => {
      const x = await h.db.prisma.task.findMany({ where: { kind: 'SELF_ASSESSMENT' }, include: { assignee: true } });
      return x.length === 3 ? x : undefined;
    },
    20_000,
    'tasks',
  );
  const scores: Record<string, number> = { m001: 95, m002: 80, m003: 60 };
  for (const task of tasks) {
    const n = scores[task.assignee.username]!;
    expect(
      (
        await h.api('POST', `/api/tasks/${task.id}/submission`, {
          token: t[task.assignee.username],
          body: { ...validSelfAssessment, attitude: n, knowledge: n, skills: n },
        })
      ).status,
    ).toBe(201);
  }
  const signOff = await eventually(
    () => h.db.prisma.task.findFirst({ where: { kind: 'COUNTY_SIGN_OFF' } }).then((x) => x ?? undefined),
    15_000,
    'sign-off',
  );
  const managers = Object.fromEntries((await h.db.prisma.manager.findMany()).map((m) => [m.employeeNo, m]));

  // A quarterly sign-off without a recommendation, or recommending another county's manager: 400.
  const none = await h.api('POST', `/api/tasks/${signOff.id}/submission`, {
    token: t.head01,
    body: { decision: 'signOff' },
  });
  expect(none.status).toBe(400);
  expect(none.body.errors[0].field).toBe('body.recommendedManagerId');
  expect(
    (
      await h.api('POST', `/api/tasks/${signOff.id}/submission`, {
        token: t.head01,
        body: { decision: 'signOff', recommendedManagerId: managers.M004!.id },
      })
    ).status,
  ).toBe(400);
  expect(
    (
      await h.api('POST', `/api/tasks/${signOff.id}/submission`, {
        token: t.head01,
        body: { decision: 'signOff', recommendedManagerId: managers.M001!.id },
      })
    ).status,
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

  // 3 managers: top 20% → round(0.6) = 1 up, bottom 10% → round(0.3) = 0 down. Stars were M001 3, M002 2, M003 1.
  const after = Object.fromEntries((await h.db.prisma.manager.findMany()).map((m) => [m.employeeNo, m.starRating]));
  expect(after).toMatchObject({ M001: 4, M002: 2, M003: 1 });
  expect(await h.db.prisma.auditLog.count({ where: { action: 'manager.starRatingMoved' } })).toBe(1);
  // The move is kept in the star history, shown with the grade history.
  const stars = await h.api('GET', `/api/managers/${managers.M001!.id}/grades`, { token: t.hr });
  expect(stars.body.starHistory).toEqual([
    { period: '2026-Q4', cycleId: cycle.id, from: 3, to: 4, reason: 'top share of the cohort', at: expect.any(String) },
  ]);

  const results = await h.api('GET', `/api/cycles/${cycle.id}/results`, { token: t.hr });
  expect(results.status).toBe(200);
  const [county] = results.body.counties;
  expect(county.review).toMatchObject({ status: 'PUBLISHED', recommendedManagerId: managers.M001!.id });
  expect(
    county.ranking.map(
      (r: { manager: { employeeNo: string }; rank: number; compositeScore: number; monthlyStar: boolean }) => [
        r.manager.employeeNo,
        r.rank,
        r.compositeScore,
        r.monthlyStar,
      ],
    ),
  ).toEqual([
    ['M001', 1, 95, false],
    ['M002', 2, 80, false],
    ['M003', 3, 60, false],
  ]);
  expect(county.ranking.map((r: { starMove: unknown }) => r.starMove)).toEqual([{ from: 3, to: 4 }, null, null]);
  expect((await h.api('GET', `/api/cycles/${cycle.id}/results`, { token: t.head02 })).status).toBe(403);

  // On the cycle's page: the recommended manager and the star move beside the ranking.
  const browser = await launchBrowser();
  try {
    const hr = await signedIn(h, browser, 'hr');
    await hr.goto(`${h.baseUrl}/app/#/cycles/${cycle.id}`);
    await hr.waitForSelector('.ranking .star-move');
    const first = await hr.locator('.ranking tbody tr.ant-table-row').first().textContent();
    expect(first).toContain('推荐优秀客户经理');
    expect(first).toContain('★★★ → ★★★★');
    await shot(hr, '54-quarterly-stars-and-recommendation');
    expect(scriptErrors(hr)).toEqual([]);
  } finally {
    await browser.close();
  }

  // The county's publication tells the cycle at once: HR sees it closed, not an hour
  // later at the cycle's next safety-net check (workflow time: a skipped hour would show).
  const closed = await eventually(
    async () => {
      const c = await h.db.prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } });
      return c.status === 'CLOSED' ? c : undefined;
    },
    15_000,
    'cycle closed',
  );
  const published = await h.db.prisma.auditLog.findFirstOrThrow({
    where: { action: 'review.published', cycleId: cycle.id },
  });
  expect(closed.closedAt!.getTime() - published.at.getTime()).toBeLessThan(60_000);
});

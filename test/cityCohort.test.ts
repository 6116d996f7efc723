// Ranking with the whole city as cohort (a template option; the county is the default):
// each county signs off and is approved on its own, then the city is ranked as one.
import { eventually, selfAssessmentOnlyTemplate, startHarness, type Harness } from './support/harness';
import { validSelfAssessment } from './support/fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ templates: { MONTHLY: { ...selfAssessmentOnlyTemplate(), rankingCohort: 'city' } } });
});
afterAll(() => h?.close());

test('a city-wide cycle ranked as one cohort once every county is approved', async () => {
  const t: Record<string, string> = {};
  for (const u of ['hr', 'head01', 'head02', 'approver', 'm001', 'm002', 'm003', 'm004']) t[u] = await h.login(u);
  const cycle = (await h.api('POST', '/api/cycles', { token: t.hr, body: { type: 'MONTHLY', period: '2026-11' } }))
    .body;
  expect(cycle.scope.kind).toBe('CITY');
  const tasks = await eventually(
    async () => {
      const x = await h.db.prisma.task.findMany({ where: { kind: 'SELF_ASSESSMENT' }, include: { assignee: true } });
      return x.length === 4 ? x : undefined;
    },
    20_000,
    'four tasks',
  );
  const scores: Record<string, number> = { m001: 70, m002: 90, m003: 60, m004: 80 };
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
  for (const head of ['head01', 'head02']) {
    const signOff = await eventually(
      () =>
        h.db.prisma.task
          .findFirst({ where: { kind: 'COUNTY_SIGN_OFF', assignee: { username: head } } })
          .then((x) => x ?? undefined),
      15_000,
      `${head} sign-off`,
    );
    expect(
      (await h.api('POST', `/api/tasks/${signOff.id}/submission`, { token: t[head], body: { decision: 'signOff' } }))
        .status,
    ).toBe(201);
  }
  await eventually(
    async () => (await h.db.prisma.task.count({ where: { kind: 'CITY_APPROVAL' } })) === 2 || undefined,
    15_000,
    'two approvals',
  );
  const [first, second] = await h.db.prisma.task.findMany({
    where: { kind: 'CITY_APPROVAL' },
    orderBy: { countyId: 'asc' },
  });
  expect(
    (await h.api('POST', `/api/tasks/${first!.id}/submission`, { token: t.approver, body: { decision: 'approve' } }))
      .status,
  ).toBe(201);
  // One county approved: nothing is ranked yet.
  await eventually(
    async () => (await h.db.prisma.countyReview.count({ where: { status: 'APPROVED' } })) === 1 || undefined,
    15_000,
    'one approved',
  );
  expect(await h.db.prisma.evaluation.count({ where: { rank: { not: null } } })).toBe(0);
  expect(
    (await h.api('POST', `/api/tasks/${second!.id}/submission`, { token: t.approver, body: { decision: 'approve' } }))
      .status,
  ).toBe(201);
  // Both approved (or already published: the city's publication may follow within the poll's
  // interval, and a loaded machine may take longer than a quiet one).
  await eventually(
    async () =>
      (await h.db.prisma.countyReview.count({ where: { status: { in: ['APPROVED', 'PUBLISHED'] } } })) === 2 ||
      undefined,
    30_000,
    'both approved',
  );

  // The last county's approval tells the cycle, which ranks and publishes the whole city
  // at once (no waiting for its hourly check).
  await eventually(
    async () => (await h.db.prisma.evaluation.count({ where: { stage: 'PUBLISHED' } })) === 4 || undefined,
    30_000,
    'published',
  );
  const ranked = await h.db.prisma.evaluation.findMany({ include: { manager: true }, orderBy: { rank: 'asc' } });
  expect(ranked.map((e) => [e.manager.employeeNo, e.rank, e.cohortSize, e.monthlyStar])).toEqual([
    ['M002', 1, 4, true],
    ['M004', 2, 4, false],
    ['M001', 3, 4, false],
    ['M003', 4, 4, false],
  ]);
  await h.smtp.waitFor((m) =>
    ['m001', 'm002', 'm003', 'm004'].every((u) =>
      m.some((x) => x.to.includes(`${u}@test.local`) && x.subject.includes('考评结果')),
    ),
  );
  // Each result's talk (情感沟通) opened by the city's publication, in bulk, and its opening
  // mail sent from the cycle: 甲县's three to head01, 乙县's one to head02.
  const talks = await eventually(
    async () => {
      const x = await h.db.prisma.task.findMany({ where: { kind: 'RESULTS_TALK' }, include: { assignee: true } });
      return x.length === 4 ? x : undefined;
    },
    20_000,
    'four talks',
  );
  expect(talks.map((x) => x.assignee.username).sort()).toEqual(['head01', 'head01', 'head01', 'head02']);
  await eventually(
    async () =>
      (await h.db.prisma.notificationOutbox.count({
        where: { status: 'SENT', OR: talks.map((x) => ({ dedupeKey: { startsWith: `task:${x.id}:opened` } })) },
      })) === 4 || undefined,
    20_000,
    'the talks’ opening mails',
  );
  const closed = await eventually(
    async () => {
      const c = await h.db.prisma.cycle.findFirstOrThrow();
      return c.status === 'CLOSED' ? c : undefined;
    },
    15_000,
    'cycle closed',
  );
  const lastApproval = await h.db.prisma.auditLog.findFirstOrThrow({
    where: { action: 'review.approved' },
    orderBy: { at: 'desc' },
  });
  expect(closed.closedAt!.getTime() - lastApproval.at.getTime()).toBeLessThan(60_000);
});

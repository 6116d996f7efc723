// Two monthly cycles in county A, driven through the API to publication: ranks within
// the county, the monthly star, and the bottom-ranking flag for the bottom 2 of the
// cohort in 2 consecutive months (末位淘汰).
import {
  eventually,
  publishCountyCycle,
  selfAssessmentOnlyTemplate,
  startHarness,
  type Harness,
} from './support/harness';

let h: Harness;
let tokens: Record<string, string>;
beforeAll(async () => {
  h = await startHarness({ templates: { MONTHLY: selfAssessmentOnlyTemplate() } });
  tokens = {};
  for (const u of ['hr', 'head01', 'approver', 'm001', 'm002', 'm003']) tokens[u] = await h.login(u);
  tokens.head02 = await h.login('head02');
});
afterAll(() => h?.close());

const selfScores: Record<string, number> = { m001: 95, m002: 80, m003: 70 };

const runMonth = (period: string) => publishCountyCycle(h, { type: 'MONTHLY', period, countyCode: 'C01', selfScores });

test('ranks, the monthly star and the bottom-2-twice flag', async () => {
  const october = await runMonth('2026-10');
  const ranks = await h.db.prisma.evaluation.findMany({
    where: { cycleId: october },
    include: { manager: true },
    orderBy: { rank: 'asc' },
  });
  expect(
    ranks.map((e) => [e.manager.employeeNo, Number(e.compositeScore), e.rank, e.cohortSize, e.monthlyStar]),
  ).toEqual([
    ['M001', 95, 1, 3, true],
    ['M002', 80, 2, 3, false],
    ['M003', 70, 3, 3, false],
  ]);
  expect(await h.db.prisma.bottomRankFlag.count()).toBe(0); // one month is not two

  const november = await runMonth('2026-11');
  const flags = await h.db.prisma.bottomRankFlag.findMany({ where: { cycleId: november } });
  const byManager = Object.fromEntries(
    await Promise.all(
      flags.map(async (f) => [
        (await h.db.prisma.manager.findUniqueOrThrow({ where: { id: f.managerId } })).employeeNo,
        f.rules,
      ]),
    ),
  );
  // Bottom 2 of 3 in October and November: M002 and M003.
  expect(byManager).toEqual({ M002: ['consecutive'], M003: ['consecutive'] });
  expect(await h.db.prisma.auditLog.count({ where: { action: 'manager.bottomRankFlagged' } })).toBe(2);

  // The trend against the month before: each manager's October score and rank beside November's.
  const results = await h.api('GET', `/api/cycles/${november}/results`, { token: tokens.hr });
  expect(results.body.previousPeriod).toBe('2026-10');
  const trend = results.body.counties[0].ranking.map(
    (r: { manager: { employeeNo: string }; compositeScore: number; previous: unknown }) => [
      r.manager.employeeNo,
      r.compositeScore,
      r.previous,
    ],
  );
  expect(trend).toEqual([
    ['M001', 95, { period: '2026-10', compositeScore: 95, rank: 1 }],
    ['M002', 80, { period: '2026-10', compositeScore: 80, rank: 2 }],
    ['M003', 70, { period: '2026-10', compositeScore: 70, rank: 3 }],
  ]);
  const first = await h.api('GET', `/api/cycles/${october}/results`, { token: tokens.hr });
  expect(first.body.previousPeriod).toBeNull();
  expect(first.body.counties[0].ranking[0].previous).toBeNull();
});

test('each flag opens a case: HR decides by employment type, the city approves; nothing happens without both', async () => {
  const cases = await eventually(
    async () => {
      const c = await h.db.prisma.bottomRankCase.findMany({ include: { manager: true } });
      return c.length === 2 ? c : undefined;
    },
    20_000,
    'two cases',
  );
  const byNo = Object.fromEntries(cases.map((c) => [c.manager.employeeNo, c]));
  const decisionTask = async (caseId: string, round: number) =>
    eventually(
      () =>
        h.db.prisma.task
          .findFirst({
            where: { bottomRankCaseId: caseId, kind: 'BOTTOM_RANK_DECISION', round },
            include: { assignee: true },
          })
          .then((t) => t ?? undefined),
      20_000,
      'HR decision',
    );
  const approvalTask = async (caseId: string, round: number) =>
    eventually(
      () =>
        h.db.prisma.task
          .findFirst({
            where: { bottomRankCaseId: caseId, kind: 'BOTTOM_RANK_APPROVAL', round },
            include: { assignee: true },
          })
          .then((t) => t ?? undefined),
      20_000,
      'city approval',
    );

  // M003 is formal staff: no contract to end.
  const d1 = await decisionTask(byNo.M003!.id, 1);
  expect(d1.assignee.username).toBe('hr');
  const wrong = await h.api('POST', `/api/tasks/${d1.id}/submission`, {
    token: tokens.hr,
    body: { action: 'CONTRACT_END', reason: '连续两月末位' },
  });
  expect(wrong.status).toBe(400);
  expect(wrong.body.errors[0].field).toBe('body.action');
  expect(
    (
      await h.api('POST', `/api/tasks/${d1.id}/submission`, {
        token: tokens.approver,
        body: { action: 'SUSPEND_FOR_STUDY', reason: '连续两月末位' },
      })
    ).status,
  ).toBe(403);
  expect(
    (
      await h.api('POST', `/api/tasks/${d1.id}/submission`, {
        token: tokens.hr,
        body: { action: 'SUSPEND_FOR_STUDY', reason: '连续两月末位，待岗学习一个月' },
      })
    ).status,
  ).toBe(201);
  // HR alone changes nothing; the city rejects with a reason and HR decides again.
  expect((await h.db.prisma.bottomRankCase.findUniqueOrThrow({ where: { id: byNo.M003!.id } })).action).toBeNull();
  const a1 = await approvalTask(byNo.M003!.id, 1);
  expect(a1.assignee.username).toBe('approver');
  expect(
    (
      await h.api('POST', `/api/tasks/${a1.id}/submission`, {
        token: tokens.approver,
        body: { decision: 'reject', reason: '见习期员工，先谈话帮扶' },
      })
    ).status,
  ).toBe(201);
  const d2 = await decisionTask(byNo.M003!.id, 2);
  expect(
    (
      await h.api('POST', `/api/tasks/${d2.id}/submission`, {
        token: tokens.hr,
        body: { action: 'NO_ACTION', reason: '见习期员工，谈话帮扶，不作处理' },
      })
    ).status,
  ).toBe(201);
  const a2 = await approvalTask(byNo.M003!.id, 2);
  expect(
    (await h.api('POST', `/api/tasks/${a2.id}/submission`, { token: tokens.approver, body: { decision: 'approve' } }))
      .status,
  ).toBe(201);

  // M002 is contract staff: the contract may be ended, once the city approves.
  const d3 = await decisionTask(byNo.M002!.id, 1);
  expect(
    (
      await h.api('POST', `/api/tasks/${d3.id}/submission`, {
        token: tokens.hr,
        body: { action: 'CONTRACT_END', reason: '连续两月排名末位，解除聘用合同' },
      })
    ).status,
  ).toBe(201);
  const a3 = await approvalTask(byNo.M002!.id, 1);
  expect(
    (
      await h.api('POST', `/api/tasks/${a3.id}/submission`, {
        token: tokens.approver,
        body: { decision: 'approve', comment: '同意' },
      })
    ).status,
  ).toBe(201);

  const decided = await eventually(
    async () => {
      const c = await h.db.prisma.bottomRankCase.findMany({ where: { status: 'DECIDED' }, include: { manager: true } });
      return c.length === 2 ? c : undefined;
    },
    20_000,
    'decided',
  );
  expect(Object.fromEntries(decided.map((c) => [c.manager.employeeNo, [c.action, c.reason]]))).toEqual({
    M003: ['NO_ACTION', '见习期员工，谈话帮扶，不作处理'],
    M002: ['CONTRACT_END', '连续两月排名末位，解除聘用合同'],
  });
  await h.smtp.waitFor((m) => m.some((x) => x.to.includes('m002@test.local') && x.subject.includes('末位淘汰')));
  const listed = await h.api('GET', '/api/bottom-rank-cases', { token: tokens.hr });
  expect(listed.body.cases).toHaveLength(2);
  expect((await h.api('GET', '/api/bottom-rank-cases', { token: tokens.head02 })).body.cases).toHaveLength(0);
  expect((await h.api('GET', '/api/bottom-rank-cases', { token: tokens.m002 })).status).toBe(403);
  expect(await h.db.prisma.auditLog.count({ where: { action: 'bottomRankCase.decided' } })).toBe(2);
});

// Two monthly cycles in county A, driven through the API to publication: ranks within
// the county, the monthly star, and the bottom-ranking flag for the bottom 2 of the
// cohort in 2 consecutive months (末位淘汰).
import { eventually, selfAssessmentOnlyTemplate, startHarness, type Harness } from './support/harness';
import { validSelfAssessment } from './support/fixtures';

let h: Harness;
let tokens: Record<string, string>;
beforeAll(async () => {
  h = await startHarness({ templates: { MONTHLY: selfAssessmentOnlyTemplate() } });
  tokens = {};
  for (const u of ['hr', 'head01', 'approver', 'm001', 'm002', 'm003']) tokens[u] = await h.login(u);
});
afterAll(() => h?.close());

const selfScores: Record<string, number> = { m001: 95, m002: 80, m003: 70 };

async function runMonth(period: string): Promise<string> {
  const countyA = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C01' } });
  const opened = await h.api('POST', '/api/cycles', { token: tokens.hr, body: { type: 'MONTHLY', period, countyId: countyA.id } });
  expect(opened.status).toBe(201);
  const cycleId: string = opened.body.id;
  const tasks = await eventually(async () => {
    const t = await h.db.prisma.task.findMany({ where: { cycleId, kind: 'SELF_ASSESSMENT' }, include: { assignee: true } });
    return t.length === 3 ? t : undefined;
  }, 20_000, `${period} tasks`);
  for (const t of tasks) {
    const n = selfScores[t.assignee.username]!;
    const res = await h.api('POST', `/api/tasks/${t.id}/submission`, { token: tokens[t.assignee.username], body: { ...validSelfAssessment, attitude: n, knowledge: n, skills: n } });
    expect(res.status).toBe(201);
  }
  const signOff = await eventually(() => h.db.prisma.task.findFirst({ where: { cycleId, kind: 'COUNTY_SIGN_OFF' } }).then((t) => t ?? undefined), 15_000, 'sign-off');
  expect((await h.api('POST', `/api/tasks/${signOff.id}/submission`, { token: tokens.head01, body: { decision: 'signOff' } })).status).toBe(201);
  const approval = await eventually(() => h.db.prisma.task.findFirst({ where: { cycleId, kind: 'CITY_APPROVAL' } }).then((t) => t ?? undefined), 15_000, 'approval');
  expect((await h.api('POST', `/api/tasks/${approval.id}/submission`, { token: tokens.approver, body: { decision: 'approve' } })).status).toBe(201);
  await eventually(async () => (await h.db.prisma.evaluation.count({ where: { cycleId, stage: 'PUBLISHED' } })) === 3 || undefined, 15_000, `${period} published`);
  return cycleId;
}

test('ranks, the monthly star and the bottom-2-twice flag', async () => {
  const october = await runMonth('2026-10');
  const ranks = await h.db.prisma.evaluation.findMany({ where: { cycleId: october }, include: { manager: true }, orderBy: { rank: 'asc' } });
  expect(ranks.map((e) => [e.manager.employeeNo, Number(e.compositeScore), e.rank, e.cohortSize, e.monthlyStar])).toEqual([
    ['M001', 95, 1, 3, true], ['M002', 80, 2, 3, false], ['M003', 70, 3, 3, false],
  ]);
  expect(await h.db.prisma.bottomRankFlag.count()).toBe(0); // one month is not two

  const november = await runMonth('2026-11');
  const flags = await h.db.prisma.bottomRankFlag.findMany({ where: { cycleId: november } });
  const byManager = Object.fromEntries(await Promise.all(flags.map(async (f) => [(await h.db.prisma.manager.findUniqueOrThrow({ where: { id: f.managerId } })).employeeNo, f.rules])));
  // Bottom 2 of 3 in October and November: M002 and M003.
  expect(byManager).toEqual({ M002: ['consecutive'], M003: ['consecutive'] });
  expect(await h.db.prisma.auditLog.count({ where: { action: 'manager.bottomRankFlagged' } })).toBe(2);
});

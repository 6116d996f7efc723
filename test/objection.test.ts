// Objection (申诉, DOMAIN.md "Results talk and objection"): within 5 days of publication a
// manager objects to a component; the county head gives an opinion, the city decides;
// an adjustment recomputes the composite, re-ranks the county and tells those affected.
import { defaultTemplateConfig } from '../domain/templates';
import { eventually, publishCountyCycle, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  const t = defaultTemplateConfig('MONTHLY');
  h = await startHarness({ templates: { MONTHLY: { ...t, tasks: { SELF_ASSESSMENT: t.tasks.SELF_ASSESSMENT! } } } });
});
afterAll(async () => {
  await h?.close();
});

// 甲县 on a self-assessment-only template: the composite is the self-evaluation score.
const selfScores = { m001: 95, m002: 80, m003: 70 };

const evaluationOf = (username: string, cycleId: string) =>
  h.db.prisma.evaluation.findFirstOrThrow({ where: { cycleId, manager: { user: { username } } } });

async function decide(kind: string, username: string, body: object) {
  const task = await eventually(
    () => h.db.prisma.task.findFirst({ where: { kind: kind as never, status: 'OPEN' } }).then((x) => x ?? undefined),
    20_000,
    kind,
  );
  const token = await h.login(username);
  const context = await h.api('GET', `/api/tasks/${task.id}/context`, { token });
  const res = await h.api('POST', `/api/tasks/${task.id}/submission`, { token, body });
  return { task, context, res };
}

test('an adjusted objection recomputes the composite, re-ranks the county and mails who moved', async () => {
  const cycleId = await publishCountyCycle(h, { type: 'MONTHLY', period: '2026-11', countyCode: 'C01', selfScores });
  const m003 = await evaluationOf('m003', cycleId);
  expect([Number(m003.compositeScore), m003.rank]).toEqual([70, 3]);
  expect(m003.publishedAt).not.toBeNull();

  const mine = await h.login('m003');
  const page = await h.api('GET', `/api/evaluations/${m003.id}`, { token: mine });
  expect(page.body.objectionWindow).toMatchObject({ open: true, days: 5, mine: true });

  // Someone else's result, a bad body, then the objection.
  const other = await h.api('POST', `/api/evaluations/${m003.id}/objection`, {
    token: await h.login('m002'),
    body: { components: ['selfEvaluation'], reason: '不是我的结果' },
  });
  expect(other.status).toBe(403);
  const bad = await h.api('POST', `/api/evaluations/${m003.id}/objection`, {
    token: mine,
    body: { components: [], reason: 'x' },
  });
  expect(bad.status).toBe(400);
  const body = { components: ['selfEvaluation'], reason: '自评表第三项漏算，实际应为 90 分' };
  const filed = await h.api('POST', `/api/evaluations/${m003.id}/objection`, { token: mine, body });
  expect(filed.status).toBe(201);
  expect(filed.body).toMatchObject({ status: 'COUNTY_REVIEW', components: ['selfEvaluation'] });
  const again = await h.api('POST', `/api/evaluations/${m003.id}/objection`, { token: mine, body });
  expect(again.status).toBe(200);
  const second = await h.api('POST', `/api/evaluations/${m003.id}/objection`, {
    token: mine,
    body: { ...body, reason: '另一条理由，换个说法' },
  });
  expect(second.status).toBe(409);

  // The county head sees what is objected to and proposes 90; a component not objected to is refused.
  const outside = await decide('OBJECTION_COUNTY_REVIEW', 'head01', {
    decision: 'adjust',
    adjustments: [{ component: 'inspection', score: 100 }],
    reason: '督察不在申诉范围',
  });
  expect(outside.res.status).toBe(400);
  expect(outside.context.body.objection).toMatchObject({
    components: ['selfEvaluation'],
    reason: body.reason,
    manager: { employeeNo: expect.any(String) },
    evaluation: { compositeScore: 70, rank: 3, cohortSize: 3 },
  });
  expect(outside.context.body.objection.cohort).toHaveLength(3);
  const county = await decide('OBJECTION_COUNTY_REVIEW', 'head01', {
    decision: 'adjust',
    adjustments: [{ component: 'selfEvaluation', score: 90 }],
    reason: '核实自评表，第三项确有漏算',
  });
  expect(county.res.status).toBe(201);

  // The city adjusts: 70 → 90, rank 3 → 2; m002 moves 2 → 3 and is told.
  const city = await decide('OBJECTION_CITY_DECISION', 'approver', {
    decision: 'adjust',
    adjustments: [{ component: 'selfEvaluation', score: 90 }],
    reason: '同意县局意见',
  });
  expect(city.res.status).toBe(201);
  expect(city.context.body.objection.chain[0].payload).toMatchObject({ decision: 'adjust' });
  const decided = await eventually(
    async () => {
      const o = await h.db.prisma.objection.findUniqueOrThrow({ where: { evaluationId: m003.id } });
      return o.status === 'ADJUSTED' ? o : undefined;
    },
    20_000,
    'the decision',
  );
  expect(decided.outcome).toMatchObject({
    changes: [{ component: 'selfEvaluation', from: 70, to: 90 }],
    composite: { from: 70, to: 90 },
    rank: { from: 3, to: 2 },
    cohortSize: 3,
    reranked: [{ from: 2, to: 3 }],
  });
  const [after3, after2, after1] = await Promise.all([
    evaluationOf('m003', cycleId),
    evaluationOf('m002', cycleId),
    evaluationOf('m001', cycleId),
  ]);
  expect([Number(after3.compositeScore), after3.rank, after3.rankFromBottom]).toEqual([90, 2, 2]);
  expect([Number(after2.compositeScore), after2.rank, after2.rankFromBottom]).toEqual([80, 3, 1]);
  expect(after1.rank).toBe(1);

  await eventually(
    async () => (h.smtp.mails.some((m) => m.subject.includes('【申诉结果】')) ? true : undefined),
    20_000,
    'the decision mail',
  );
  const decisionMail = h.smtp.mails.find((m) => m.subject.includes('【申诉结果】'))!;
  expect(decisionMail.text).toContain('自我评价 70.00 → 90.00');
  expect(decisionMail.text).toContain('排名第 3 → 第 2');
  await eventually(
    async () => (h.smtp.mails.some((m) => m.subject.includes('排名变动')) ? true : undefined),
    20_000,
    'the rank mail',
  );
  const rankMail = h.smtp.mails.find((m) => m.subject.includes('排名变动'))!;
  expect(rankMail.text).toContain('排名由第 2 变为第 3');

  // The result page shows the trail; the audit has the change.
  const shown = await h.api('GET', `/api/evaluations/${m003.id}`, { token: mine });
  expect(shown.body.objection).toMatchObject({ status: 'ADJUSTED', decision: 'adjust' });
  expect(shown.body.objection.steps).toHaveLength(2);
  const audit = await h.db.prisma.auditLog.findMany({
    where: { entityId: m003.id, action: { startsWith: 'objection.' } },
  });
  expect(audit.map((a) => a.action).sort()).toEqual([
    'objection.cityDecisionOpened',
    'objection.decided',
    'objection.filed',
  ]);
});

test('after the window (5 days) an objection is refused; HR lists the objections', async () => {
  const cycleId = await publishCountyCycle(h, { type: 'MONTHLY', period: '2026-12', countyCode: 'C01', selfScores });
  const m001 = await evaluationOf('m001', cycleId);
  await h.db.prisma.evaluation.update({
    where: { id: m001.id },
    data: { publishedAt: new Date(Date.now() - 6 * 24 * 3600 * 1000) },
  });
  const late = await h.api('POST', `/api/evaluations/${m001.id}/objection`, {
    token: await h.login('m001'),
    body: { components: ['selfEvaluation'], reason: '晚了也想申诉一下' },
  });
  expect(late.status).toBe(409);
  expect(late.body.code).toBe('objection_window_closed');

  const listed = await h.api('GET', '/api/objections', { token: await h.login('hr') });
  expect(listed.status).toBe(200);
  expect(listed.body.total).toBe(1);
  expect(listed.body.objections[0]).toMatchObject({ status: 'ADJUSTED', evaluation: { rank: 2 } });
  const own = await h.api('GET', '/api/objections', { token: await h.login('m001') });
  expect(own.body.total).toBe(0);
});

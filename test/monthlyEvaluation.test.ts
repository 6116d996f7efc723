// The default monthly template: self-assessment (manager), county inspection
// (inspector) and marketing review with KPIs (reviewer); the composite score follows
// from the template's weights with the inspection deductions on top.
import { eventually, startHarness, type Harness } from './support/harness';
import { validInspection, validMarketingReview, validSelfAssessment } from './support/fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

test('three evaluations by three actors make the composite score', async () => {
  const hr = await h.login('hr');
  const countyB = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C02' } });
  expect(
    (
      await h.api('POST', '/api/cycles', {
        token: hr,
        body: { type: 'MONTHLY', period: '2026-11', countyId: countyB.id },
      })
    ).status,
  ).toBe(201);

  const tasks = await eventually(
    async () => {
      const t = await h.db.prisma.task.findMany({ include: { assignee: true } });
      return t.length === 3 ? t : undefined;
    },
    20_000,
    'three tasks for m004',
  );
  const byKind = Object.fromEntries(tasks.map((t) => [t.kind, t]));
  expect(byKind.SELF_ASSESSMENT!.assignee.username).toBe('m004');
  expect(byKind.INSPECTION!.assignee.username).toBe('inspector02');
  expect(byKind.MARKETING_REVIEW!.assignee.username).toBe('reviewer02');
  // Due 5, 7 and 10 days after opening (DOMAIN.md defaults).
  const opened = new Date(byKind.SELF_ASSESSMENT!.openedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const days = (d: string) => Math.round((Date.parse(d) - Date.parse(opened)) / 86_400_000);
  expect([
    days(byKind.SELF_ASSESSMENT!.dueDate),
    days(byKind.INSPECTION!.dueDate),
    days(byKind.MARKETING_REVIEW!.dueDate),
  ]).toEqual([5, 7, 10]);

  const inspector02 = await h.login('inspector02');
  const inspector01 = await h.login('inspector01');
  const reviewer02 = await h.login('reviewer02');
  const m004 = await h.login('m004');

  // Only the assigned inspector, of that county, enters the check results.
  expect(
    (
      await h.api('POST', `/api/tasks/${byKind.INSPECTION!.id}/submission`, {
        token: inspector01,
        body: validInspection,
      })
    ).status,
  ).toBe(403);
  expect(
    (await h.api('POST', `/api/tasks/${byKind.INSPECTION!.id}/submission`, { token: m004, body: validInspection }))
      .status,
  ).toBe(403);
  expect((await h.api('GET', `/api/tasks/${byKind.INSPECTION!.id}`, { token: inspector01 })).status).toBe(403);

  // Check items are validated item by item.
  const dup = await h.api('POST', `/api/tasks/${byKind.INSPECTION!.id}/submission`, {
    token: inspector02,
    body: { items: [validInspection.items[0], { ...validInspection.items[0], passed: true, deduction: 2 }] },
  });
  expect(dup.status).toBe(400);
  expect(dup.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
    'body.items.1.deduction',
    'body.items.1.item',
  ]);

  const inspection = await h.api('POST', `/api/tasks/${byKind.INSPECTION!.id}/submission`, {
    token: inspector02,
    body: validInspection,
  });
  expect(inspection.status).toBe(201);
  expect(inspection.body.scores).toEqual({ inspection: 92 }); // 100 − 5 − 3

  const review = await h.api('POST', `/api/tasks/${byKind.MARKETING_REVIEW!.id}/submission`, {
    token: reviewer02,
    body: validMarketingReview,
  });
  expect(review.status).toBe(201);
  // KPIs capped at 100, weighted 50/30/20: (50·100 + 30·96 + 20·90) / 100 = 96.8
  expect(review.body.scores).toEqual({ performance: 96.8, marketingReview: 88 });

  const self = await h.api('POST', `/api/tasks/${byKind.SELF_ASSESSMENT!.id}/submission`, {
    token: m004,
    body: validSelfAssessment,
  });
  expect(self.status).toBe(201);

  // (40·96.8 + 10·85 + 20·88) / 70 − 8 = 92.6 − 8 = 84.6
  const evaluation = await eventually(
    async () => {
      const e = await h.db.prisma.evaluation.findFirstOrThrow();
      return e.stage === 'SCORED' ? e : undefined;
    },
    15_000,
    'evaluation scored',
  );
  expect(Number(evaluation.compositeScore)).toBe(84.6);
  expect(evaluation.flagged).toBe(false);
  const scored = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'evaluation.scored' } });
  expect(scored.details).toMatchObject({
    compositeScore: 84.6,
    deductions: 8,
    gathered: ['performance', 'selfEvaluation', 'marketingReview'],
  });

  // County sign-off by county B's head: county A's head cannot.
  const signOff1 = await eventually(
    () =>
      h.db.prisma.task
        .findFirst({ where: { kind: 'COUNTY_SIGN_OFF', round: 1 }, include: { assignee: true } })
        .then((t) => t ?? undefined),
    15_000,
    'sign-off task',
  );
  expect(signOff1.assignee.username).toBe('head02');
  const head01 = await h.login('head01');
  const head02 = await h.login('head02');
  const approver = await h.login('approver');
  expect(
    (await h.api('POST', `/api/tasks/${signOff1.id}/submission`, { token: head01, body: { decision: 'signOff' } }))
      .status,
  ).toBe(403);
  expect(
    (await h.api('POST', `/api/tasks/${signOff1.id}/submission`, { token: head02, body: { decision: 'approve' } }))
      .status,
  ).toBe(400);
  expect(
    (
      await h.api('POST', `/api/tasks/${signOff1.id}/submission`, {
        token: head02,
        body: { decision: 'signOff', comment: '已核对' },
      })
    ).status,
  ).toBe(201);

  // The city returns the results with a reason (a return without one is refused).
  const approval1 = await eventually(
    () =>
      h.db.prisma.task
        .findFirst({ where: { kind: 'CITY_APPROVAL', round: 1 }, include: { assignee: true } })
        .then((t) => t ?? undefined),
    15_000,
    'approval task',
  );
  expect(approval1.assignee.username).toBe('approver');
  const noReason = await h.api('POST', `/api/tasks/${approval1.id}/submission`, {
    token: approver,
    body: { decision: 'return' },
  });
  expect(noReason.status).toBe(400);
  expect(noReason.body.errors[0].field).toBe('body.reason');
  expect(
    (
      await h.api('POST', `/api/tasks/${approval1.id}/submission`, {
        token: approver,
        body: { decision: 'return', reason: '督察扣分依据不足，请复核' },
      })
    ).status,
  ).toBe(201);
  await h.smtp.waitFor((m) => m.some((x) => x.to.includes('head02@test.local') && x.subject.includes('退回')));
  expect(h.smtp.to('head02@test.local').find((x) => x.subject.includes('退回'))!.text).toContain(
    '督察扣分依据不足，请复核',
  );

  // The county signs off again (round 2); the city approves.
  const signOff2 = await eventually(
    () => h.db.prisma.task.findFirst({ where: { kind: 'COUNTY_SIGN_OFF', round: 2 } }).then((t) => t ?? undefined),
    15_000,
    'round 2',
  );
  expect(
    (
      await h.api('POST', `/api/tasks/${signOff2.id}/submission`, {
        token: head02,
        body: { decision: 'signOff', comment: '已复核' },
      })
    ).status,
  ).toBe(201);
  const approval2 = await eventually(
    () => h.db.prisma.task.findFirst({ where: { kind: 'CITY_APPROVAL', round: 2 } }).then((t) => t ?? undefined),
    15_000,
    'approval round 2',
  );
  expect(
    (await h.api('POST', `/api/tasks/${approval2.id}/submission`, { token: approver, body: { decision: 'approve' } }))
      .status,
  ).toBe(201);

  // Published: ranked in the county, the monthly star, and a mail with the result.
  const published = await eventually(
    async () => {
      const e = await h.db.prisma.evaluation.findFirstOrThrow();
      return e.stage === 'PUBLISHED' ? e : undefined;
    },
    15_000,
    'published',
  );
  expect(published).toMatchObject({ rank: 1, cohortSize: 1, monthlyStar: true });
  await h.smtp.waitFor((m) => m.some((x) => x.to.includes('m004@test.local') && x.subject.includes('考评结果')));
  expect(h.smtp.to('m004@test.local').find((x) => x.subject.includes('考评结果'))!.text).toContain('综合得分 84.60 分');
  // The mail's link: the manager's own result; another county's head may not see it.
  const resultMail = h.smtp.to('m004@test.local').find((x) => x.subject.includes('考评结果'))!;
  // The mail links to the result page; the page reads GET /api/evaluations/:id.
  const link = `/api/evaluations/${/http:\/\/kaoping\.test\/app\/#\/evaluations\/([0-9a-f-]+)/.exec(resultMail.text)![1]!}`;
  const mine = await h.api('GET', link, { token: m004 });
  expect(mine.status).toBe(200);
  expect(mine.body).toMatchObject({ compositeScore: 84.6, rank: 1, stage: 'PUBLISHED' });
  expect(mine.body.scores.find((x: { component: string }) => x.component === 'inspection')).toMatchObject({
    value: 92,
    details: { deductions: 8 },
  });
  expect((await h.api('GET', link, { token: head01 })).status).toBe(403);
  const decisions = await h.db.prisma.approvalDecision.findMany({ orderBy: { decidedAt: 'asc' } });
  expect(decisions.map((d) => [d.stage, d.decision])).toEqual([
    ['countySignOff', 'signOff'],
    ['cityApproval', 'return'],
    ['countySignOff', 'signOff'],
    ['cityApproval', 'approve'],
  ]);
  expect(decisions[1]!.reason).toBe('督察扣分依据不足，请复核');
  // The cycle's watcher closes it at its next hourly check.
  await h.env.sleep(3_600_000 + 60_000);
  await eventually(
    async () => (await h.db.prisma.cycle.findFirstOrThrow()).status === 'CLOSED' || undefined,
    15_000,
    'cycle closed',
  );
});

// The default monthly template: self-assessment (manager), county inspection
// (inspector) and marketing review with KPIs (reviewer); the composite score follows
// from the template's weights with the inspection deductions on top.
import { eventually, startHarness, type Harness } from './support/harness';
import { validInspection, validMarketingReview, validSelfAssessment } from './support/fixtures';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(() => h?.close());

test('three evaluations by three actors make the composite score', async () => {
  const hr = await h.login('hr');
  const countyB = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C02' } });
  expect((await h.api('POST', '/api/cycles', { token: hr, body: { type: 'MONTHLY', period: '2026-11', countyId: countyB.id } })).status).toBe(201);

  const tasks = await eventually(async () => {
    const t = await h.db.prisma.task.findMany({ include: { assignee: true } });
    return t.length === 3 ? t : undefined;
  }, 20_000, 'three tasks for m004');
  const byKind = Object.fromEntries(tasks.map((t) => [t.kind, t]));
  expect(byKind.SELF_ASSESSMENT!.assignee.username).toBe('m004');
  expect(byKind.INSPECTION!.assignee.username).toBe('inspector02');
  expect(byKind.MARKETING_REVIEW!.assignee.username).toBe('reviewer02');
  // Due 5, 7 and 10 days after opening (DOMAIN.md defaults).
  const opened = new Date(byKind.SELF_ASSESSMENT!.openedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const days = (d: string) => Math.round((Date.parse(d) - Date.parse(opened)) / 86_400_000);
  expect([days(byKind.SELF_ASSESSMENT!.dueDate), days(byKind.INSPECTION!.dueDate), days(byKind.MARKETING_REVIEW!.dueDate)]).toEqual([5, 7, 10]);

  const inspector02 = await h.login('inspector02');
  const inspector01 = await h.login('inspector01');
  const reviewer02 = await h.login('reviewer02');
  const m004 = await h.login('m004');

  // Only the assigned inspector, of that county, enters the check results.
  expect((await h.api('POST', `/api/tasks/${byKind.INSPECTION!.id}/submission`, { token: inspector01, body: validInspection })).status).toBe(403);
  expect((await h.api('POST', `/api/tasks/${byKind.INSPECTION!.id}/submission`, { token: m004, body: validInspection })).status).toBe(403);
  expect((await h.api('GET', `/api/tasks/${byKind.INSPECTION!.id}`, { token: inspector01 })).status).toBe(403);

  // Check items are validated item by item.
  const dup = await h.api('POST', `/api/tasks/${byKind.INSPECTION!.id}/submission`, {
    token: inspector02,
    body: { items: [validInspection.items[0], { ...validInspection.items[0], passed: true, deduction: 2 }] },
  });
  expect(dup.status).toBe(400);
  expect(dup.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.items.1.deduction', 'body.items.1.item']);

  const inspection = await h.api('POST', `/api/tasks/${byKind.INSPECTION!.id}/submission`, { token: inspector02, body: validInspection });
  expect(inspection.status).toBe(201);
  expect(inspection.body.scores).toEqual({ inspection: 92 }); // 100 − 5 − 3

  const review = await h.api('POST', `/api/tasks/${byKind.MARKETING_REVIEW!.id}/submission`, { token: reviewer02, body: validMarketingReview });
  expect(review.status).toBe(201);
  // KPIs capped at 100, weighted 50/30/20: (50·100 + 30·96 + 20·90) / 100 = 96.8
  expect(review.body.scores).toEqual({ performance: 96.8, marketingReview: 88 });

  const self = await h.api('POST', `/api/tasks/${byKind.SELF_ASSESSMENT!.id}/submission`, { token: m004, body: validSelfAssessment });
  expect(self.status).toBe(201);

  // (40·96.8 + 10·85 + 20·88) / 70 − 8 = 92.6 − 8 = 84.6
  const evaluation = await eventually(async () => {
    const e = await h.db.prisma.evaluation.findFirstOrThrow();
    return e.stage === 'SCORED' ? e : undefined;
  }, 15_000, 'evaluation scored');
  expect(Number(evaluation.compositeScore)).toBe(84.6);
  expect(evaluation.flagged).toBe(false);
  const scored = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'evaluation.scored' } });
  expect(scored.details).toMatchObject({ compositeScore: 84.6, deductions: 8, gathered: ['performance', 'selfEvaluation', 'marketingReview'] });
});

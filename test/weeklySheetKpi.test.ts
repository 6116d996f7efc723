// "Weekly sheets sent on time" as a KPI (一张纸按时提交率): a monthly template weighs it 20 beside
// the KPI weights 50/30/20; M001 sent 2 of the month's 4 weeks on time (one late, one missed):
// the performance score is (50×100 + 30×96 + 20×90 + 20×50) / 120 = 89 instead of 96.8.
import { defaultTemplateConfig } from '../domain/templates';
import { weeksBelongingTo } from '../domain/weeklySheet';
import { validMarketingReview } from './support/fixtures';
import { eventually, openCountyCycle, startHarness, type Harness } from './support/harness';

const month = '2026-11'; // four weeks by their Thursdays: 11-02, 11-09, 11-16, 11-23
let h: Harness;
beforeAll(async () => {
  const t = defaultTemplateConfig('MONTHLY');
  h = await startHarness({
    templates: {
      MONTHLY: {
        ...t,
        weights: { ...t.weights, performance: 10, customer: 0, industry: 0, selfEvaluation: 0, marketingReview: 0 },
        tasks: { MARKETING_REVIEW: t.tasks.MARKETING_REVIEW! },
        weeklySheet: { ...t.weeklySheet, kpiWeight: 20 },
      },
    },
  });
});
afterAll(async () => {
  await h?.close();
});

test('two of four weeks on time at weight 20: performance 89', async () => {
  const m001 = await h.db.prisma.manager.findUniqueOrThrow({ where: { employeeNo: 'M001' } });
  const weeks = weeksBelongingTo(month);
  expect(weeks).toHaveLength(4);
  const states = [
    { status: 'REVIEWED', onTime: true },
    { status: 'REVIEWED', onTime: true },
    { status: 'REVIEWED', onTime: false },
    { status: 'MISSED', onTime: null },
  ] as const;
  for (const [i, weekStart] of weeks.entries())
    await h.db.prisma.weeklySheet.create({
      data: {
        managerId: m001.id,
        countyId: m001.countyId,
        weekStart,
        month,
        status: states[i]!.status,
        onTime: states[i]!.onTime,
        submittedAt: states[i]!.onTime === null ? null : new Date(`${weekStart}T10:00:00Z`),
        workflowId: `weekly-sheet-${m001.id}-${weekStart}`,
      },
    });

  const { cycleId } = await openCountyCycle(h, await h.login('hr'), 'C01', month);
  const review = await eventually(
    () =>
      h.db.prisma.task
        .findFirst({ where: { cycleId, kind: 'MARKETING_REVIEW', evaluation: { managerId: m001.id } } })
        .then((t) => t ?? undefined),
    20_000,
    'the marketing review',
  );
  const sent = await h.api('POST', `/api/tasks/${review.id}/submission`, {
    token: await h.login('reviewer01'),
    body: validMarketingReview,
  });
  expect(sent.status).toBe(201);
  expect(sent.body.scores.performance).toBe(96.8); // the KPIs alone, until the evaluation is scored
  const scored = await eventually(
    async () => {
      const e = await h.db.prisma.evaluation.findUniqueOrThrow({ where: { id: review.evaluationId! } });
      return e.compositeScore === null ? undefined : e;
    },
    20_000,
    'scored',
  );
  expect(Number(scored.compositeScore)).toBe(89);
  const performance = await h.db.prisma.score.findFirstOrThrow({
    where: { evaluationId: scored.id, component: 'performance' },
  });
  expect(Number(performance.value)).toBe(89);
  expect(performance.details).toMatchObject({ weeklySheets: { weeks: 4, onTime: 2, onTimeRate: 50, weight: 20 } });
  const page = await h.api('GET', `/api/evaluations/${scored.id}`, { token: await h.login('m001') });
  expect(page.body.explanation.weeklySheets).toEqual({ weeks: 4, onTime: 2, onTimeRate: 50, weight: 20 });
});

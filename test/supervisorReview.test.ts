// Supervisor review (上级考评, DOMAIN.md "360° review"): a template may add the county head's
// review with its weight; the head rates each manager on four items, the supervisor
// component is their mean, and the composite takes it with the template's weight.
import { defaultTemplateConfig } from '../domain/templates';
import { validSelfAssessment } from './support/fixtures';
import { eventually, openCountyCycle, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  const t = defaultTemplateConfig('MONTHLY');
  const self = t.tasks.SELF_ASSESSMENT!;
  h = await startHarness({
    templates: {
      MONTHLY: {
        ...t,
        // Self-evaluation and the supervisor review, 10 each: the composite is their mean.
        weights: { ...t.weights, performance: 0, customer: 0, marketingReview: 0, selfEvaluation: 10, supervisor: 10 },
        tasks: { SELF_ASSESSMENT: self, SUPERVISOR_REVIEW: self },
      },
    },
  });
});
afterAll(async () => {
  await h?.close();
});

test('the county head rates 80, 84, 88, 92: supervisor 86, and with a self-evaluation of 90 the composite is 88', async () => {
  const { cycleId } = await openCountyCycle(h, await h.login('hr'), 'C01', '2026-10');
  const tasks = await eventually(
    async () => {
      const t = await h.db.prisma.task.findMany({
        where: { cycleId, evaluation: { manager: { employeeNo: 'M001' } } },
        include: { assignee: true },
      });
      return t.length === 2 ? t : undefined;
    },
    20_000,
    'M001’s two tasks',
  );
  const supervisor = tasks.find((t) => t.kind === 'SUPERVISOR_REVIEW')!;
  const self = tasks.find((t) => t.kind === 'SELF_ASSESSMENT')!;
  expect(supervisor.assignee.username).toBe('head01');

  const review = { attitude: 80, execution: 84, teamwork: 88, competence: 92, comment: '执行力强，协作主动。' };
  const byManager = await h.api('POST', `/api/tasks/${supervisor.id}/submission`, {
    token: await h.login('m001'),
    body: review,
  });
  expect(byManager.status).toBe(403);
  const bad = await h.api('POST', `/api/tasks/${supervisor.id}/submission`, {
    token: await h.login('head01'),
    body: { ...review, teamwork: 101 },
  });
  expect(bad.status).toBe(400);
  const ok = await h.api('POST', `/api/tasks/${supervisor.id}/submission`, {
    token: await h.login('head01'),
    body: review,
  });
  expect(ok.status).toBe(201);
  expect(ok.body.scores).toEqual({ supervisor: 86 });
  const own = await h.api('POST', `/api/tasks/${self.id}/submission`, {
    token: await h.login('m001'),
    body: { ...validSelfAssessment, attitude: 90, knowledge: 90, skills: 90 },
  });
  expect(own.status).toBe(201);

  const scored = await eventually(
    async () => {
      const e = await h.db.prisma.evaluation.findUniqueOrThrow({ where: { id: self.evaluationId! } });
      return e.compositeScore === null ? undefined : e;
    },
    20_000,
    'the composite',
  );
  expect(Number(scored.compositeScore)).toBe(88);
  const page = await h.api('GET', `/api/evaluations/${scored.id}`, { token: await h.login('m001') });
  expect(page.body.explanation.gathered).toEqual(['selfEvaluation', 'supervisor']);
  expect(page.body.explanation.weights).toMatchObject({ selfEvaluation: 10, supervisor: 10 });
});

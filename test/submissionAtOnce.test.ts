// An evaluation task's submission is recorded by the API and answered at once, whatever the
// worker is doing (busyWorkflow.test.ts: with no worker at all); the workflow is told by a
// signal. If that signal is lost (the API died right after the write), the workflow finds
// the submission at its next step instead of reminding or closing the task as missing.
import { recordSubmissionAtOnce, submittableInclude, submittableTask } from '../prisma/submissions';
import { workflowStackFrames } from '../workflows/stackFrames';
import { validSelfAssessment } from './support/fixtures';
import { eventually, openCountyCycle, selfAssessmentOnlyTemplate, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ templates: { MONTHLY: selfAssessmentOnlyTemplate() } });
});
afterAll(() => h?.close());

const scored = (evaluationId: string) =>
  eventually(
    async () => {
      const e = await h.db.prisma.evaluation.findUniqueOrThrow({ where: { id: evaluationId } });
      return e.stage === 'SCORED' ? e : undefined;
    },
    60_000,
    'the evaluation scored',
  );

test('a submission whose signal was lost is found at the next step: no reminder, not closed as missing', async () => {
  const hr = await h.login('hr');
  const { county } = await openCountyCycle(h, hr, 'C02', '2026-11');
  const task = await eventually(
    () =>
      h.db.prisma.task
        .findFirst({
          where: { countyId: county.id, kind: 'SELF_ASSESSMENT', status: 'OPEN' },
          include: submittableInclude,
        })
        .then((t) => t ?? undefined),
    20_000,
    'a task in the second county',
  );
  // What the API writes before it signals; here nobody signals.
  const recorded = await recordSubmissionAtOnce(h.db.prisma, submittableTask(task), {
    at: new Date(await h.env.currentTimeMs()).toISOString(),
    requestId: 'lost-signal-0001',
    submittedById: task.assigneeId,
    payload: validSelfAssessment,
  });
  expect(recorded.outcome).toBe('accepted');

  // Meanwhile the workflow waits on its timers; Temporal's stack-trace query says where, in
  // at most workflowStackFrames frames a stack (workflows/stackFrames.ts keeps them short).
  const { workflowId } = await h.db.prisma.evaluation.findUniqueOrThrow({ where: { id: task.evaluationId! } });
  const stacks: string = await h.env.client.workflow.getHandle(workflowId).query('__stack_trace');
  const frames = stacks.split(/\n\n/).map((stack) => stack.split('\n').filter((l) => /^\s+at /.test(l)).length);
  expect(Math.max(...frames)).toBeGreaterThan(0);
  expect(Math.max(...frames)).toBeLessThanOrEqual(workflowStackFrames);

  // Past the due date and its grace period: every step of the task's plan has come.
  await h.env.sleep(task.dueAt.getTime() + 10 * 86_400_000 - (await h.env.currentTimeMs()));
  await scored(task.evaluationId!);
  expect(await h.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'SUBMITTED' });
  const steps = await h.db.prisma.auditLog.count({
    where: { entityId: task.id, action: { in: ['task.reminded', 'task.escalated', 'task.closedMissing'] } },
  });
  expect(steps).toBe(0);
});

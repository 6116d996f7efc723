// A submission of an evaluation task is written in one statement (activities/
// submissionStatement.ts): everything the Prisma transaction wrote, or nothing at all.
import { writeSubmissionAtOnce } from '../prisma/submissions';
import { eventually, startHarness, type Harness } from './support/harness';
import { validInspection, validSelfAssessment } from './support/fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

test('one statement stores the submission, the task, the scores and the audit line, or nothing', async () => {
  const hr = await h.login('hr');
  const county = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C02' } });
  await h.api('POST', '/api/cycles', { token: hr, body: { type: 'MONTHLY', period: '2026-11', countyId: county.id } });
  const tasks = await eventually(
    async () => {
      const t = await h.db.prisma.task.findMany();
      return t.length === 3 ? t : undefined;
    },
    20_000,
    'three tasks',
  );
  const byKind = Object.fromEntries(tasks.map((t) => [t.kind, t]));
  const self = byKind.SELF_ASSESSMENT!;
  const m004 = await h.login('m004');

  // A draft kept while typing goes when the task is submitted.
  await h.api('PUT', `/api/tasks/${self.id}/draft`, { token: m004, body: { payload: { attitude: 1 } } });
  expect(await h.db.prisma.taskDraft.count({ where: { taskId: self.id } })).toBe(1);
  const sent = await h.api('POST', `/api/tasks/${self.id}/submission`, { token: m004, body: validSelfAssessment });
  expect(sent.status).toBe(201);

  const task = await h.db.prisma.task.findUniqueOrThrow({ where: { id: self.id }, include: { submission: true } });
  expect(task.status).toBe('SUBMITTED');
  expect(task.submittedAt).toEqual(task.submission!.createdAt);
  expect(task.submission!.id).toBe(sent.body.submissionId);
  expect(task.submission!.payload).toEqual(validSelfAssessment);
  expect(await h.db.prisma.taskDraft.count({ where: { taskId: self.id } })).toBe(0);
  const score = await h.db.prisma.score.findUniqueOrThrow({
    where: { evaluationId_component: { evaluationId: self.evaluationId!, component: 'selfEvaluation' } },
  });
  expect(Number(score.value)).toBe(sent.body.scores.selfEvaluation);
  expect(score.details).toBeNull();
  const audit = await h.db.prisma.auditLog.findMany({ where: { entityId: self.id, action: 'task.submitted' } });
  expect(audit).toHaveLength(1);
  expect(audit[0]!.actorId).toBe(task.assigneeId);
  expect(audit[0]!.cycleId).toBe(task.cycleId);
  expect(audit[0]!.at).toEqual(task.submittedAt);
  expect(audit[0]!.details).toMatchObject({ submissionId: task.submission!.id, scores: sent.body.scores });

  // Submitted already, or closed by the grace period since it was read: nothing is written.
  const inspection = byKind.INSPECTION!;
  await h.db.prisma.task.update({ where: { id: inspection.id }, data: { status: 'CLOSED_MISSING' } });
  for (const taskId of [self.id, inspection.id]) {
    const written = await writeSubmissionAtOnce(h.db.prisma, {
      taskId,
      cycleId: task.cycleId,
      evaluationId: task.evaluationId,
      at: new Date().toISOString(),
      requestId: 'again',
      submittedById: task.assigneeId,
      payload: taskId === self.id ? validSelfAssessment : validInspection,
      scores: [{ component: 'inspection', value: 1, details: { deductions: [] } }],
    });
    expect(written).toBeNull();
  }
  expect(await h.db.prisma.submission.count()).toBe(1);
  expect(await h.db.prisma.score.count({ where: { component: 'inspection' } })).toBe(0);
  expect(await h.db.prisma.auditLog.count({ where: { action: 'task.submitted' } })).toBe(1);
  expect((await h.db.prisma.task.findUniqueOrThrow({ where: { id: inspection.id } })).status).toBe('CLOSED_MISSING');
});

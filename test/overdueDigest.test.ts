// The daily digest (每日督办汇总): once tasks are overdue, each county head gets one mail
// listing those of their county and HR one listing all; run twice the same day, it is
// sent once. (The Schedule that starts it every morning is checked on the dev server in
// calendarSchedules.test.ts; here the workflow is started as the Schedule would.)
import { eventually, selfAssessmentOnlyTemplate, startHarness, type Harness } from './support/harness';
import { taskQueue } from '../workflows/taskQueue';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ templates: { MONTHLY: selfAssessmentOnlyTemplate() } });
});
afterAll(() => h?.close());

test('county heads and HR get one digest a day of what is overdue in their scope', async () => {
  const hr = await h.login('hr');
  expect((await h.api('POST', '/api/cycles', { token: hr, body: { type: 'MONTHLY', period: '2026-11' } })).status).toBe(
    201,
  );
  const tasks = await eventually(
    async () => {
      const x = await h.db.prisma.task.findMany({ orderBy: { dueAt: 'asc' } });
      return x.length === 4 ? x : undefined;
    },
    20_000,
    'four self-assessments',
  );
  const m001 = await h.login('m001');
  const earliest = tasks[0]!;
  const own = await h.api('GET', '/api/tasks?status=OPEN', { token: m001 });
  expect(
    (
      await h.api('POST', `/api/tasks/${own.body.tasks[0].id}/submission`, {
        token: m001,
        body: {
          attitude: 90,
          knowledge: 85,
          skills: 80,
          workSummary: '本月走访零售客户 180 户。',
          improvementPlan: '加强新品推介与数据维护。',
        },
      })
    ).status,
  ).toBe(201);

  // Nothing overdue yet: no digest.
  const first = await h.env.client.workflow.execute('dailyDigestWorkflow', { taskQueue, workflowId: 'digest-1' });
  expect(first).toEqual({ sent: 0, newTaskDigests: 0 });

  // A day after the due date: three self-assessments overdue (2 in 甲县, 1 in 乙县).
  await h.env.sleep(earliest.dueAt.getTime() + 24 * 3600_000 - (await h.env.currentTimeMs()));
  expect(await h.env.client.workflow.execute('dailyDigestWorkflow', { taskQueue, workflowId: 'digest-2' })).toEqual({
    sent: 3,
    newTaskDigests: 0,
  });
  await h.smtp.waitFor((m) => m.filter((x) => x.subject.includes('督办汇总')).length === 3);
  const digest = (to: string) => h.smtp.mails.find((x) => x.to === to && x.subject.includes('督办汇总'))!;
  expect(digest('head01@test.local').subject).toContain('逾期任务 2 项');
  expect(digest('head01@test.local').text).toContain('自我评价（李娜）');
  expect(digest('head01@test.local').text).not.toContain('刘洋');
  expect(digest('head02@test.local').subject).toContain('逾期任务 1 项');
  expect(digest('hr@test.local').subject).toContain('逾期任务 3 项');
  expect(digest('hr@test.local').text).toContain('http://kaoping.test/app/#/cycles');
  // The same day again: nothing new is sent.
  await h.env.client.workflow.execute('dailyDigestWorkflow', { taskQueue, workflowId: 'digest-3' });
  await new Promise((r) => setTimeout(r, 500));
  expect(h.smtp.mails.filter((x) => x.subject.includes('督办汇总'))).toHaveLength(3);
});

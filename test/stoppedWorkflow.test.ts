// A process that stops without finishing is not lost silently: m001's evaluation is
// terminated by hand (as an operator might in the Temporal UI); the daily look finds it and
// raises an incident in words; HR's retry resets it to its last good step, and m001 submits.
// And one that keeps running but whose code fails at every step (a bad deployment): listed
// the same way, and resolved by itself once good code is deployed.
import { bundleWorkflowCode } from '@temporalio/worker';
import { retryIncidentSignal } from '../workflows/incidents.messages';
import { dailyDigestWorkflow } from '../workflows/dailyDigest';
import { taskQueue } from '../workflows/taskQueue';
import { validSelfAssessment } from './support/fixtures';
import {
  eventually,
  openCountyCycle,
  selfAssessmentOnlyTemplate,
  startHarness,
  taskAssignedTo,
  type Harness,
} from './support/harness';

let h: Harness;
const t: Record<string, string> = {};
beforeAll(async () => {
  h = await startHarness({ temporal: 'devServer', templates: { MONTHLY: selfAssessmentOnlyTemplate() } });
  for (const u of ['hr', 'm001']) t[u] = await h.login(u);
});
afterAll(() => h?.close());

test('a terminated evaluation becomes an incident; the retry resets it and it carries on', async () => {
  await openCountyCycle(h, t.hr!, 'C01', '2026-11');
  const task = await taskAssignedTo(h, 'm001');
  const evaluation = await h.db.prisma.evaluation.findUniqueOrThrow({ where: { id: task.evaluationId! } });
  // The cycle opens a page's tasks before it starts their workflows: terminate the evaluation
  // once its workflow has run a first step, so there is a step to reset to.
  const handle = h.env.client.workflow.getHandle(evaluation.workflowId);
  await eventually(
    async () =>
      (await handle.fetchHistory().catch(() => undefined))?.events?.some(
        (e) => e.workflowTaskCompletedEventAttributes,
      ) || undefined, // not found: not started yet
    20_000,
    'the evaluation workflow ran its first step',
  );
  await handle.terminate('误操作');

  // The daily look (run here by hand, as its schedule would) finds it; visibility may lag a moment.
  let round = 0;
  const incident = await eventually(
    async () => {
      round += 1;
      await h.env.client.workflow.execute(dailyDigestWorkflow, { taskQueue, workflowId: `digest-test-${round}` });
      return (await h.db.prisma.incident.findFirst({ where: { workflowId: evaluation.workflowId } })) ?? undefined;
    },
    60_000,
    'the incident of the terminated evaluation',
  );
  expect(incident).toMatchObject({
    status: 'OPEN',
    step: 'workflow',
    errorType: 'WorkflowTerminated',
    workflowType: 'managerEvaluationWorkflow',
    evaluationId: evaluation.id,
    cycleId: evaluation.cycleId,
  });
  const listed = await h.api('GET', `/api/incidents/${incident.id}`, { token: t.hr });
  expect(listed.body.sentence).toBe(
    '客户经理考评：无法继续运行流程 — 流程被人为终止（例如在 Temporal 界面中）；“重试”会把流程重置到最后一个正常步骤继续运行',
  );
  expect(listed.body.manager).toMatchObject({ employeeNo: 'M001' });
  // Found once however often the look runs.
  await h.env.client.workflow.execute(dailyDigestWorkflow, { taskQueue, workflowId: 'digest-test-again' });
  expect(await h.db.prisma.incident.count({ where: { workflowId: evaluation.workflowId } })).toBe(1);

  const retried = await h.api('POST', `/api/incidents/${incident.id}/retry`, {
    token: t.hr,
    body: { note: '误终止，重置' },
  });
  expect(retried.status).toBe(202);
  const described = await h.env.client.workflow.getHandle(evaluation.workflowId).describe();
  expect(described.status.name).toBe('RUNNING');
  expect(
    (await h.api('POST', `/api/tasks/${task.id}/submission`, { token: t.m001, body: validSelfAssessment })).status,
  ).toBe(201);
  await eventually(
    async () =>
      (await h.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).status === 'SUBMITTED' || undefined,
    20_000,
    'submitted after the reset',
  );
  const resolved = await h.api('GET', `/api/incidents/${incident.id}`, { token: t.hr });
  expect(resolved.body.status).toBe('RESOLVED');
  expect(resolved.body.history.map((e: { action: string }) => e.action)).toEqual([
    'incident.raised',
    'incident.retryRequested',
    'incident.resolved',
  ]);
  // A second retry: resolved already.
  expect((await h.api('POST', `/api/incidents/${incident.id}/retry`, { token: t.hr, body: {} })).status).toBe(409);
});

test('a running evaluation whose code fails at every step is an incident until good code is back', async () => {
  const task = await taskAssignedTo(h, 'm002');
  const evaluation = await h.db.prisma.evaluation.findUniqueOrThrow({ where: { id: task.evaluationId! } });
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('./support/brokenWorkflows'),
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: console.error },
  });
  // The bad build goes out; the next thing the evaluation does (here a signal) runs its code.
  await h.stopWorker();
  await h.startWorker(code);
  await h.env.client.workflow.getHandle(evaluation.workflowId).signal(retryIncidentSignal, { incidentId: 'none' });

  let round = 0;
  const sweep = () =>
    h.env.client.workflow.execute(dailyDigestWorkflow, { taskQueue, workflowId: `digest-stuck-${++round}` });
  const incident = await eventually(
    async () => {
      await sweep();
      return (await h.db.prisma.incident.findFirst({ where: { workflowId: evaluation.workflowId } })) ?? undefined;
    },
    90_000,
    'the incident of the failing evaluation',
  );
  expect(incident).toMatchObject({
    status: 'OPEN',
    step: 'workflow',
    errorType: 'WorkflowTaskFailing',
    workflowType: 'managerEvaluationWorkflow',
    evaluationId: evaluation.id,
  });
  expect(incident.message).toContain('this build cannot go on');
  const shown = await h.api('GET', `/api/incidents/${incident.id}`, { token: t.hr });
  expect(shown.body.sentence).toMatch(/^客户经理考评：无法继续运行流程 — 流程仍在运行，但它的程序每次推进都出错/);
  const status = await h.api('GET', `/api/cycles/${evaluation.cycleId}/status`, { token: t.hr });
  expect(status.body.openIncidents).toBeGreaterThanOrEqual(1);

  // The fix is deployed: the evaluation carries on by itself, and the next look resolves it.
  await h.stopWorker();
  await h.startWorker();
  await eventually(
    async () => {
      await sweep();
      const now = await h.db.prisma.incident.findUniqueOrThrow({ where: { id: incident.id } });
      return now.status === 'RESOLVED' || undefined;
    },
    120_000,
    'resolved once good code runs',
  );
  const m002 = await h.login('m002');
  const submitted = await h.api('POST', `/api/tasks/${task.id}/submission`, { token: m002, body: validSelfAssessment });
  expect(submitted.status).toBe(201);
}, 300_000);

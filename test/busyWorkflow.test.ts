// Requests that answer while no worker takes the workflows: an evaluation's submission is
// recorded by the API at once and scored once the worker is back; an update (HR moving a due
// date) does not hang but gets 503 with Retry-After, and sent again later counts once. Oversized headers get a problem+json 431, not Node's bare one.
import { addDays } from '../domain/calendar';
import {
  eventually,
  openCountyCycle,
  selfAssessmentOnlyTemplate,
  startHarness,
  taskAssignedTo,
  type Harness,
} from './support/harness';
import { validSelfAssessment } from './support/fixtures';

let h: Harness;
const t: Record<string, string> = {};
beforeAll(async () => {
  h = await startHarness({ temporal: 'devServer', templates: { MONTHLY: selfAssessmentOnlyTemplate() } });
  for (const u of ['hr', 'm001']) t[u] = await h.login(u);
});
afterAll(() => h?.close());

test('no worker: a submission is taken at once and scored once the worker is back', async () => {
  await openCountyCycle(h, t.hr!, 'C01', '2026-11');
  const task = await taskAssignedTo(h, 'm001', 30_000);
  await h.stopWorker();
  const send = () =>
    h.api('POST', `/api/tasks/${task.id}/submission`, {
      token: t.m001,
      body: validSelfAssessment,
      headers: { 'idempotency-key': 'self-assessment-m001-once' },
    });
  // Recorded by the API, its workflow told by a signal: nobody waits for the worker.
  const first = await send();
  expect(first.status).toBe(201);
  expect(first.body).toMatchObject({ outcome: 'accepted', scores: { selfEvaluation: 85 } });
  const again = await send();
  expect(again.status).toBe(200);
  expect(again.body).toEqual({ outcome: 'duplicate', submissionId: first.body.submissionId });
  expect(await h.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'SUBMITTED' });
  expect(await h.db.prisma.submission.count({ where: { taskId: task.id } })).toBe(1);

  await h.startWorker();
  // The sticky queue of the stopped worker times out first (about 10 s).
  const scored = await eventually(
    async () => {
      const e = await h.db.prisma.evaluation.findUniqueOrThrow({ where: { id: task.evaluationId! } });
      return e.stage === 'SCORED' ? e : undefined;
    },
    60_000,
    "m001's evaluation scored",
  );
  expect(Number(scored.compositeScore)).toBeGreaterThan(0);
}, 120_000);

test('no worker: an update (HR moves a due date) is 503 with Retry-After within the deadline; sent again later, done once', async () => {
  const task = await taskAssignedTo(h, 'm002', 30_000);
  await h.stopWorker();
  const dueDate = addDays(task.dueDate, 3);
  const send = () =>
    h.api('POST', `/api/tasks/${task.id}/extend`, { token: t.hr, body: { dueDate, reason: '外出培训' } });
  const started = Date.now();
  const busy = await send();
  expect(busy.status).toBe(503);
  expect(busy.body.code).toBe('busy');
  expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(Date.now() - started).toBeLessThan(20_000);

  await h.startWorker();
  const done = await eventually(
    async () => {
      const r = await send();
      return r.status === 503 ? undefined : r;
    },
    60_000,
    'the extension once the worker is back',
  );
  expect(done.status).toBe(200);
  expect(await h.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ dueDate });
  expect(await h.db.prisma.auditLog.count({ where: { entityId: task.id, action: 'task.extended' } })).toBe(1);
}, 120_000);

test('no worker: opening a cycle is 503 (ask again), a new manager is 202 and joins once the worker is back', async () => {
  const countyA = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C01' } });
  const countyB = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C02' } });
  await h.stopWorker();
  const open = () =>
    h.api('POST', '/api/cycles', { token: t.hr, body: { type: 'MONTHLY', period: '2026-12', countyId: countyB.id } });
  const opening = await open();
  expect([opening.status, opening.body.code]).toEqual([503, 'busy']);
  const joined = await h.api('POST', '/api/org/managers', {
    token: t.hr,
    body: {
      employeeNo: 'M070',
      name: '孙悦',
      countyId: countyA.id,
      area: 'URBAN',
      employment: 'FORMAL',
      hireDate: '2026-11-20',
      postStartDate: '2026-11-20',
      education: 'BACHELOR',
      username: 'm070',
      email: 'm070@test.local',
      password: 'welcome-to-2026',
    },
  });
  expect(joined.status).toBe(202);
  expect(joined.body.joinedCycles).toBeNull();

  await h.startWorker();
  await taskAssignedTo(h, 'm070', 60_000);
  expect([200, 201]).toContain((await open()).status);
  expect(await h.db.prisma.cycle.count({ where: { period: '2026-12', scopeId: countyB.id } })).toBe(1);
}, 120_000);

test('headers over 16 KiB: 431 as problem+json', async () => {
  const res = await fetch(`${h.baseUrl}/api/health`, { headers: { 'x-padding': 'x'.repeat(20_000) } });
  expect(res.status).toBe(431);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(await res.json()).toMatchObject({ status: 431, code: 'headers_too_large' });
});

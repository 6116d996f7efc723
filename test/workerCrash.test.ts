// The worker is killed (SIGKILL) in the middle of a cycle and started again: nothing
// acknowledged is lost, nothing is done twice. The worker is the production entry
// point (scripts/worker.ts) in a child process; Temporal is the real dev server, as
// under `npm start` (the time-skipping test server cannot recover a killed worker's
// in-flight workflow task, so timers across a crash are covered by the cycle test).
import { openSharedTestDatabase } from './support/database';
import { validSelfAssessment } from './support/fixtures';
import { eventually, selfAssessmentOnlyTemplate, startHarness, type Harness } from './support/harness';
import { workerProcess } from './support/workerProcess';

let h: Harness;
let dbUrl: string;
const worker = workerProcess(
  () => h,
  () => dbUrl,
);
const startWorkerProcess = () => worker.start();
const killWorker = () => worker.kill();

beforeAll(async () => {
  const db = await openSharedTestDatabase();
  dbUrl = db.url;
  h = await startHarness({
    worker: false,
    db,
    temporal: 'devServer',
    templates: { MONTHLY: selfAssessmentOnlyTemplate() },
  });
});
afterAll(async () => {
  if (worker.running()) await killWorker();
  await h?.close();
});

test('killing the worker mid-cycle loses and duplicates nothing', async () => {
  await startWorkerProcess();
  const hr = await h.login('hr');
  const countyA = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C01' } });
  expect(
    (
      await h.api('POST', '/api/cycles', {
        token: hr,
        body: { type: 'MONTHLY', period: '2026-11', countyId: countyA.id },
      })
    ).status,
  ).toBe(201);
  const tasks = await eventually(
    async () => {
      const t = await h.db.prisma.task.findMany({
        include: { assignee: true },
        orderBy: { assignee: { username: 'asc' } },
      });
      return t.length === 3 ? t : undefined;
    },
    30_000,
    'three tasks',
  );
  const [t1, t2, t3] = tasks as [(typeof tasks)[0], (typeof tasks)[0], (typeof tasks)[0]];
  await h.smtp.waitFor((m) => m.filter((x) => x.notification.includes(':opened:')).length === 3, 15_000);

  // Acknowledged before the crash.
  const m001 = await h.login('m001');
  expect(
    (await h.api('POST', `/api/tasks/${t1.id}/submission`, { token: m001, body: validSelfAssessment })).status,
  ).toBe(201);

  await killWorker();

  // Sent while no worker runs: it waits, and is acknowledged once a worker is back; should
  // the worker take longer than the request's deadline, the answer is 503 with Retry-After
  // and the same request sent again is acknowledged (it counts once).
  const m002 = await h.login('m002');
  const submitT2 = () => h.api('POST', `/api/tasks/${t2.id}/submission`, { token: m002, body: validSelfAssessment });
  const pending = submitT2();
  await new Promise((r) => setTimeout(r, 1500));
  await startWorkerProcess();
  let answer = await pending;
  for (let tries = 0; answer.status === 503 && tries < 5; tries++) {
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1000 * Number(answer.headers.get('retry-after'))));
    answer = await submitT2();
  }
  // 201 accepted, or 200 when the first request's update was recorded in the meantime.
  expect([201, 200]).toContain(answer.status);

  // Crash again, right after a submission is acknowledged; a third one after the restart.
  await killWorker();
  await startWorkerProcess();
  const m003 = await h.login('m003');
  expect(
    (await h.api('POST', `/api/tasks/${t3.id}/submission`, { token: m003, body: validSelfAssessment })).status,
  ).toBe(201);
  // The evaluations finish once every task is in.
  await eventually(
    async () => (await h.db.prisma.evaluation.count({ where: { stage: 'SCORED' } })) === 3,
    90_000,
    'evaluations complete',
  );

  expect(await h.db.prisma.submission.count()).toBe(3);
  expect(await h.db.prisma.task.count()).toBe(3);
  expect(await h.db.prisma.auditLog.count({ where: { action: 'task.opened' } })).toBe(3);
  expect(await h.db.prisma.auditLog.count({ where: { action: 'task.submitted' } })).toBe(3);
  expect(await h.db.prisma.auditLog.count({ where: { action: 'evaluation.scored' } })).toBe(3);
  const keys = h.smtp.mails.map((m) => m.notification);
  expect(keys.filter((k) => k.includes(':opened:'))).toHaveLength(3);
  expect(new Set(keys).size).toBe(keys.length);
});

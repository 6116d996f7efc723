// The worker is killed (SIGKILL) in the middle of a cycle and started again: nothing
// acknowledged is lost, nothing is done twice. The worker is the production entry
// point (scripts/worker.ts) in a child process; Temporal is the real dev server, as
// under `npm start` (the time-skipping test server cannot recover a killed worker's
// in-flight workflow task, so timers across a crash are covered by the cycle test).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { addDays, shanghaiInstant } from '../domain/calendar';
import { taskQueue } from '../workflows/types';
import { openSharedTestDatabase } from './support/database';
import { validSelfAssessment } from './support/fixtures';
import { eventually, publicUrl, selfAssessmentOnlyTemplate, startHarness, type Harness } from './support/harness';

let h: Harness;
let dbUrl: string;
let worker: ChildProcess | undefined;
let workerLog = '';

async function startWorkerProcess(): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', 'scripts', 'worker.ts')], {
    cwd: path.join(__dirname, '..'),
    env: { ...process.env, DATABASE_URL: dbUrl, TEMPORAL_ADDRESS: h.env.address, SMTP_URL: `smtp://127.0.0.1:${h.smtp.port}`, TEMPORAL_TASK_QUEUE: taskQueue, PUBLIC_URL: publicUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  worker = child;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${workerLog}`)), 60_000);
    const onData = (d: Buffer) => {
      workerLog += d.toString();
      if (workerLog.includes('[worker] polling')) { clearTimeout(timer); resolve(); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); if (!workerLog.includes('[worker] polling')) reject(new Error(`worker exited ${code}:\n${workerLog}`)); });
  });
}

function killWorker(): Promise<void> {
  const child = worker!;
  worker = undefined;
  return new Promise((resolve) => { child.once('exit', () => resolve()); child.kill('SIGKILL'); });
}

beforeAll(async () => {
  const db = await openSharedTestDatabase();
  dbUrl = db.url;
  h = await startHarness({ worker: false, db, temporal: 'devServer', templates: { MONTHLY: selfAssessmentOnlyTemplate() } });
});
afterAll(async () => {
  if (worker) await killWorker();
  await h?.close();
});

test('killing the worker mid-cycle loses and duplicates nothing', async () => {
  await startWorkerProcess();
  const hr = await h.login('hr');
  const countyA = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C01' } });
  expect((await h.api('POST', '/api/cycles', { token: hr, body: { type: 'MONTHLY', period: '2026-11', countyId: countyA.id } })).status).toBe(201);
  const tasks = await eventually(async () => {
    const t = await h.db.prisma.task.findMany({ include: { assignee: true }, orderBy: { assignee: { username: 'asc' } } });
    return t.length === 3 ? t : undefined;
  }, 30_000, 'three tasks');
  const [t1, t2, t3] = tasks as [typeof tasks[0], typeof tasks[0], typeof tasks[0]];
  await h.smtp.waitFor((m) => m.filter((x) => x.notification.includes(':opened:')).length === 3, 15_000);

  // Acknowledged before the crash.
  const m001 = await h.login('m001');
  expect((await h.api('POST', `/api/tasks/${t1.id}/submission`, { token: m001, body: validSelfAssessment })).status).toBe(201);

  await killWorker();

  // Sent while no worker runs: waits, and is acknowledged once a worker is back.
  const m002 = await h.login('m002');
  const pending = h.api('POST', `/api/tasks/${t2.id}/submission`, { token: m002, body: validSelfAssessment });
  await new Promise((r) => setTimeout(r, 1500));
  await startWorkerProcess();
  expect((await pending).status).toBe(201);

  // Crash again, right after a submission is acknowledged; a third one after the restart.
  await killWorker();
  await startWorkerProcess();
  const m003 = await h.login('m003');
  expect((await h.api('POST', `/api/tasks/${t3.id}/submission`, { token: m003, body: validSelfAssessment })).status).toBe(201);
  // The evaluations finish once every task is in.
  await eventually(async () => (await h.db.prisma.evaluation.count({ where: { stage: 'SCORED' } })) === 3, 90_000, 'evaluations complete');

  expect(await h.db.prisma.submission.count()).toBe(3);
  expect(await h.db.prisma.task.count()).toBe(3);
  expect(await h.db.prisma.auditLog.count({ where: { action: 'task.opened' } })).toBe(3);
  expect(await h.db.prisma.auditLog.count({ where: { action: 'task.submitted' } })).toBe(3);
  expect(await h.db.prisma.auditLog.count({ where: { action: 'evaluation.scored' } })).toBe(3);
  const keys = h.smtp.mails.map((m) => m.notification);
  expect(keys.filter((k) => k.includes(':opened:'))).toHaveLength(3);
  expect(new Set(keys).size).toBe(keys.length);
});

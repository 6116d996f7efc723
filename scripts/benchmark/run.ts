// Benchmark (not a test): a generated organisation of N managers; HR opens a city-wide
// monthly cycle through the HTTP API and every task is driven to city approval through
// the API. On the same Temporal server, a bare workflow that only receives a signal is
// measured as the baseline. Prints throughput, p50/p99 API latency and the ratio.
//   npm run benchmark -- 1000            (DATABASE_URL for a PostgreSQL server; else PGlite)
// With a PostgreSQL server the worker runs as its own process (scripts/worker.ts), as in
// production, and is started again if it dies; the summary says how often it did.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { createApp } from '../../api/app';
import { openDatabase, type Database } from '../../prisma/database';
import { seedOrganisation } from '../../prisma/seed';
import { generatedOrganisation, perCounty } from './organisation';
import { createWorker } from '../../activities/worker';
import type { Server } from 'node:http';
import { cityApproval } from '../../domain/taskKinds/cityApproval';
import { countySignOff } from '../../domain/taskKinds/countySignOff';
import { inspection } from '../../domain/taskKinds/inspection';
import { marketingReview } from '../../domain/taskKinds/marketingReview';
import { selfAssessment } from '../../domain/taskKinds/selfAssessment';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findTemporalBinary } = require('../temporalBinaries');

const password = 'bench-password';
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);

const payloads: Record<string, unknown> = {
  [selfAssessment.kind]: {
    attitude: 90,
    knowledge: 85,
    skills: 80,
    workSummary: '本月走访零售客户 180 户。',
    improvementPlan: '加强新品推介与数据维护。',
  },
  [inspection.kind]: {
    items: [
      { item: 'FIRST_LAST_CHECK_IN', passed: false, deduction: 2 },
      { item: 'ON_SITE_CHECK', passed: true, deduction: 0 },
    ],
  },
  [marketingReview.kind]: {
    kpis: { salesVolumeCompletion: 101, orderSuccessRate: 95, basicDataMaintenance: 90 },
    reviewScore: 86,
    comment: '完成良好。',
  },
  [countySignOff.kind]: { decision: 'signOff' },
  [cityApproval.kind]: { decision: 'approve' },
};

async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function main() {
  const n = Number(process.argv[2] ?? 1000);
  if (!Number.isInteger(n) || n < 1) throw new Error('usage: npm run benchmark -- <managers>');
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const cli: string | undefined = findTemporalBinary('cli');
  const env = await TestWorkflowEnvironment.createLocal(
    cli ? { server: { executable: { type: 'existing-path', path: cli } } } : {},
  );
  const db: Database = process.env.DATABASE_URL
    ? await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL }, { migrate: true, poolSize: 20 })
    : await openDatabase({ kind: 'pglite', dataDir: 'memory://' }, { migrate: true });
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _s, cb) {
      stream.resume();
      stream.on('end', () => cb());
    },
  });
  smtp.on('error', () => {
    /* a restarted worker's dropped connection: it sends again */
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  const mailer = nodemailer.createTransport({
    host: '127.0.0.1',
    port: (smtp.server.address() as AddressInfo).port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 8,
  });

  const t0 = Date.now();
  if (await db.prisma.orgUnit.findUnique({ where: { code: 'BENCH' } }))
    throw new Error('the database already holds a benchmark city: use an empty database');
  await seedOrganisation(db.prisma, generatedOrganisation(n), password);
  console.log(
    `seeded ${n} managers in ${Math.ceil(n / perCounty)} counties in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );

  const taskQueue = 'kaoping-bench';
  const maxCachedWorkflows = process.env.WORKER_MAX_CACHED_WORKFLOWS
    ? Number(process.env.WORKER_MAX_CACHED_WORKFLOWS)
    : undefined;
  const reuseV8Context = process.env.WORKER_REUSE_V8_CONTEXT
    ? process.env.WORKER_REUSE_V8_CONTEXT === 'true'
    : undefined;
  // The worker: its own process when the database is a server (restarted if it dies), else in this one.
  let workerRestarts = 0;
  let stopping = false;
  let child: ChildProcess | undefined;
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const startChild = () => {
    child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', 'worker.ts')], {
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: env.address,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        TEMPORAL_TASK_QUEUE: taskQueue,
        PUBLIC_URL: 'http://bench',
        CALENDAR_SCHEDULES: 'off',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('exit', (code, signal) => {
      if (stopping) return;
      workerRestarts++;
      console.log(`[bench] worker exited (${code ?? signal}); starting it again (${workerRestarts})`);
      startChild();
    });
  };
  const worker = process.env.DATABASE_URL
    ? undefined
    : await createWorker({
        connection: env.nativeConnection,
        taskQueue,
        prisma: db.prisma,
        temporal: env.client,
        mailer,
        publicUrl: 'http://bench',
        mailFrom: 'bench@bench.local',
        maxCachedWorkflows,
        reuseV8Context,
      });
  if (!worker) startChild();
  const baselineWorker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: 'bench-baseline',
    workflowsPath: require.resolve('./baselineWorkflow'),
  });
  const running = [...(worker ? [worker.run()] : []), baselineWorker.run()];
  const app = createApp({ prisma: db.prisma, temporal: env.client, taskQueue, sessionTtlHours: 12 });
  const server = await new Promise<Server>((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const latencies: number[] = [];
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const start = performance.now();
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => undefined);
    latencies.push(performance.now() - start);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json as any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the benchmark reads what the API answers
  };
  const tokens = new Map<string, string>();
  const tokenOf = async (userId: string) => {
    if (!tokens.has(userId)) {
      const user = await db.prisma.user.findUniqueOrThrow({ where: { id: userId } });
      tokens.set(
        userId,
        (await call('POST', '/api/auth/login', undefined, { username: user.username, password })).token,
      );
    }
    return tokens.get(userId)!;
  };
  const submitAll = async (kinds: string[]) => {
    const tasks = await db.prisma.task.findMany({
      where: { kind: { in: kinds as never }, status: 'OPEN' },
      select: { id: true, kind: true, assigneeId: true },
    });
    await pool(tasks, concurrency, async (t) => {
      await call('POST', `/api/tasks/${t.id}/submission`, await tokenOf(t.assigneeId), payloads[t.kind]);
    });
    return tasks.length;
  };

  // The cycle, through the API.
  const run0 = Date.now();
  const hr = await tokenOf((await db.prisma.user.findUniqueOrThrow({ where: { username: 'hr' } })).id);
  const cycle = await call('POST', '/api/cycles', hr, { type: 'MONTHLY', period: '2026-11' });
  // HR keeps the cycle's status page open: it refreshes every 5 s while the cycle runs.
  const statusLatencies: number[] = [];
  let cycleRunning = true;
  const statusPolling = (async () => {
    while (cycleRunning) {
      const start = performance.now();
      const res = await fetch(`${base}/api/cycles/${cycle.id}/status`, { headers: { authorization: `Bearer ${hr}` } });
      await res.arrayBuffer();
      if (res.ok) statusLatencies.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, 5000));
    }
  })();
  await waitFor(
    'tasks opened',
    async () => (await db.prisma.task.count({ where: { cycleId: cycle.id } })) === 3 * n,
    60 * 60_000,
  );
  const opened = Date.now();
  console.log(`opened ${3 * n} tasks in ${((opened - run0) / 1000).toFixed(1)} s`);
  let submissions = await submitAll([selfAssessment.kind, inspection.kind, marketingReview.kind]);
  const counties = Math.ceil(n / perCounty);
  await waitFor(
    'county sign-offs opened',
    async () => (await db.prisma.task.count({ where: { kind: countySignOff.kind, status: 'OPEN' } })) === counties,
    60 * 60_000,
  );
  submissions += await submitAll([countySignOff.kind]);
  await waitFor(
    'city approvals opened',
    async () => (await db.prisma.task.count({ where: { kind: cityApproval.kind, status: 'OPEN' } })) === counties,
    60 * 60_000,
  );
  submissions += await submitAll([cityApproval.kind]);
  await waitFor(
    'results published',
    async () => (await db.prisma.evaluation.count({ where: { cycleId: cycle.id, stage: 'PUBLISHED' } })) === n,
    60 * 60_000,
  );
  const cycleSeconds = (Date.now() - run0) / 1000;
  cycleRunning = false;
  await statusPolling;

  // The baseline: N bare workflows, each started and signalled once, same concurrency.
  const b0 = Date.now();
  const ids = Array.from({ length: n }, (_, i) => `baseline-${i}`);
  await pool(ids, concurrency, async (id) => {
    const h = await env.client.workflow.start('signalBaselineWorkflow', {
      taskQueue: 'bench-baseline',
      workflowId: id,
    });
    await h.signal('done');
  });
  await pool(ids, concurrency, async (id) => {
    await env.client.workflow.getHandle(id).result();
  });
  const baselineSeconds = (Date.now() - b0) / 1000;

  const sorted = [...latencies].sort((a, b) => a - b);
  const statusSorted = [...statusLatencies].sort((a, b) => a - b);
  const managersPerSecond = n / cycleSeconds;
  const baselinePerSecond = n / baselineSeconds;
  console.log(`
managers                ${n}
API requests            ${latencies.length} (${submissions} submissions, ${tokens.size} logins, 1 cycle opened)
cycle, open → published ${cycleSeconds.toFixed(1)} s   (${managersPerSecond.toFixed(1)} managers/s, ${(submissions / cycleSeconds).toFixed(1)} submissions/s)
API latency             p50 ${percentile(sorted, 50).toFixed(1)} ms   p99 ${percentile(sorted, 99).toFixed(1)} ms
HR status page          p50 ${percentile(statusSorted, 50).toFixed(1)} ms   max ${(statusSorted.at(-1) ?? 0).toFixed(1)} ms   (${statusSorted.length} refreshes, every 5 s while the cycle ran)
bare signal workflow    ${baselineSeconds.toFixed(1)} s   (${baselinePerSecond.toFixed(1)} workflows/s)
ratio                   ${(baselinePerSecond / managersPerSecond).toFixed(1)}× the bare workflow's time per manager
database                ${db.target.kind}
worker                  ${worker ? 'in this process' : `its own process, started again ${workerRestarts} time(s)`}
`);
  server.close();
  stopping = true;
  if (child) child.kill('SIGTERM');
  worker?.shutdown();
  baselineWorker.shutdown();
  await Promise.all(running);
  await db.close();
  smtp.close();
  await env.teardown();
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

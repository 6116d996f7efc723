// Benchmark (not a test): a generated city of N managers; HR opens a city-wide monthly
// cycle through the HTTP API and every task is driven to city approval through the API,
// while submissions (Poisson, 20/s) and HR's reads (10/s) arrive open-loop and are timed
// apart. Then, on the same Temporal server, the same-shape floor (floorWorkflow.ts) and a
// bare signal workflow are run for N managers. The last line is `BENCH {json}`.
//   npm run benchmark -- 1000 [--workers 2]   (DATABASE_URL: an empty PostgreSQL database)
// With DATABASE_URL the workers are their own processes (scripts/worker.ts), as in
// production, started again if they die; without it (PGlite) one worker runs in this process.
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { createApp } from '../../api/app';
import { createSession } from '../../api/auth';
import { openDatabase, type Database } from '../../prisma/database';
import { seedOrganisation } from '../../prisma/seed';
import { createWorker } from '../../activities/worker';
import { cityApproval } from '../../domain/taskKinds/cityApproval';
import { countySignOff } from '../../domain/taskKinds/countySignOff';
import { inspection } from '../../domain/taskKinds/inspection';
import { marketingReview } from '../../domain/taskKinds/marketingReview';
import { selfAssessment } from '../../domain/taskKinds/selfAssessment';
import type { TaskKind } from '../../domain/taskKinds';
import { generatedOrganisation, perCounty } from './organisation';
import { arrivedBetween, openLoop, percentile } from './openLoop';
import { startWorkerPool, type WorkerPool } from './processes';
import { freePort } from '../freePort';
import { cpuBetween, cpuMark } from './cpu';
import os from 'node:os';
import { floorShape, floorSubmittedSignal } from './floorWorkflow';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findTemporalBinary } = require('../temporalBinaries');

const password = 'bench-password';
/** The closed-loop driver that pushes every task through (the capacity test). */
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
/** The open-loop streams whose latency is what a person waits. */
const submitRate = Number(process.env.BENCH_SUBMIT_RATE ?? 20);
const readRate = Number(process.env.BENCH_READ_RATE ?? 10);
const hour = 60 * 60_000;

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

/** The kinds the driver submits: the evaluation's tasks, the county's sign-off and the city's approval. */
const drivenKinds = Object.keys(payloads) as TaskKind[];

async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out: ${what}`);
    await sleep(250);
  }
}

function parseArgs(argv: string[]): { managers: number; workers: number; apis: number } {
  const managers = Number(argv.find((a) => /^\d+$/.test(a)) ?? 1000);
  const option = (name: string, env: string | undefined, fallback: number) => {
    const i = argv.indexOf(name);
    return Number(i >= 0 ? argv[i + 1] : (env ?? fallback));
  };
  const workers = option('--workers', process.env.BENCH_WORKERS, 1);
  // With PostgreSQL the API runs in processes of its own, as deployed; with PGlite, in this one.
  const apis = option('--apis', process.env.BENCH_APIS, process.env.DATABASE_URL ? 1 : 0);
  const counts = [managers, workers, apis];
  if (!counts.every(Number.isInteger) || managers < 1 || workers < 1 || apis < 0)
    throw new Error('usage: npm run benchmark -- <managers> [--workers <processes>] [--apis <processes>]');
  if ((workers > 1 || apis > 0) && !process.env.DATABASE_URL)
    throw new Error('--workers > 1 and --apis need DATABASE_URL (PostgreSQL)');
  return { managers, workers, apis };
}

/** A local mail server that takes every mail, so sending costs what SMTP costs. */
async function mailSink(): Promise<{ port: number; close(): void }> {
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
  return { port: (smtp.server.address() as AddressInfo).port, close: () => smtp.close() };
}

interface Setup {
  env: TestWorkflowEnvironment;
  db: Database;
  smtpPort: number;
  managers: number;
  workers: number;
  /** API processes of their own (0: the API runs in the benchmark's process). */
  apis: number;
}

interface CycleFigures {
  openSeconds: number;
  publishedSeconds: number;
  submissions: number;
  driverLatencies: number[];
  submitLatencies: number[];
  submitOpeningLatencies: number[];
  submitDrivenLatencies: number[];
  submitFailures: string[];
  readLatencies: number[];
  readOpeningLatencies: number[];
  readFailures: string[];
  workerPeakRssMb: number;
  workerRestarts: number;
}

/** Kaoping's worker: N processes with PostgreSQL, else one in this process (PGlite). */
async function kaopingWorkers(s: Setup, taskQueue: string): Promise<WorkerPool> {
  if (process.env.DATABASE_URL) {
    const nodeArgs = process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    return startWorkerPool(
      'kaoping',
      s.workers,
      [...nodeArgs, '--import', 'tsx', path.join(__dirname, '..', 'worker.ts')],
      {
        TEMPORAL_ADDRESS: s.env.address,
        SMTP_URL: `smtp://127.0.0.1:${s.smtpPort}?pool=true&maxConnections=8`,
        TEMPORAL_TASK_QUEUE: taskQueue,
        PUBLIC_URL: 'http://bench',
        CALENDAR_SCHEDULES: 'off',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      },
    );
  }
  const mailer = nodemailer.createTransport({
    host: '127.0.0.1',
    port: s.smtpPort,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 8,
  });
  const worker = await createWorker({
    connection: s.env.nativeConnection,
    taskQueue,
    prisma: s.db.prisma,
    temporal: s.env.client,
    mailer,
    publicUrl: 'http://bench',
    mailFrom: 'bench@bench.local',
  });
  const running = worker.run();
  let peak = 0;
  const rssBySecond: number[] = [];
  const sampler = setInterval(() => {
    const now = process.memoryUsage().rss / 2 ** 20;
    rssBySecond.push(Math.round(now));
    peak = Math.max(peak, now);
  }, 1000);
  return {
    restarts: 0,
    rssBySecond, // this whole process: the API and the driver as well
    get peakRssMb() {
      return Math.round(peak);
    },
    async stop() {
      clearInterval(sampler);
      worker.shutdown();
      await running;
    },
  };
}

/** The API: `s.apis` processes of its own (scripts/api.ts, as deployed), or in this process. */
async function kaopingApis(s: Setup, taskQueue: string): Promise<{ bases: string[]; stop(): Promise<void> }> {
  if (s.apis === 0) {
    const app = createApp({ prisma: s.db.prisma, temporal: s.env.client, taskQueue, sessionTtlHours: 12 });
    const server = await new Promise<Server>((r) => {
      const srv = app.listen(0, '127.0.0.1', () => r(srv));
    });
    return {
      bases: [`http://127.0.0.1:${(server.address() as AddressInfo).port}`],
      stop: () => new Promise((r) => server.close(() => r())),
    };
  }
  const ports = await Promise.all(Array.from({ length: s.apis }, () => freePort()));
  const pools = ports.map((port) =>
    startWorkerPool('api', 1, ['--import', 'tsx', path.join(__dirname, '..', 'api.ts')], {
      PORT: String(port),
      HOST: '127.0.0.1',
      TEMPORAL_ADDRESS: s.env.address,
      SMTP_URL: `smtp://127.0.0.1:${s.smtpPort}`,
      TEMPORAL_TASK_QUEUE: taskQueue,
      PUBLIC_URL: 'http://bench',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    }),
  );
  const bases = ports.map((port) => `http://127.0.0.1:${port}`);
  for (const base of bases)
    await waitFor(
      'the API process',
      () =>
        fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        ),
      60_000,
    );
  return { bases, stop: async () => void (await Promise.all(pools.map((p) => p.stop()))) };
}

async function runCycle(s: Setup): Promise<CycleFigures> {
  const { db, managers: n } = s;
  const taskQueue = 'kaoping-bench';
  const workersStarted = Date.now();
  const workers = await kaopingWorkers(s, taskQueue);
  const apis = await kaopingApis(s, taskQueue);
  // Requests take turns across the API processes, as a load balancer would spread them.
  let turn = 0;
  const call = async (method: string, url: string, token: string, body?: unknown) => {
    const base = apis.bases[turn++ % apis.bases.length]!;
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => undefined);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
    return json as any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the benchmark reads what the API answers
  };
  // Sessions made directly: a login's password hash is not what is measured.
  const tokens = new Map<string, string>();
  const tokenOf = async (userId: string) => {
    if (!tokens.has(userId)) tokens.set(userId, (await createSession(db.prisma, userId, 12)).token);
    return tokens.get(userId)!;
  };
  const hr = await tokenOf((await db.prisma.user.findUniqueOrThrow({ where: { username: 'hr' } })).id);

  // Open tasks, as the inbox would show them: found by walking the open tasks by id, 2,000
  // at a time, round and round (so the finder stays cheap at 30,000), each taken once.
  type OpenTask = { id: string; kind: string; assigneeId: string };
  const queue: OpenTask[] = [];
  const seen = new Set<string>();
  let finding = true;
  const finder = (async () => {
    let after: string | undefined;
    while (finding) {
      const found = await db.prisma.task.findMany({
        // The cycle's own steps only: the results talks that open as counties publish are not driven.
        where: { status: 'OPEN', kind: { in: drivenKinds }, ...(after ? { id: { gt: after } } : {}) },
        select: { id: true, kind: true, assigneeId: true },
        orderBy: { id: 'asc' },
        take: 2000,
      });
      for (const t of found)
        if (!seen.has(t.id)) {
          seen.add(t.id);
          queue.push(t);
        }
      after = found.length === 2000 ? found.at(-1)!.id : undefined;
      await sleep(250);
    }
  })();
  let submissions = 0;
  const submit = async (t: OpenTask) => {
    await call('POST', `/api/tasks/${t.id}/submission`, await tokenOf(t.assigneeId), payloads[t.kind]);
    submissions++;
  };

  const t0 = Date.now();
  const p0 = performance.now();
  const cpu0 = cpuMark();
  const cycle = await call('POST', '/api/cycles', hr, { type: 'MONTHLY', period: '2026-11' });
  // The open-loop streams: people submitting as their tasks arrive, HR looking at the cycle.
  const submitting = openLoop(submitRate, async () => {
    const t = queue.shift();
    if (!t) return false;
    await submit(t).catch((err: unknown) => {
      queue.push(t); // the driver tries it again
      throw err;
    });
    return true;
  });
  const reads = [
    `/api/cycles/${cycle.id}/status`,
    `/api/cycles/${cycle.id}/overdue`,
    `/api/tasks?cycleId=${cycle.id}&status=OPEN&page=1&pageSize=20`,
    `/api/tasks?cycleId=${cycle.id}&kind=${inspection.kind}&page=3&pageSize=20`,
  ];
  let readNo = 0;
  const reading = openLoop(
    readRate,
    async () => {
      await call('GET', reads[readNo++ % reads.length]!, hr);
      return true;
    },
    7,
  );

  // Open: every task of the cycle exists and every opening mail has been sent.
  await waitFor(
    'tasks opened and mailed',
    async () =>
      (await db.prisma.task.count({ where: { cycleId: cycle.id, evaluationId: { not: null } } })) === 3 * n &&
      (await db.prisma.notificationOutbox.count({ where: { kind: 'taskOpened', status: 'SENT' } })) >= 3 * n,
    hour,
  );
  const openSeconds = (Date.now() - t0) / 1000;
  const pOpen = performance.now();
  const cpuOpen = cpuMark();
  console.log(`[bench] ${3 * n} tasks open and mailed in ${openSeconds.toFixed(1)} s`);
  console.log(`[bench] CPU while opening: ${cpuBetween(cpu0, cpuOpen, os.availableParallelism())}`);
  await logPageSteps(s, cycle.id);

  // The driver: everything still open, as fast as the engine takes it, until all is published.
  const driverLatencies: number[] = [];
  let published = false;
  const driving = Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (!published) {
        const t = queue.shift();
        if (!t) {
          await sleep(100);
          continue;
        }
        const start = performance.now();
        try {
          await submit(t);
          driverLatencies.push(performance.now() - start);
        } catch (err) {
          console.log(`[bench] driver: ${(err as Error).message}; trying again later`);
          queue.push(t);
        }
      }
    }),
  );
  await waitFor(
    'results published',
    async () => (await db.prisma.evaluation.count({ where: { cycleId: cycle.id, stage: 'PUBLISHED' } })) === n,
    4 * hour,
  );
  const publishedSeconds = (Date.now() - t0) / 1000;
  console.log(`[bench] CPU from open to published: ${cpuBetween(cpuOpen, cpuMark(), os.availableParallelism())}`);
  published = true;
  finding = false;
  await Promise.all([driving, finder, submitting.stop(), reading.stop()]);
  await apis.stop();
  await workers.stop();
  logRssOverTime(workers.rssBySecond, (t0 - workersStarted) / 1000, openSeconds, publishedSeconds);
  return {
    openSeconds,
    publishedSeconds,
    submissions,
    driverLatencies,
    submitLatencies: submitting.latencies,
    // While the cycle opens (people take their first tasks), and once the driver saturates the engine.
    submitOpeningLatencies: arrivedBetween(submitting, p0, pOpen),
    submitDrivenLatencies: arrivedBetween(submitting, pOpen, Infinity),
    readOpeningLatencies: arrivedBetween(reading, p0, pOpen),
    submitFailures: submitting.failures,
    readLatencies: reading.latencies,
    readFailures: reading.failures,
    workerPeakRssMb: workers.peakRssMb,
    workerRestarts: workers.restarts,
  };
}

/**
 * When the worker's memory peaked: its resident set at each tenth of the run (the largest
 * second in each), with the seconds counted from the cycle's opening.
 */
function logRssOverTime(rssBySecond: number[], offsetSeconds: number, openSeconds: number, publishedSeconds: number) {
  const fromOpening = rssBySecond.slice(Math.max(0, Math.round(offsetSeconds)));
  if (!fromOpening.length) return;
  const step = Math.max(1, Math.ceil(fromOpening.length / 10));
  const points: string[] = [];
  for (let i = 0; i < fromOpening.length; i += step) {
    const slice = fromOpening.slice(i, i + step);
    points.push(`${i}–${i + slice.length} s: ${Math.max(...slice)}`);
  }
  const peak = Math.max(...fromOpening);
  console.log(
    `[bench] worker RSS (MiB) after opening began, opened at ${openSeconds.toFixed(0)} s, published at ` +
      `${publishedSeconds.toFixed(0)} s; peak ${peak} at ${fromOpening.indexOf(peak)} s: ${points.join(', ')}`,
  );
}

/**
 * Where the opening's time went, from the cycle workflow's history: each page step's wait
 * in the queue, its run, and the gap until the workflow scheduled the next page.
 */
async function logPageSteps(s: Setup, cycleId: string): Promise<void> {
  const { workflowId } = await s.db.prisma.cycle.findUniqueOrThrow({ where: { id: cycleId } });
  const events = (await s.env.client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  const at = (e: (typeof events)[number]) => Number(e.eventTime?.seconds ?? 0) * 1000 + (e.eventTime?.nanos ?? 0) / 1e6;
  const pages: { scheduled: number; started?: number; completed?: number }[] = [];
  const byEventId = new Map<number, (typeof pages)[number]>();
  for (const e of events) {
    const id = Number(e.eventId);
    if (e.activityTaskScheduledEventAttributes?.activityType?.name === 'startEvaluationWorkflows') {
      const page = { scheduled: at(e) };
      pages.push(page);
      byEventId.set(id, page);
    }
    const started = e.activityTaskStartedEventAttributes;
    if (started) {
      const page = byEventId.get(Number(started.scheduledEventId));
      if (page) page.started = at(e);
    }
    const completed = e.activityTaskCompletedEventAttributes;
    if (completed) {
      const page = byEventId.get(Number(completed.scheduledEventId));
      if (page) page.completed = at(e);
    }
  }
  const done = pages.filter((p) => p.started && p.completed);
  if (!done.length) return;
  const median = (xs: number[]) => (percentile(xs, 50) / 1000).toFixed(2);
  const gaps = done.slice(1).map((p, i) => p.scheduled - done[i]!.completed!);
  console.log(
    `[bench] ${done.length} page steps: waited p50 ${median(done.map((p) => p.started! - p.scheduled))} s, ` +
      `ran p50 ${median(done.map((p) => p.completed! - p.started!))} s, ` +
      `next page scheduled after p50 ${median(gaps)} s (max ${(Math.max(0, ...gaps) / 1000).toFixed(2)} s)`,
  );
}

/** The same-shape floor: N workflows started, 3N signals through the same closed-loop driver. */
async function runFloor(s: Setup): Promise<number> {
  const taskQueue = 'bench-floor';
  const workers = startWorkerPool('floor', s.workers, ['--import', 'tsx', path.join(__dirname, 'floorWorker.ts')], {
    TEMPORAL_ADDRESS: s.env.address,
    TEMPORAL_TASK_QUEUE: taskQueue,
  });
  const ids = Array.from({ length: s.managers }, (_, i) => `floor-${i}`);
  const t0 = Date.now();
  // Started as the cycle starts its evaluations: pages of 200 at a time.
  await pool(ids, 200, async (id) => {
    await s.env.client.workflow.start('floorEvaluationWorkflow', { taskQueue, workflowId: id });
  });
  const submissions = ids.flatMap((id) => Array.from({ length: floorShape.tasks }, (_, i) => ({ id, i })));
  await pool(submissions, concurrency, async ({ id, i }) => {
    await s.env.client.workflow.getHandle(id).signal(floorSubmittedSignal, i);
  });
  await pool(ids, concurrency, async (id) => {
    await s.env.client.workflow.getHandle(id).result();
  });
  const seconds = (Date.now() - t0) / 1000;
  await workers.stop();
  return seconds;
}

/** The bare reference: N workflows that each take one signal and end. */
async function runBare(s: Setup): Promise<number> {
  const worker = await Worker.create({
    connection: s.env.nativeConnection,
    taskQueue: 'bench-baseline',
    workflowsPath: require.resolve('./baselineWorkflow'),
  });
  const running = worker.run();
  const ids = Array.from({ length: s.managers }, (_, i) => `baseline-${i}`);
  const t0 = Date.now();
  await pool(ids, concurrency, async (id) => {
    const h = await s.env.client.workflow.start('signalBaselineWorkflow', {
      taskQueue: 'bench-baseline',
      workflowId: id,
    });
    await h.signal('done');
  });
  await pool(ids, concurrency, async (id) => {
    await s.env.client.workflow.getHandle(id).result();
  });
  const seconds = (Date.now() - t0) / 1000;
  worker.shutdown();
  await running;
  return seconds;
}

async function main() {
  const { managers: n, workers, apis } = parseArgs(process.argv.slice(2));
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const cli: string | undefined = findTemporalBinary('cli');
  const env = await TestWorkflowEnvironment.createLocal(
    cli ? { server: { executable: { type: 'existing-path', path: cli } } } : {},
  );
  const db: Database = process.env.DATABASE_URL
    ? await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL }, { migrate: true, poolSize: 20 })
    : await openDatabase({ kind: 'pglite', dataDir: 'memory://' }, { migrate: true });
  const smtp = await mailSink();
  if (await db.prisma.orgUnit.findUnique({ where: { code: 'BENCH' } }))
    throw new Error('the database already holds a benchmark city: use an empty database');
  const s0 = Date.now();
  await seedOrganisation(db.prisma, generatedOrganisation(n), password);
  console.log(
    `[bench] seeded ${n} managers in ${Math.ceil(n / perCounty)} counties in ${((Date.now() - s0) / 1000).toFixed(1)} s`,
  );
  const setup: Setup = { env, db, smtpPort: smtp.port, managers: n, workers, apis };

  const cycle = await runCycle(setup);
  console.log(`[bench] published in ${cycle.publishedSeconds.toFixed(1)} s; now the floor`);
  const floorSeconds = await runFloor(setup);
  console.log(`[bench] floor in ${floorSeconds.toFixed(1)} s; now the bare workflow`);
  const bareSeconds = await runBare(setup);

  const ms = (v: number) => Math.round(v);
  const bench = {
    managers: n,
    workers,
    apis,
    database: db.target.kind,
    openSeconds: Number(cycle.openSeconds.toFixed(1)),
    publishedSeconds: Number(cycle.publishedSeconds.toFixed(1)),
    floorSeconds: Number(floorSeconds.toFixed(1)),
    bareSeconds: Number(bareSeconds.toFixed(1)),
    floorRatio: Number((cycle.publishedSeconds / floorSeconds).toFixed(2)),
    bareRatio: Number((cycle.publishedSeconds / bareSeconds).toFixed(2)),
    submissions: cycle.submissions,
    submitRate,
    submitCount: cycle.submitLatencies.length,
    submitP50Ms: ms(percentile(cycle.submitLatencies, 50)),
    submitP99Ms: ms(percentile(cycle.submitLatencies, 99)),
    submitFailures: cycle.submitFailures.length,
    submitOpeningP50Ms: ms(percentile(cycle.submitOpeningLatencies, 50)),
    submitOpeningP99Ms: ms(percentile(cycle.submitOpeningLatencies, 99)),
    submitDrivenP50Ms: ms(percentile(cycle.submitDrivenLatencies, 50)),
    submitDrivenP99Ms: ms(percentile(cycle.submitDrivenLatencies, 99)),
    readRate,
    readCount: cycle.readLatencies.length,
    readP50Ms: ms(percentile(cycle.readLatencies, 50)),
    readP99Ms: ms(percentile(cycle.readLatencies, 99)),
    readFailures: cycle.readFailures.length,
    readOpeningP99Ms: ms(percentile(cycle.readOpeningLatencies, 99)),
    driverConcurrency: concurrency,
    driverP50Ms: ms(percentile(cycle.driverLatencies, 50)),
    driverP99Ms: ms(percentile(cycle.driverLatencies, 99)),
    workerPeakRssMb: cycle.workerPeakRssMb,
    workerRestarts: cycle.workerRestarts,
  };
  for (const f of [...cycle.submitFailures, ...cycle.readFailures].slice(0, 5)) console.log(`[bench] failed: ${f}`);
  console.log(`
managers                 ${n} in ${Math.ceil(n / perCounty)} counties, ${workers} worker process(es), ${apis || 'no'} API process(es) of its own, ${db.target.kind}
tasks open and mailed    ${bench.openSeconds} s
open → every published   ${bench.publishedSeconds} s   (${bench.submissions} submissions)
same-shape floor         ${bench.floorSeconds} s   → ${bench.floorRatio}×
bare signal workflow     ${bench.bareSeconds} s   → ${bench.bareRatio}×
submissions, ${submitRate}/s open-loop   p50 ${bench.submitP50Ms} ms   p99 ${bench.submitP99Ms} ms   (${bench.submitCount} timed, ${bench.submitFailures} failed)
  while opening          p50 ${bench.submitOpeningP50Ms} ms   p99 ${bench.submitOpeningP99Ms} ms   (${cycle.submitOpeningLatencies.length})
  beside the driver      p50 ${bench.submitDrivenP50Ms} ms   p99 ${bench.submitDrivenP99Ms} ms   (${cycle.submitDrivenLatencies.length})
HR reads, ${readRate}/s open-loop        p50 ${bench.readP50Ms} ms   p99 ${bench.readP99Ms} ms   (${bench.readCount} timed, ${bench.readFailures} failed; p99 while opening ${bench.readOpeningP99Ms} ms)
driver, ${concurrency} at a time         p50 ${bench.driverP50Ms} ms   p99 ${bench.driverP99Ms} ms
worker                   peak ${bench.workerPeakRssMb} MiB resident, ${bench.workerRestarts} restart(s)
`);
  console.log(`BENCH ${JSON.stringify(bench)}`);
  await db.close();
  smtp.close();
  await env.teardown();
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

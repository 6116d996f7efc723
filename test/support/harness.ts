// Everything a workflow test drives: a fresh database with the small organisation,
// the time-skipping Temporal test server with a worker, an SMTP server, and the real
// HTTP API on an ephemeral port.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createApp } from '../../api/app';
import { PdfPrinter } from '../../api/pdf';
import type { CycleType } from '../../domain/cycles';
import { defaultTemplateConfig, type TemplateConfig } from '../../domain/templates';
import { seedOrganisation, type Organisation } from '../../prisma/seed';
import { createWorker } from '../../activities/worker';
import { taskQueue } from '../../workflows/taskQueue';
import { openTestDatabase, type TestDatabase } from './database';
import { smallOrganisation, testPassword, validSelfAssessment } from './fixtures';
import { bundlePath } from './globalSetup';
import { startTestSmtp, type TestSmtp } from './smtp';
import { listen } from '../../api/server';
import { settleBackgroundCalls } from '../../api/workflowUpdates';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findTemporalBinary, devServerDynamicConfig } = require('../../scripts/temporalBinaries');

export const publicUrl = 'http://kaoping.test';

export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  const path: string | undefined = findTemporalBinary('testServer');
  return TestWorkflowEnvironment.createTimeSkipping(
    path ? { server: { executable: { type: 'existing-path', path } } } : {},
  );
}

/** The Temporal CLI's dev server (as `npm start` runs it): real task timeouts, no time skipping. */
export async function startDevServer(): Promise<TestWorkflowEnvironment> {
  const path: string | undefined = findTemporalBinary('cli');
  return TestWorkflowEnvironment.createLocal({
    server: {
      ...(path ? { executable: { type: 'existing-path', path } } : {}),
      extraArgs: devServerDynamicConfig,
    },
  });
}

export interface ApiResponse {
  status: number;
  body: any;
  headers: Headers;
}

export interface Harness {
  db: TestDatabase;
  env: TestWorkflowEnvironment;
  smtp: TestSmtp;
  baseUrl: string;
  api(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<ApiResponse>;
  login(username: string, password?: string): Promise<string>;
  /** The worker, on the tests' workflow bundle or on `workflowCode` (another build). */
  startWorker(workflowCode?: string): Promise<void>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(
  options: {
    worker?: boolean;
    db?: TestDatabase;
    temporal?: 'timeSkipping' | 'devServer';
    templates?: Partial<Record<CycleType, TemplateConfig>>;
    /** Another organisation than the small one (a county large enough for a peer review, say). */
    organisation?: Organisation;
  } = {},
): Promise<Harness> {
  const startTemporal = options.temporal === 'devServer' ? startDevServer : startTimeSkippingServer;
  const [db, env, smtp] = await Promise.all([options.db ?? openTestDatabase(), startTemporal(), startTestSmtp()]);
  await seedOrganisation(db.prisma, options.organisation ?? smallOrganisation(), testPassword);
  for (const [cycleType, config] of Object.entries(options.templates ?? {})) {
    // A newer template version, as HR would create: cycles opened from now on use it.
    await db.prisma.evaluationTemplate.create({ data: { cycleType: cycleType as CycleType, version: 2, config } });
  }
  const pdf = new PdfPrinter();
  const app = createApp({ prisma: db.prisma, temporal: env.client, taskQueue, sessionTtlHours: 12, pdf });
  const server: Server = await listen(app, 0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  const workflowBundle = { code: fs.readFileSync(bundlePath, 'utf8') };

  const harness: Harness = {
    db,
    env,
    smtp,
    baseUrl,
    async api(method, path, opts = {}) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let body: string | undefined;
      if (opts.body !== undefined) {
        headers['content-type'] ??= 'application/json';
        body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
      }
      const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
    async login(username, password = testPassword) {
      const res = await harness.api('POST', '/api/auth/login', { body: { username, password } });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token;
    },
    async startWorker(workflowCode) {
      worker = await createWorker({
        connection: env.nativeConnection,
        taskQueue,
        prisma: db.prisma,
        temporal: env.client,
        mailer: smtp.transport,
        publicUrl,
        mailFrom: 'Kaoping <noreply@test.local>',
        workflowBundle: workflowCode ? { code: workflowCode } : workflowBundle,
      });
      running = worker.run();
    },
    async stopWorker() {
      if (worker && worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      worker = undefined;
    },
    async close() {
      await harness.stopWorker();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await settleBackgroundCalls(30_000);
      await pdf.close();
      await env.teardown();
      await smtp.close();
      await db.close();
    },
  };
  if (options.worker !== false) await harness.startWorker();
  return harness;
}

/** Polls until `check` returns a value that is not undefined/false. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A monthly template that gathers only the self-assessment (the first slice). */
export function selfAssessmentOnlyTemplate(): TemplateConfig {
  const t = defaultTemplateConfig('MONTHLY');
  return { ...t, tasks: { SELF_ASSESSMENT: t.tasks.SELF_ASSESSMENT! } };
}

/** HR opens a monthly cycle for one county (by code); resolves with the cycle's id. */
export async function openCountyCycle(h: Harness, hrToken: string, countyCode: string, period: string) {
  const county = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: countyCode } });
  const opened = await h.api('POST', '/api/cycles', {
    token: hrToken,
    body: { type: 'MONTHLY', period, countyId: county.id },
  });
  return { cycleId: opened.body.id as string, county };
}

/** HR opens a county's monthly cycle; resolves once `count` open tasks of `kind` exist in it. */
export async function openCountyCycleWithTasks(
  h: Harness,
  hrToken: string,
  opts: { countyCode: string; period: string; kind: string; count: number },
) {
  const opened = await openCountyCycle(h, hrToken, opts.countyCode, opts.period);
  await eventually(
    async () =>
      (await h.db.prisma.task.count({
        where: { cycleId: opened.cycleId, kind: opts.kind as never, status: 'OPEN' },
      })) === opts.count || undefined,
    30_000,
    `${opts.count} ${opts.kind} tasks`,
  );
  return opened;
}

/** The first task assigned to `username`, once it exists. */
export function taskAssignedTo(h: Harness, username: string, timeoutMs = 20_000) {
  return eventually(
    () => h.db.prisma.task.findFirst({ where: { assignee: { username } } }).then((x) => x ?? undefined),
    timeoutMs,
    `${username}'s task`,
  );
}

/**
 * A county's cycle from opening to publication through the API, on a template that gathers
 * only the self-assessment: each manager self-scores as given, the head signs off, the city
 * approves. Resolves with the cycle's id once every result is published.
 */
export async function publishCountyCycle(
  h: Pick<Harness, 'db' | 'api' | 'login'>,
  opts: {
    type: CycleType;
    period: string;
    countyCode: string;
    selfScores: Record<string, number>;
    /** Stop once the city approval is open (for a test that approves it in the pages). */
    untilCityApproval?: boolean;
  },
): Promise<string> {
  const token = async (u: string) => h.login(u);
  const county = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: opts.countyCode } });
  const opened = await h.api('POST', '/api/cycles', {
    token: await token('hr'),
    body: { type: opts.type, period: opts.period, countyId: county.id },
  });
  if (opened.status !== 201) throw new Error(`open ${opts.period}: ${opened.status}`);
  const cycleId: string = opened.body.id;
  const managers = Object.keys(opts.selfScores).length;
  const tasks = await eventually(
    async () => {
      const t = await h.db.prisma.task.findMany({
        where: { cycleId, kind: 'SELF_ASSESSMENT' },
        include: { assignee: true },
      });
      return t.length === managers ? t : undefined;
    },
    20_000,
    `${opts.period} self-assessments`,
  );
  for (const t of tasks) {
    const n = opts.selfScores[t.assignee.username]!;
    const res = await h.api('POST', `/api/tasks/${t.id}/submission`, {
      token: await token(t.assignee.username),
      body: { ...validSelfAssessment, attitude: n, knowledge: n, skills: n },
    });
    if (res.status !== 201) throw new Error(`self-assessment ${t.assignee.username}: ${res.status}`);
  }
  const decide = async (kind: 'COUNTY_SIGN_OFF' | 'CITY_APPROVAL', body: object) => {
    const task = await eventually(
      () =>
        h.db.prisma.task
          .findFirst({ where: { cycleId, kind }, include: { assignee: true } })
          .then((x) => x ?? undefined),
      20_000,
      `${opts.period} ${kind}`,
    );
    const res = await h.api('POST', `/api/tasks/${task.id}/submission`, {
      token: await token(task.assignee.username),
      body,
    });
    if (res.status !== 201) throw new Error(`${kind}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const recommending = opts.type === 'QUARTERLY';
  const best = Object.entries(opts.selfScores).sort((a, b) => b[1] - a[1])[0]![0];
  const bestManager = await h.db.prisma.manager.findFirst({ where: { user: { username: best } } });
  await decide('COUNTY_SIGN_OFF', {
    decision: 'signOff',
    ...(recommending && bestManager ? { recommendedManagerId: bestManager.id } : {}),
  });
  if (opts.untilCityApproval) {
    await eventually(
      () => h.db.prisma.task.findFirst({ where: { cycleId, kind: 'CITY_APPROVAL' } }).then((x) => x ?? undefined),
      20_000,
      `${opts.period} city approval`,
    );
    return cycleId;
  }
  await decide('CITY_APPROVAL', { decision: 'approve' });
  await eventually(
    async () =>
      (await h.db.prisma.evaluation.count({ where: { cycleId, stage: 'PUBLISHED' } })) === managers || undefined,
    20_000,
    `${opts.period} published`,
  );
  return cycleId;
}

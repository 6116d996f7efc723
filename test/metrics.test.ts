// Prometheus metrics (issue "Production"): the API answers /metrics with each route's
// latency and status and what operations watches (outbox backlog, open incidents, open
// and overdue tasks); with METRICS_TOKEN only a scraper that sends it gets them. The
// production worker serves Temporal's own worker metrics at WORKER_METRICS_ADDRESS. Both
// log JSON lines: the API each request with its id, the worker each step with its workflow's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedOrganisation } from '../prisma/seed';
import { openSharedTestDatabase, type SharedTestDatabase } from './support/database';
import { smallOrganisation, testPassword } from './support/fixtures';
import { publicUrl } from './support/harness';
import { apiService, freePort, temporalDevServer, workerService, type ChildService } from './support/processes';
import { startTestSmtp, type TestSmtp } from './support/smtp';

jest.setTimeout(5 * 60_000);

let dataDir: string;
let db: SharedTestDatabase;
let smtp: TestSmtp;
const services: ChildService[] = [];
let api: ChildService;
let worker: ChildService;
let apiUrl: string;
let workerMetricsUrl: string;
const token = 'scrape-token-0123456789';

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-metrics-'));
  const [temporalPort, apiPort, metricsPort] = await Promise.all([freePort(), freePort(), freePort()]);
  [db, smtp] = await Promise.all([openSharedTestDatabase(), startTestSmtp()]);
  await seedOrganisation(db.prisma, smallOrganisation(), testPassword);
  const temporal = temporalDevServer(path.join(dataDir, 'temporal.db'), temporalPort);
  services.push(temporal);
  await temporal.start();
  const addresses = () => ({
    databaseUrl: db.url,
    temporalAddress: `127.0.0.1:${temporalPort}`,
    smtpPort: smtp.port,
    publicUrl,
  });
  api = apiService(addresses, apiPort, { METRICS_TOKEN: token });
  worker = workerService(addresses, {
    CALENDAR_SCHEDULES: 'off',
    WORKER_METRICS_ADDRESS: `127.0.0.1:${metricsPort}`,
  });
  services.push(api, worker);
  await Promise.all([api.start(), worker.start()]);
  apiUrl = `http://127.0.0.1:${apiPort}`;
  workerMetricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
}, 180_000);

afterAll(async () => {
  for (const s of services.reverse()) await s.kill();
  await smtp?.close();
  await db?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The value of one sample line (`name{labels} value`) of a Prometheus text page. */
function sample(page: string, prefix: string): number | undefined {
  const line = page.split('\n').find((l) => l.startsWith(prefix));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

test('the API: per-route latency and status, the outbox backlog, incidents and tasks; the token is required', async () => {
  // Some traffic: a login, a 401, a 404 on a route with an id.
  const login = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'hr', password: testPassword }),
  });
  const { token: session } = (await login.json()) as { token: string };
  expect((await fetch(`${apiUrl}/api/tasks`)).status).toBe(401);
  const missing = await fetch(`${apiUrl}/api/tasks/00000000-0000-4000-8000-000000000000`, {
    headers: { authorization: `Bearer ${session}` },
  });
  expect(missing.status).toBe(404);
  // One mail waiting in the outbox.
  const hr = await db.prisma.user.findUniqueOrThrow({ where: { username: 'hr' } });
  await db.prisma.notificationOutbox.create({
    data: {
      dedupeKey: 'metrics-test',
      toUserId: hr.id,
      toAddress: hr.email,
      language: 'zh-CN',
      kind: 'test',
      subject: 's',
      textBody: 't',
      htmlBody: 'h',
    },
  });

  expect((await fetch(`${apiUrl}/metrics`)).status).toBe(401);
  expect(
    (await fetch(`${apiUrl}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status,
  ).toBe(401);
  const res = await fetch(`${apiUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  const page = await res.text();
  expect(sample(page, 'kaoping_http_requests_total{method="POST",route="/api/auth/login",status="200"}')).toBe(1);
  expect(sample(page, 'kaoping_http_requests_total{method="GET",route="/api/tasks/:id",status="404"}')).toBe(1);
  expect(
    sample(page, 'kaoping_http_request_duration_seconds_count{method="POST",route="/api/auth/login",status="200"}'),
  ).toBe(1);
  expect(sample(page, 'kaoping_outbox_backlog')).toBe(1);
  expect(sample(page, 'kaoping_incidents_open')).toBe(0);
  expect(sample(page, 'kaoping_tasks_open')).toBe(0);
  expect(sample(page, 'kaoping_process_resident_memory_bytes')).toBeGreaterThan(0);
  // Raw paths never become labels (one series per route, not per id).
  expect(page).not.toContain('00000000-0000-4000-8000-000000000000');
});

test("the worker: Temporal's own metrics, served where WORKER_METRICS_ADDRESS says", async () => {
  let page = '';
  for (let i = 0; i < 50 && !page.includes('temporal_'); i++) {
    page = await fetch(workerMetricsUrl)
      .then((r) => r.text())
      .catch(() => '');
    if (!page.includes('temporal_')) await new Promise((r) => setTimeout(r, 200));
  }
  expect(page).toMatch(/^temporal_\w+/m);
  expect(page).toContain('task_queue="kaoping');
});

/** The JSON lines a process printed (anything else skipped). */
const jsonLines = (output: string) =>
  output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

test('logs: a request once with its id (kept from the caller), the workflows it starts with their ids', async () => {
  const session = (await (
    await fetch(`${apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'hr', password: testPassword }),
    })
  ).json()) as { token: string };
  const county = await db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C01' } });
  const opened = await fetch(`${apiUrl}/api/cycles`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${session.token}`,
      'content-type': 'application/json',
      'x-request-id': 'req-metrics-test-1',
    },
    body: JSON.stringify({ type: 'MONTHLY', period: '2026-11', countyId: county.id }),
  });
  expect(opened.status).toBe(201);
  expect(opened.headers.get('x-request-id')).toBe('req-metrics-test-1');
  const answered = await fetch(`${apiUrl}/api/cycles`, { headers: { authorization: `Bearer ${session.token}` } });
  expect(answered.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/); // made here when none was sent
  const hr = await db.prisma.user.findUniqueOrThrow({ where: { username: 'hr' } });
  const line = jsonLines(api.log()).find((l) => l.reqId === 'req-metrics-test-1');
  expect(line).toMatchObject({
    name: 'api',
    msg: 'request',
    method: 'POST',
    route: '/api/cycles',
    status: 201,
    userId: hr.id,
  });
  expect(typeof line!.ms).toBe('number');
  // The worker: the cycle's workflow and each manager's, by id, as JSON.
  let steps: Record<string, unknown>[] = [];
  for (let i = 0; i < 100 && !steps.some((l) => String(l.workflowId).startsWith('evaluation-')); i++) {
    await new Promise((r) => setTimeout(r, 200));
    steps = jsonLines(worker.log()).filter((l) => typeof l.workflowId === 'string');
  }
  expect(steps.find((l) => l.workflowId === 'cycle-MONTHLY-2026-11-C01')).toMatchObject({ name: 'worker' });
  expect(steps.some((l) => String(l.workflowId).startsWith('evaluation-') && l.runId)).toBe(true);
});

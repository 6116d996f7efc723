// Scale-out (issue "Production"): two API processes and two workers of the compiled build
// (`npm run build`, plain node) on one database and one Temporal namespace. The calendar
// schedules exist once, a session made on one API works on the other, a county's cycle
// driven through both APIs publishes, and every mail is sent exactly once.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { seedOrganisation } from '../prisma/seed';
import { openSharedTestDatabase, type SharedTestDatabase } from './support/database';
import { smallOrganisation, testPassword } from './support/fixtures';
import { eventually, publicUrl, publishCountyCycle, selfAssessmentOnlyTemplate, type Harness } from './support/harness';
import { apiService, freePort, temporalDevServer, workerService, type ChildService } from './support/processes';
import { startTestSmtp, type TestSmtp } from './support/smtp';

jest.setTimeout(8 * 60_000);

const root = path.join(__dirname, '..');
let dataDir: string;
let db: SharedTestDatabase;
let smtp: TestSmtp;
let temporalAddress: string;
const services: ChildService[] = [];
const apiUrls: string[] = [];

/** dist/ as `npm run build` leaves it; built here when missing or older than the sources. */
function ensureBuild(): void {
  const built = path.join(root, 'dist', 'scripts', 'api.js');
  const newest = (dir: string): number =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .reduce(
        (m, e) =>
          Math.max(m, e.isDirectory() ? newest(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs),
        0,
      );
  const sources = Math.max(
    ...['domain', 'workflows', 'activities', 'prisma', 'scripts'].map((d) => newest(path.join(root, d))),
  );
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return;
  execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'build.ts')], {
    cwd: root,
    stdio: 'inherit',
  });
}

beforeAll(async () => {
  ensureBuild();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-multi-'));
  const [temporalPort, ...apiPorts] = await Promise.all([freePort(), freePort(), freePort()]);
  temporalAddress = `127.0.0.1:${temporalPort}`;
  [db, smtp] = await Promise.all([openSharedTestDatabase(), startTestSmtp()]);
  await seedOrganisation(db.prisma, smallOrganisation(), testPassword);
  await db.prisma.evaluationTemplate.create({
    data: { cycleType: 'MONTHLY', version: 2, config: selfAssessmentOnlyTemplate() },
  });
  const temporal = temporalDevServer(path.join(dataDir, 'temporal.db'), temporalPort);
  services.push(temporal);
  await temporal.start();
  const addresses = () => ({ databaseUrl: db.url, temporalAddress, smtpPort: smtp.port, publicUrl });
  const compiled = { compiled: true };
  // Both workers create the calendar schedules at start, as every worker of a deployment does.
  const processes = [
    ...apiPorts.map((port) => apiService(addresses, port, {}, compiled)),
    workerService(addresses, { CALENDAR_SCHEDULES: 'on' }, compiled),
    workerService(addresses, { CALENDAR_SCHEDULES: 'on' }, compiled),
  ];
  services.push(...processes);
  await Promise.all(processes.map((p) => p.start()));
  apiUrls.push(...apiPorts.map((p) => `http://127.0.0.1:${p}`));
}, 300_000);

afterAll(async () => {
  for (const s of services.reverse()) await s.kill();
  await smtp?.close();
  await db?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Each call through the next API process in turn. */
let turn = 0;
const api: Harness['api'] = async (method, url, opts = {}) => {
  const base = apiUrls[turn++ % apiUrls.length]!;
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${url}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, body: text && text.startsWith('{') ? JSON.parse(text) : text, headers: res.headers };
};
const login = async (username: string) => {
  const res = await api('POST', '/api/auth/login', { body: { username, password: testPassword } });
  return res.body.token as string;
};

test('the calendar schedules exist once, though both workers created them', async () => {
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    const client = new Client({ connection });
    const ids: string[] = [];
    for await (const s of client.schedule.list()) ids.push(s.scheduleId);
    expect(ids.sort()).toEqual([
      'calendar-ANNUAL',
      'calendar-HALF_YEAR',
      'calendar-MONTHLY',
      'calendar-QUARTERLY',
      'daily-overdue-digest',
      'weekly-sheets',
    ]);
  } finally {
    await connection.close();
  }
});

test('a session made on one API works on the other', async () => {
  const [first, second] = apiUrls;
  const made = await fetch(`${first}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'head01', password: testPassword }),
  });
  const { token } = (await made.json()) as { token: string };
  const me = await fetch(`${second}/api/me`, { headers: { authorization: `Bearer ${token}` } });
  expect(me.status).toBe(200);
  expect(((await me.json()) as { username: string }).username).toBe('head01');
});

test("a county's cycle through both APIs and both workers publishes; every mail is sent once", async () => {
  const cycleId = await publishCountyCycle(
    { db, api, login },
    { type: 'MONTHLY', period: '2026-11', countyCode: 'C01', selfScores: { m001: 95, m002: 80, m003: 70 } },
  );
  const published = await db.prisma.evaluation.findMany({ where: { cycleId }, orderBy: { rank: 'asc' } });
  expect(published.map((e) => [e.stage, e.rank])).toEqual([
    ['PUBLISHED', 1],
    ['PUBLISHED', 2],
    ['PUBLISHED', 3],
  ]);
  // Every outbox row sent, each received once (the Message-ID is the row's), none twice.
  const rows = await eventually(
    async () => {
      const all = await db.prisma.notificationOutbox.findMany();
      return all.length > 0 && all.every((r) => r.status === 'SENT') ? all : undefined;
    },
    30_000,
    'every mail sent',
  );
  await smtp.waitFor((m) => m.length >= rows.length);
  const ids = smtp.mails.map((m) => m.messageId);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(rows.length);
  // The three results went out once each.
  expect(smtp.mails.filter((m) => m.subject.includes('【考评结果】'))).toHaveLength(3);
});

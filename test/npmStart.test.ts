// `npm start` as a new user runs it (scripts/start.ts: embedded PGlite, the Temporal dev
// server, the mail catcher): when its Temporal dev server dies, it is started again on its
// database file and the app carries on; Ctrl-C (SIGTERM) stops everything.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoPassword } from '../prisma/seed';
import { eventually } from './support/harness';
import { freePort } from './support/processes';

jest.setTimeout(240_000);

let app: ChildProcess | undefined;
let dataDir: string;
let output = '';
afterAll(() => {
  if (app && app.exitCode === null) app.kill('SIGKILL');
  for (const pid of devServerPids()) process.kill(pid, 'SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The dev server processes that keep their state in this test's data directory. */
function devServerPids(): number[] {
  if (!dataDir) return [];
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.includes('start-dev') && cmd.includes(path.join(dataDir, 'temporal.db'))) pids.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return pids;
}

test('the embedded Temporal dev server is started again when it dies, and the app goes on', async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-start-'));
  const [port, temporalPort, uiPort, mailPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    TEMPORAL_PORT: String(temporalPort),
    TEMPORAL_UI_PORT: String(uiPort),
    MAIL_CATCHER_PORT: String(mailPort),
    CALENDAR_SCHEDULES: 'off',
  };
  delete env.DATABASE_URL; // embedded, as a new user has it
  delete env.TEMPORAL_ADDRESS;
  delete env.SMTP_URL;
  app = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: path.join(__dirname, '..'),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (d: Buffer) => (output += d.toString());
  app.stdout!.on('data', collect);
  app.stderr!.on('data', collect);
  await eventually(async () => output.includes('Kaoping is running'), 180_000, `npm start:\n${output}`);
  const base = `http://127.0.0.1:${port}`;
  expect((await fetch(`${base}/api/ready`)).status).toBe(200);

  const [pid] = devServerPids();
  expect(pid).toBeGreaterThan(0);
  process.kill(pid!, 'SIGKILL');
  await eventually(async () => output.includes('Temporal dev server started again'), 60_000, `restart:\n${output}`);
  expect(output).toMatch(/Temporal dev server exited \(SIGKILL\); starting it again in 1 s/);
  expect(devServerPids()).not.toContain(pid);

  // Back on its database file: ready again, and HR opens a cycle through it.
  await eventually(async () => (await fetch(`${base}/api/ready`)).status === 200, 60_000, 'ready again');
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'hr', password: demoPassword }),
  });
  const { token } = (await login.json()) as { token: string };
  const opened = await fetch(`${base}/api/cycles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ type: 'MONTHLY', period: '2026-12' }),
  });
  expect(opened.status).toBe(201);

  // Ctrl-C: everything stops, the dev server too, and nothing is started again.
  const exited = new Promise<number | null>((resolve) => app!.once('exit', (code) => resolve(code)));
  app.kill('SIGTERM');
  expect(await exited).toBe(0);
  await new Promise((r) => setTimeout(r, 1500));
  expect(devServerPids()).toEqual([]);
});

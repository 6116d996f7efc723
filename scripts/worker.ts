// The production worker process: DATABASE_URL, TEMPORAL_ADDRESS and SMTP_URL required.
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime } from '@temporalio/worker';
import nodemailer from 'nodemailer';
import { openDatabase } from '../prisma/database';
import { loadConfig, productionConfigSchema, workerTelemetry } from './config';
import { ensureCalendarSchedules } from '../workflows/client/schedules';
import { createWorker } from '../activities/worker';
import { temporalLogger } from '../activities/log';
import { createLog } from '../api/log';

async function main() {
  const config = loadConfig(productionConfigSchema);
  const log = createLog('worker', config.LOG_LEVEL ?? 'info');
  // The SDK's lines (with workflow and activity ids) as JSON; Temporal's worker metrics for Prometheus.
  Runtime.install({ logger: temporalLogger(log), ...workerTelemetry(config.WORKER_METRICS_ADDRESS) });
  const db = await openDatabase(
    { kind: 'postgres', url: config.DATABASE_URL },
    { poolSize: config.DATABASE_POOL_SIZE },
  );
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const client = new Client({
    connection: await Connection.connect({ address: config.TEMPORAL_ADDRESS }),
    namespace: config.TEMPORAL_NAMESPACE,
  });
  const worker = await createWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    prisma: db.prisma,
    temporal: client,
    mailer: nodemailer.createTransport(config.SMTP_URL),
    publicUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
    mailFrom: config.MAIL_FROM,
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
    reuseV8Context: config.WORKER_REUSE_V8_CONTEXT,
    maxConcurrentActivities: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
  });
  if (config.CALENDAR_SCHEDULES === 'on') {
    const created = await ensureCalendarSchedules(client, config.TEMPORAL_TASK_QUEUE);
    if (created.length) log.info({ schedules: created }, `calendar schedules created: ${created.join(', ')}`);
  }
  // Drain: stop polling, let the activities in flight finish, then exit.
  // If the drain hangs (Temporal unreachable), exit anyway after a grace period.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      worker.shutdown();
      setTimeout(() => process.exit(0), 20_000).unref();
    });
  log.info(
    { taskQueue: config.TEMPORAL_TASK_QUEUE, temporal: config.TEMPORAL_ADDRESS },
    `worker polling task queue ${config.TEMPORAL_TASK_QUEUE} on ${config.TEMPORAL_ADDRESS}`,
  );
  await worker.run();
  await db.close();
  await connection.close();
  process.exit(0); // a clean exit (which also writes a --cpu-prof profile) even with handles left open
}

main().catch((err) => {
  createLog('worker').fatal({ err }, 'worker stopped');
  process.exit(1);
});

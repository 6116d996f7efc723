// The production API process: DATABASE_URL, TEMPORAL_ADDRESS and SMTP_URL required.
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../api/app';
import { PdfPrinter } from '../api/pdf';
import { openDatabase } from '../prisma/database';
import { loadConfig, productionConfigSchema } from './config';
import { listen } from '../api/server';
import { createLog } from '../api/log';
import { settleBackgroundCalls } from '../api/workflowUpdates';

async function main() {
  const config = loadConfig(productionConfigSchema);
  const log = createLog('api', config.LOG_LEVEL ?? 'info');
  const db = await openDatabase(
    { kind: 'postgres', url: config.DATABASE_URL },
    { poolSize: config.DATABASE_POOL_SIZE },
  );
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const pdf = new PdfPrinter();
  const app = createApp({
    prisma: db.prisma,
    temporal,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    sessionTtlHours: config.SESSION_TTL_HOURS,
    smtpUrl: config.SMTP_URL,
    pdf,
    metricsToken: config.METRICS_TOKEN,
    log,
  });
  const server = await listen(app, config.PORT, config.HOST);
  log.info({ host: config.HOST, port: config.PORT }, `api listening on ${config.HOST}:${config.PORT}`);
  const stop = () => {
    log.info('api stopping: no new connections, finishing the requests in flight');
    server.close(async () => {
      await settleBackgroundCalls();
      await pdf.close();
      await db.close();
      await connection.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  createLog('api').fatal({ err }, 'api could not start');
  process.exit(1);
});

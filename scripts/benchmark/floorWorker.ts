// A worker process for the benchmark's floor workflows: TEMPORAL_ADDRESS and
// TEMPORAL_TASK_QUEUE, the same worker settings as Kaoping's (scripts/worker.ts).
import { NativeConnection, Runtime, DefaultLogger, Worker } from '@temporalio/worker';
import { floorActivities } from './floorActivities';

async function main() {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  const worker = await Worker.create({
    connection,
    taskQueue: process.env.TEMPORAL_TASK_QUEUE!,
    workflowsPath: require.resolve('./floorWorkflow'),
    activities: floorActivities(),
    maxConcurrentActivityTaskExecutions: 20,
    ...(process.env.WORKER_MAX_CACHED_WORKFLOWS
      ? { maxCachedWorkflows: Number(process.env.WORKER_MAX_CACHED_WORKFLOWS) }
      : {}),
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => worker.shutdown());
  await worker.run();
  await connection.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

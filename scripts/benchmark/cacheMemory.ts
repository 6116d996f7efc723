// What a cached workflow costs the worker in memory: starts N manager evaluations with their
// tasks already open (so no activity runs before a timer fires) on a local Temporal dev
// server, lets one worker take each one's first workflow task and keep it cached, and prints
// the process's resident memory per cached workflow.
// Usage: npx tsx scripts/benchmark/cacheMemory.ts [N]   (WORKFLOW_STACK_FRAMES as the worker)
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { defaultTemplateConfig } from '../../domain/templates';
import type { TaskKind } from '../../domain/taskKinds';
import { workflowBundleOptions } from '../../workflows/client/bundle';
import type { ManagerEvaluationInput } from '../../workflows/managerEvaluation.messages';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findTemporalBinary } = require('../temporalBinaries');

const rssMb = () => process.memoryUsage().rss / 1024 / 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 1000);
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const cli: string | undefined = findTemporalBinary('cli');
  const env = await TestWorkflowEnvironment.createLocal(
    cli ? { server: { executable: { type: 'existing-path', path: cli } } } : {},
  );
  const taskQueue = 'cache-memory';
  const bundle = await bundleWorkflowCode({
    ...workflowBundleOptions,
    logger: { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} },
  });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    maxCachedWorkflows: n + 100,
  });
  const running = worker.run();
  await sleep(2000);
  const before = rssMb();

  const template = defaultTemplateConfig('MONTHLY');
  const at = new Date().toISOString();
  const opened = {
    at,
    tasks: Object.fromEntries(
      Object.keys(template.tasks).map((kind) => [kind as TaskKind, { taskId: randomUUID(), dueDate: '2099-01-05' }]),
    ),
  };
  for (let i = 0; i < n; i += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, n - i) }, (_, j) => {
        const input: ManagerEvaluationInput = {
          cycleId: 'cache-memory',
          evaluationId: randomUUID(),
          managerId: `m-${i + j}`,
          countyId: 'c',
          cycleType: 'MONTHLY',
          period: '2098-12',
          template,
          opened,
        };
        return env.client.workflow.start('managerEvaluationWorkflow', {
          taskQueue,
          workflowId: `cache-memory-${i + j}`,
          args: [input],
        });
      }),
    );
  }
  while (worker.getStatus().numCachedWorkflows < n) await sleep(500);
  await sleep(3000);
  const after = rssMb();
  console.log(
    `${n} cached workflows: RSS ${before.toFixed(0)} → ${after.toFixed(0)} MiB, ${(((after - before) * 1024) / n).toFixed(0)} KiB each` +
      ` (WORKFLOW_STACK_FRAMES=${process.env.WORKFLOW_STACK_FRAMES ?? 'unset'})`,
  );
  worker.shutdown();
  await running;
  await env.teardown();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

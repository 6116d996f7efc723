// What creating a workflow costs the worker: replays one recorded history many times (each
// replay creates the workflow afresh, evaluating the bundle's modules again) and prints the
// CPU time per workflow. Usage: npx tsx scripts/benchmark/creationCost.ts [history.json] [count]
import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { workflowBundleOptions } from '../../workflows/client/bundle';

const defaultHistory = path.join(
  __dirname,
  '..',
  '..',
  'test',
  'histories',
  'managerEvaluation-preopened-local-submissions.json',
);

async function* repeated(history: unknown, count: number) {
  for (let i = 0; i < count; i++) yield { workflowId: `replay-${i}`, history };
}

async function main(): Promise<void> {
  const file = process.argv[2] ?? defaultHistory;
  const count = Number(process.argv[3] ?? 300);
  const history = JSON.parse(fs.readFileSync(file, 'utf8'));
  const bundle = await bundleWorkflowCode({
    ...workflowBundleOptions,
    logger: { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} },
  });
  console.log(`bundle ${(bundle.code.length / 1024).toFixed(0)} KiB`);
  // One warm-up round so the thread and the bundle's shared modules exist before timing.
  for await (const r of Worker.runReplayHistories({ workflowBundle: bundle }, repeated(history, 20)))
    if (r.error) throw r.error;
  const cpu = process.cpuUsage();
  const wall = Date.now();
  for await (const r of Worker.runReplayHistories({ workflowBundle: bundle }, repeated(history, count)))
    if (r.error) throw r.error;
  const used = process.cpuUsage(cpu);
  const ms = (used.user + used.system) / 1000;
  console.log(
    `${count} replays: ${ms.toFixed(0)} ms CPU (${(ms / count).toFixed(1)} ms each), ${Date.now() - wall} ms wall`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

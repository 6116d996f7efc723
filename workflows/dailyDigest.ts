// Started every morning by a Temporal Schedule (08:00, Asia/Shanghai): the overdue digest
// for county heads and HR and the new-task digest for who chose it, written to the outbox
// and sent; then a look for processes
// that stopped without finishing.
import { acts, batchActs } from './activities';
import { log, patched } from '@temporalio/workflow';
import { nowIso } from './clock';
import { deliver } from './delivery';

export async function dailyDigestWorkflow(): Promise<{ sent: number; newTaskDigests?: number }> {
  const at = nowIso();
  const { outboxIds } = await acts.sendOverdueDigests({ at });
  await deliver(outboxIds, 100);
  log.info('overdue digests sent', { mails: outboxIds.length });
  // 新任务每日汇总 for who chose one morning mail over a mail per task.
  let newTaskDigests: number | undefined;
  if (patched('new-task-digests')) {
    const digests = await acts.sendNewTaskDigests({ at });
    await deliver(digests.outboxIds, 100);
    newTaskDigests = digests.outboxIds.length;
  }
  // Processes that ended without finishing in the last week become incidents HR can retry.
  if (patched('sweep-closed-workflows')) {
    const { raised } = await batchActs.sweepClosedWorkflows({ at: nowIso(), lookBackDays: 8 });
    if (raised) log.warn('stopped processes found', { raised });
  }
  return { sent: outboxIds.length, newTaskDigests };
}

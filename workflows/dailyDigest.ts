// Started every morning by a Temporal Schedule (08:00, Asia/Shanghai): the overdue digest
// for county heads and HR, written to the outbox and sent.
import { acts } from './activities';
import { log } from '@temporalio/workflow';
import { nowIso } from './clock';
import { deliver } from './delivery';

export async function dailyDigestWorkflow(): Promise<{ sent: number }> {
  const { outboxIds } = await acts.sendOverdueDigests({ at: nowIso() });
  await deliver(outboxIds, 100);
  log.info('overdue digests sent', { mails: outboxIds.length });
  return { sent: outboxIds.length };
}

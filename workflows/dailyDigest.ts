// Started every morning by a Temporal Schedule (08:00, Asia/Shanghai): the overdue digest
// for county heads and HR, written to the outbox and sent.
import { acts } from './activities';

export async function dailyDigestWorkflow(): Promise<{ sent: number }> {
  const { outboxIds } = await acts.sendOverdueDigests({ at: new Date(Date.now()).toISOString() });
  for (let i = 0; i < outboxIds.length; i += 100)
    await acts.deliverNotifications({ outboxIds: outboxIds.slice(i, i + 100) });
  return { sent: outboxIds.length };
}

// Sending what the activities wrote to the outbox: one activity per batch of mails, so a
// publication of thousands of results stays within an activity's time-out. A batch
// heartbeats per mail, so a slow mail server on a busy worker does not time it out.
import { batchActs } from './activities';

export async function deliver(outboxIds: string[], batchSize = 200): Promise<void> {
  for (let i = 0; i < outboxIds.length; i += batchSize)
    await batchActs.deliverNotifications({ outboxIds: outboxIds.slice(i, i + batchSize) });
}

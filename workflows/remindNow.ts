// HR reminds the people of open tasks now (催办): the reminders are written once, then mailed.
// A workflow of its own, so no running evaluation changes and a resent request mails nobody twice.
import { acts } from './activities';
import { nowIso } from './clock';
import { deliver } from './delivery';
import type { RemindNowInput, RemindNowResult } from './remindNow.messages';

export async function remindNowWorkflow(input: RemindNowInput): Promise<RemindNowResult> {
  // The workflow's clock decides the hour (once an hour per task), not the caller's.
  const { outboxIds, reminded, skipped } = await acts.remindTasksNow({ ...input, at: nowIso() });
  await deliver(outboxIds);
  return { reminded, skipped };
}

// Activity stubs with the retry and timeout policy every workflow uses.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';

// Each is a few database statements or one e-mail; a short timeout lets a task whose
// worker died be retried soon.
export const acts = proxyActivities<Activities>({
  startToCloseTimeout: '20 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** Creating thousands of evaluations or starting their workflows takes longer; they heartbeat. */
export const batchActs = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

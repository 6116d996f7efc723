// Activity stubs with the retry and timeout policy every workflow uses.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';

export const acts = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** Starting thousands of workflows takes longer than one record. */
export const batchActs = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

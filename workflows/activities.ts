// Activity stubs with the retry and timeout policy every workflow uses. Retries are bounded
// (about 30 minutes); a step that runs out of them becomes an incident (workflows/incidents.ts).
import { proxyActivities, proxyLocalActivities, type RetryPolicy } from '@temporalio/workflow';
import { incidentPolicy } from '../domain/incidents';
import type { Activities } from '../activities';
import { guarded } from './incidents';

// Each is a few database statements or one e-mail; a short timeout lets a task whose
// worker died be retried soon.
/** The retries of a short step (about 30 minutes in all). */
const stepRetry: RetryPolicy = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: `${incidentPolicy.maximumIntervalSeconds} seconds`,
  maximumAttempts: incidentPolicy.maximumAttempts,
};

export const acts = guarded(
  proxyActivities<Activities>({
    startToCloseTimeout: '20 seconds',
    retry: stepRetry,
  }),
);

/** Creating thousands of evaluations or starting their workflows takes longer; they heartbeat. */
export const batchActs = guarded(
  proxyActivities<Activities>({
    startToCloseTimeout: '10 minutes',
    heartbeatTimeout: '30 seconds',
    retry: {
      initialInterval: '2 seconds',
      backoffCoefficient: 2,
      maximumInterval: `${incidentPolicy.maximumIntervalSeconds} seconds`,
      maximumAttempts: incidentPolicy.batchMaximumAttempts,
    },
  }),
);

/**
 * Recording a person's submission runs as a local activity, inside the workflow task that
 * took the update: one round trip through Temporal instead of three, so the person's answer
 * does not wait behind the task queue. Same retries; its failure is the request's.
 */
export const localActs = proxyLocalActivities<Activities>({ startToCloseTimeout: '20 seconds', retry: stepRetry });

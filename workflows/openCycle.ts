// Opening a cycle on HR's request (the calendar's schedule runs calendarCycleWorkflow):
// the cycle row with its template version, then its evaluationCycleWorkflow. The API
// starts this and waits for it, so a crash of the API never leaves a half-open cycle.
import { log } from '@temporalio/workflow';
import { acts } from './activities';
import type { OpenCycleRequest, OpenCycleResult } from './openCycle.messages';

export async function openCycleWorkflow(request: OpenCycleRequest): Promise<OpenCycleResult> {
  log.info('opening cycle', { type: request.type, period: request.period, scopeId: request.scopeId });
  const result = await acts.openCycle(request);
  log.info(result.created ? 'cycle created' : 'cycle existed already', { cycleId: result.cycleId });
  return result;
}

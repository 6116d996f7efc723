// A cycle (考评周期) for one scope: create the evaluations, start one workflow per
// manager page by page, then watch until every evaluation's tasks are done.
import { continueAsNew, setHandler, sleep, workflowInfo } from '@temporalio/workflow';
import { acts, batchActs } from './activities';
import { cycleStatusQuery, type EvaluationCycleInput } from './types';

const startPageSize = 200;
const progressCheckInterval = '1 hour';

export async function evaluationCycleWorkflow(input: EvaluationCycleInput & { watching?: boolean }): Promise<void> {
  let phase = input.watching ? 'watching' : 'setup';
  let evaluations = 0;
  let started = 0;
  setHandler(cycleStatusQuery, () => ({ phase, evaluations, started }));

  if (!input.watching) {
    // setup
    evaluations = (await batchActs.prepareCycle({ cycleId: input.cycleId })).evaluations;
    phase = 'starting';
    let afterId: string | null = null;
    do {
      const page: { started: number; nextAfterId: string | null } = await batchActs.startEvaluationWorkflows({ cycleId: input.cycleId, afterId, pageSize: startPageSize });
      started += page.started;
      afterId = page.nextAfterId;
    } while (afterId);
    await acts.setCycleStatus({ cycleId: input.cycleId, status: 'OPEN', at: new Date(Date.now()).toISOString() });
    phase = 'watching';
  }

  // run
  while (!(await acts.cycleEvaluationsComplete({ cycleId: input.cycleId }))) {
    await sleep(progressCheckInterval);
    if (workflowInfo().historyLength > 2000) await continueAsNew<typeof evaluationCycleWorkflow>({ cycleId: input.cycleId, watching: true });
  }
  phase = 'evaluationsComplete';
  await acts.setCycleStatus({ cycleId: input.cycleId, status: 'EVALUATIONS_COMPLETE', at: new Date(Date.now()).toISOString() });
}

// A cycle (考评周期) for one scope: create the evaluations, start one workflow per
// manager page by page, then watch until every evaluation's tasks are done.
import { condition, continueAsNew, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { acts, batchActs } from './activities';
import { cycleProgressedSignal, cycleStatusQuery, type EvaluationCycleInput } from './types';

const startPageSize = 200;
const progressCheckInterval = '1 hour';

export async function evaluationCycleWorkflow(input: EvaluationCycleInput & { watching?: boolean }): Promise<void> {
  let phase: string = input.watching ? 'watching' : 'setup';
  let evaluations = 0;
  let started = 0;
  setHandler(cycleStatusQuery, () => ({ phase, evaluations, started }));
  // County reviews tell the cycle when a county moves on; the hourly check is the safety net.
  let progressed = false;
  setHandler(cycleProgressedSignal, () => void (progressed = true));

  if (!input.watching) {
    // setup
    evaluations = (await batchActs.prepareCycle({ cycleId: input.cycleId })).evaluations;
    phase = 'starting';
    let afterId: string | null = null;
    do {
      const page: { started: number; nextAfterId: string | null } = await batchActs.startEvaluationWorkflows({
        cycleId: input.cycleId,
        afterId,
        pageSize: startPageSize,
      });
      started += page.started;
      afterId = page.nextAfterId;
    } while (afterId);
    await acts.setCycleStatus({ cycleId: input.cycleId, status: 'OPEN', at: new Date(Date.now()).toISOString() });
    phase = 'watching';
  }

  // run: open each county's review once its evaluations are scored (the last manager's
  // workflow usually does it at once; this is the safety net), until all are published.
  // Each county review signals when it starts and when it ends; else look every hour.
  for (;;) {
    const { rankingCohort, counties } = await acts.cycleProgress({ cycleId: input.cycleId });
    for (const c of counties) {
      if (c.scored === c.evaluations && c.reviewStatus === null)
        await acts.startCountyReviewIfReady({
          cycleId: input.cycleId,
          countyId: c.countyId,
          at: new Date(Date.now()).toISOString(),
        });
    }
    if (phase !== 'evaluationsComplete' && counties.every((c) => c.scored === c.evaluations)) {
      await acts.setCycleStatus({
        cycleId: input.cycleId,
        status: 'EVALUATIONS_COMPLETE',
        at: new Date(Date.now()).toISOString(),
      });
      phase = 'evaluationsComplete';
    }
    if (
      rankingCohort === 'city' &&
      counties.every((c) => c.reviewStatus === 'APPROVED' || c.reviewStatus === 'PUBLISHED') &&
      counties.some((c) => c.reviewStatus === 'APPROVED')
    ) {
      // The whole city is one cohort: ranked and published once every county is approved.
      const { outboxIds } = await batchActs.publishCityResults({
        cycleId: input.cycleId,
        at: new Date(Date.now()).toISOString(),
      });
      for (let i = 0; i < outboxIds.length; i += 200)
        await acts.deliverNotifications({ outboxIds: outboxIds.slice(i, i + 200) });
      // Annual cycles: every county's grade determination follows the published results.
      if (patched('grade-determination')) {
        await acts.startGradeDetermination({ cycleId: input.cycleId, at: new Date(Date.now()).toISOString() });
        await acts.openBottomRankCases({ cycleId: input.cycleId, at: new Date(Date.now()).toISOString() });
      }
      continue;
    }
    if (counties.every((c) => c.reviewStatus === 'PUBLISHED')) break;
    await condition(() => progressed, progressCheckInterval);
    progressed = false;
    if (workflowInfo().historyLength > 2000)
      await continueAsNew<typeof evaluationCycleWorkflow>({ cycleId: input.cycleId, watching: true });
  }
  phase = 'closed';
  await acts.setCycleStatus({ cycleId: input.cycleId, status: 'CLOSED', at: new Date(Date.now()).toISOString() });
}

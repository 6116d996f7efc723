// A cycle (考评周期) for one scope: create the evaluations, start one workflow per
// manager page by page, then watch until every evaluation's tasks are done.
import { condition, continueAsNew, log, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { acts, batchActs } from './activities';
import type { StartEvaluationsResult } from '../activities/cycles';
import { cycleProgressedSignal, cycleStatusQuery, type EvaluationCycleInput } from './evaluationCycle.messages';
import { nowIso } from './clock';
import { deliver } from './delivery';
import { setIncidentScope } from './incidents';
import { forEachLimit } from '../domain/concurrency';

const startPageSize = 200;
/** Page steps run side by side while a cycle opens. */
const pagesAtOnce = 2;
const progressCheckInterval = '1 hour';

export async function evaluationCycleWorkflow(input: EvaluationCycleInput & { watching?: boolean }): Promise<void> {
  setIncidentScope({ cycleId: input.cycleId });
  let phase: string = input.watching ? 'watching' : 'setup';
  let evaluations = 0;
  let started = 0;
  setHandler(cycleStatusQuery, () => ({ phase, evaluations, started }));
  // County reviews tell the cycle when a county moves on; the hourly check is the safety net.
  let progressed = false;
  setHandler(cycleProgressedSignal, () => void (progressed = true));
  // The opening mails of each page, sent alongside; a failing mail server holds up no county.
  const openingMails: Promise<void>[] = [];

  if (!input.watching) {
    // setup
    evaluations = (await batchActs.prepareCycle({ cycleId: input.cycleId })).evaluations;
    log.info('cycle prepared', { cycleId: input.cycleId, evaluations });
    phase = 'starting';
    // Each page's tasks are opened with the page, and its mails sent while the next page starts.
    const bulkOpen = patched('bulk-open');
    const openPage = async (range: { afterId: string | null; throughId?: string | null }) => {
      const page: StartEvaluationsResult = await batchActs.startEvaluationWorkflows({
        cycleId: input.cycleId,
        ...range,
        pageSize: startPageSize,
        ...(bulkOpen ? { at: nowIso() } : {}),
      });
      started += page.started;
      if (page.outboxIds?.length) openingMails.push(deliver(page.outboxIds));
      return page.nextAfterId;
    };
    if (bulkOpen && patched('pages-side-by-side')) {
      // Pages cut in advance, a few at once: one page's database work beside another's starts.
      const { pages } = await batchActs.evaluationPages({ cycleId: input.cycleId, pageSize: startPageSize });
      await forEachLimit(pages, pagesAtOnce, async (range) => void (await openPage(range)));
    } else {
      let afterId: string | null = null;
      do afterId = await openPage({ afterId });
      while (afterId);
    }
    await acts.setCycleStatus({ cycleId: input.cycleId, status: 'OPEN', at: nowIso() });
    log.info('evaluation workflows started', { started });
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
          at: nowIso(),
        });
    }
    if (phase !== 'evaluationsComplete' && counties.every((c) => c.scored === c.evaluations)) {
      await acts.setCycleStatus({
        cycleId: input.cycleId,
        status: 'EVALUATIONS_COMPLETE',
        at: nowIso(),
      });
      phase = 'evaluationsComplete';
      log.info('every evaluation scored or closed', { counties: counties.length });
    }
    if (
      rankingCohort === 'city' &&
      counties.every((c) => c.reviewStatus === 'APPROVED' || c.reviewStatus === 'PUBLISHED') &&
      counties.some((c) => c.reviewStatus === 'APPROVED')
    ) {
      // The whole city is one cohort: ranked and published once every county is approved.
      const { outboxIds } = await batchActs.publishCityResults({
        cycleId: input.cycleId,
        at: nowIso(),
      });
      log.info('city cohort published', { results: outboxIds.length });
      await deliver(outboxIds);
      // Annual cycles: every county's grade determination follows the published results.
      if (patched('grade-determination')) {
        await acts.startGradeDetermination({ cycleId: input.cycleId, at: nowIso() });
        await acts.openBottomRankCases({ cycleId: input.cycleId, at: nowIso() });
      }
      if (patched('results-talks')) {
        const openTasks = patched('talks-opened-in-bulk');
        const talks = await batchActs.openResultsTalks({ cycleId: input.cycleId, at: nowIso(), openTasks });
        if (openTasks) await deliver(talks.outboxIds ?? []); // none from a worker not yet upgraded
      }
      continue;
    }
    if (counties.every((c) => c.reviewStatus === 'PUBLISHED')) break;
    const signalled = await condition(() => progressed, progressCheckInterval);
    progressed = false;
    // On the hourly look: managers recorded whose join did not start (the API died) join now.
    if (!signalled && patched('join-late-managers')) {
      const { joined } = await acts.joinLateManagers({ cycleId: input.cycleId });
      if (joined) log.info('late managers joined', { joined });
    }
    // The server suggests a fresh history long before its limits (events, size).
    if (workflowInfo().continueAsNewSuggested) {
      await Promise.all(openingMails);
      await continueAsNew<typeof evaluationCycleWorkflow>({ cycleId: input.cycleId, watching: true });
    }
  }
  await Promise.all(openingMails);
  phase = 'closed';
  await acts.setCycleStatus({ cycleId: input.cycleId, status: 'CLOSED', at: nowIso() });
  log.info('cycle closed: every county published', { cycleId: input.cycleId });
}

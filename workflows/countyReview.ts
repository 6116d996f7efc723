// A county's results in a cycle (县级审核 → 市级审批): the county head signs off, the
// city approver approves or returns them with a reason (the county then signs off
// again, in a new round); once approved they are ranked and published.
import { log, patched, setHandler } from '@temporalio/workflow';
import { submissionSchemaOf } from '../domain/taskKinds';
import { cityApproval, cityApprovalSchema } from '../domain/taskKinds/cityApproval';
import { countySignOff } from '../domain/taskKinds/countySignOff';
import { acts, batchActs } from './activities';
import { HumanTask, handleOneTaskAtATime } from './humanTask';
import { countyReviewStatusQuery, type CountyReviewInput, type CountyReviewStatus } from './countyReview.messages';
import { nowIso } from './clock';
import { deliver } from './delivery';
import { setIncidentScope } from './incidents';

export async function countyReviewWorkflow(input: CountyReviewInput): Promise<CountyReviewStatus> {
  setIncidentScope({
    cycleId: input.cycleId,
    countyId: input.countyId,
    subject: { countyReviewId: input.countyReviewId },
  });
  // setup
  const anchor = new Date(input.cycleOpenedAt);
  let round = 1;
  let stage: CountyReviewStatus['stage'] = 'COUNTY_SIGN_OFF';
  const tasks: HumanTask[] = [];
  let current: HumanTask | undefined;
  const status = (): CountyReviewStatus => ({ round, stage, tasks: tasks.map((t) => ({ ...t.state })) });
  setHandler(countyReviewStatusQuery, status);
  handleOneTaskAtATime(
    () => current,
    (task, request) => void submissionSchemaOf(task.state.kind)?.parse(request.payload),
  );
  // The cycle learns at once that this county's evaluations are all scored.
  const tellCycle = patched('cycle-progress-signal');
  if (tellCycle) await acts.notifyCycleProgress({ cycleId: input.cycleId });

  // run
  for (;;) {
    stage = 'COUNTY_SIGN_OFF';
    await acts.setCountyReviewStatus({
      countyReviewId: input.countyReviewId,
      status: 'COUNTY_SIGN_OFF',
      round,
      at: nowIso(),
    });
    current = new HumanTask(
      countySignOff.kind,
      { countyReviewId: input.countyReviewId, round },
      input.template,
      anchor,
    );
    tasks.push(current);
    log.info('county sign-off open', { countyReviewId: input.countyReviewId, round });
    await current.run();
    if (current.state.phase !== 'SUBMITTED') return status(); // closed by policy: stays with HR

    stage = 'CITY_APPROVAL';
    await acts.setCountyReviewStatus({
      countyReviewId: input.countyReviewId,
      status: 'CITY_APPROVAL',
      round,
      at: nowIso(),
    });
    current = new HumanTask(cityApproval.kind, { countyReviewId: input.countyReviewId, round }, input.template, anchor);
    tasks.push(current);
    await current.run();
    if (current.state.phase !== 'SUBMITTED') return status();
    const decision = cityApprovalSchema.parse(current.payload);
    log.info('city decided', { countyReviewId: input.countyReviewId, round, decision: decision.decision });
    if (decision.decision === 'approve') break;

    round++;
    const signedOff = tasks[tasks.length - 2]!.state.taskId!; // the county head's sign-off that was returned
    current = undefined;
    const { outboxIds } = await acts.notifyReturned({
      countyReviewId: input.countyReviewId,
      taskId: signedOff,
      reason: decision.reason,
      at: nowIso(),
    });
    await deliver(outboxIds);
  }

  current = undefined;
  const { outboxIds, published } = await acts.approveAndPublish({ countyReviewId: input.countyReviewId, at: nowIso() });
  await deliver(outboxIds);
  stage = published ? 'PUBLISHED' : 'APPROVED';
  log.info(published ? 'county results published' : 'county approved: waits for the city cohort', {
    countyReviewId: input.countyReviewId,
  }); // city cohort: published later, with the whole city
  // Annual cycles: the county's grade determination follows its published results.
  if (published && patched('grade-determination')) {
    await acts.startGradeDetermination({ cycleId: input.cycleId, at: nowIso() });
    // Bottom-ranking flags of the publication open their cases (末位淘汰).
    await acts.openBottomRankCases({ cycleId: input.cycleId, at: nowIso() });
  }
  // Monthly cycles: the county's leaders talk with the managers about their results (情感沟通).
  if (published && patched('results-talks')) {
    // The talks' tasks opened with them, in bulk; their opening mails sent from here.
    const openTasks = patched('talks-opened-in-bulk');
    const talks = await batchActs.openResultsTalks({
      cycleId: input.cycleId,
      countyIds: [input.countyId],
      at: nowIso(),
      openTasks,
    });
    if (openTasks) await deliver(talks.outboxIds ?? []); // none from a worker not yet upgraded
  }
  // ... and that they are approved (city cohort) or published: it may close now.
  if (tellCycle) await acts.notifyCycleProgress({ cycleId: input.cycleId });
  return status();
}

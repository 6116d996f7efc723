// A county's annual grade determination (综合等级评定): the county head proposes a
// grade for every manager; the city approver signs the changes off (all, or each) or
// rejects them with a reason, and the county proposes again for those rejected.
// Approvals are checked against the grade quotas; approved changes take effect on
// their date (a durable timer), when the grade history records them.
import { log, setHandler, sleep } from '@temporalio/workflow';
import { shanghaiInstant } from '../domain/calendar';
import { describeBreach } from '../domain/gradeQuotas';
import {
  gradeProposalSchema,
  gradeSignOffSchema,
  proposalProblems,
  signOffOutcome,
  type GradeCandidate,
} from '../domain/gradeDetermination';
import { acts } from './activities';
import { HumanTask, handleOneTaskAtATime } from './humanTask';
import { invalid, refuse } from './refusals';
import {
  gradeDeterminationStatusQuery,
  type GradeDeterminationInput,
  type GradeDeterminationStatus,
} from './gradeDetermination.messages';
import { type SubmitTaskRequest, type SubmitTaskResult } from './humanTask.messages';
import { nowIso } from './clock';
import { deliver } from './delivery';
import { gradeProposal } from '../domain/taskKinds/gradeProposal';
import { gradeSignOff } from '../domain/taskKinds/gradeSignOff';
import { setIncidentScope } from './incidents';

/** The city approver's sign-off: decided under the quotas, in one activity, or refused with the numbers. */
class GradeSignOffTask extends HumanTask {
  constructor(
    private readonly gradeReviewId: string,
    private readonly round: number,
    template: GradeDeterminationInput['template'],
  ) {
    super(gradeSignOff.kind, { gradeReviewId, round }, template);
  }

  override async submit(request: SubmitTaskRequest): Promise<SubmitTaskResult> {
    if (this.state.phase === 'SUBMITTED' && this.state.submissionId)
      return { outcome: 'duplicate', submissionId: this.state.submissionId };
    const r = await acts.decideGradeChanges({
      gradeReviewId: this.gradeReviewId,
      taskId: request.taskId,
      round: this.round,
      requestId: request.requestId,
      submittedById: request.submittedById,
      payload: request.payload,
      at: nowIso(),
    });
    if (r.outcome === 'closed') throw refuse('TaskClosed', 'task closed');
    if (r.outcome === 'quotaExceeded') {
      const zh = r.breaches.map((b) => describeBreach(b, 'zh-CN')).join('；');
      throw refuse('QuotaExceeded', `${zh} / ${r.breaches.map((b) => describeBreach(b, 'en')).join('; ')}`, r.breaches);
    }
    this.state.phase = 'SUBMITTED';
    this.state.submissionId = r.submissionId;
    this.payload = request.payload;
    return { outcome: r.outcome, submissionId: r.submissionId };
  }
}

export async function gradeDeterminationWorkflow(input: GradeDeterminationInput): Promise<GradeDeterminationStatus> {
  setIncidentScope({
    cycleId: input.cycleId,
    countyId: input.countyId,
    subject: { gradeReviewId: input.gradeReviewId },
  });
  // setup
  let round = 1;
  let stage: GradeDeterminationStatus['stage'] = 'proposal';
  const approved: Record<string, string[]> = {};
  const tasks: HumanTask[] = [];
  let current: HumanTask | undefined;
  let candidates: GradeCandidate[] = [];
  let earliestEffectiveDate = '';
  let changed: string[] = [];
  const status = (): GradeDeterminationStatus => ({
    round,
    stage,
    approved,
    tasks: tasks.map((t) => ({ ...t.state })),
  });
  setHandler(gradeDeterminationStatusQuery, status);

  handleOneTaskAtATime(
    () => current,
    (task, request) => {
      const problems =
        task.state.kind === gradeProposal.kind
          ? proposalProblems(gradeProposalSchema.parse(request.payload), candidates, earliestEffectiveDate)
          : signOffOutcome(gradeSignOffSchema.parse(request.payload), changed).problems;
      if (problems.length) throw invalid(problems);
    },
  );

  // run: proposal → sign-off, again for the rejected, until none is
  let managerIds: string[] | undefined;
  for (;;) {
    ({ candidates, earliestEffectiveDate } = await acts.gradeCandidates({
      gradeReviewId: input.gradeReviewId,
      managerIds,
      at: nowIso(),
    }));
    if (candidates.length === 0) break;
    log.info('grade proposal open', { gradeReviewId: input.gradeReviewId, round, candidates: candidates.length });
    stage = 'proposal';
    await acts.setGradeReviewStatus({ gradeReviewId: input.gradeReviewId, status: 'PROPOSAL', round, at: nowIso() });
    current = new HumanTask(gradeProposal.kind, { gradeReviewId: input.gradeReviewId, round }, input.template);
    tasks.push(current);
    await current.run();
    if (current.state.phase !== 'SUBMITTED') return status(); // cancelled: stays with HR
    ({ changedManagerIds: changed } = await acts.recordGradeProposal({
      gradeReviewId: input.gradeReviewId,
      taskId: current.state.taskId!,
      round,
      candidates,
      at: nowIso(),
    }));
    if (changed.length === 0) break;

    stage = 'signOff';
    await acts.setGradeReviewStatus({ gradeReviewId: input.gradeReviewId, status: 'SIGN_OFF', round, at: nowIso() });
    current = new GradeSignOffTask(input.gradeReviewId, round, input.template);
    tasks.push(current);
    await current.run();
    if (current.state.phase !== 'SUBMITTED') return status();
    const decision = signOffOutcome(gradeSignOffSchema.parse(current.payload), changed);
    const effectiveDate = gradeProposalSchema.parse(tasks[tasks.length - 2]!.payload).effectiveDate;
    if (decision.approved.length) approved[effectiveDate] = [...(approved[effectiveDate] ?? []), ...decision.approved];
    log.info('grade changes decided', {
      round,
      approved: decision.approved.length,
      rejected: decision.rejected.length,
    });
    if (decision.rejected.length === 0) break;
    managerIds = decision.rejected.map((r) => r.managerId);
    round++;
  }
  current = undefined;

  // Approved changes take effect on their dates.
  stage = 'waitingForEffectiveDate';
  await acts.setGradeReviewStatus({ gradeReviewId: input.gradeReviewId, status: 'APPROVED', round, at: nowIso() });
  for (const effectiveDate of Object.keys(approved).sort()) {
    const wait = shanghaiInstant(effectiveDate).getTime() - Date.now();
    if (wait > 0) await sleep(wait);
    const { outboxIds } = await acts.applyGradeChanges({
      gradeReviewId: input.gradeReviewId,
      effectiveDate,
      at: nowIso(),
    });
    await deliver(outboxIds);
  }
  stage = 'completed';
  await acts.setGradeReviewStatus({ gradeReviewId: input.gradeReviewId, status: 'COMPLETED', round, at: nowIso() });
  return status();
}

// A complaint (投诉受理): registered by the center, answered by the manager (or not, by the
// deadline), decided by the center. Each step a human task with reminders and escalation;
// a confirmation deducts from the month's inspection (activities/complaints.ts).
import { log, setHandler } from '@temporalio/workflow';
import { complaintAnswer } from '../domain/taskKinds/complaintAnswer';
import { complaintDecision } from '../domain/taskKinds/complaintDecision';
import { acts } from './activities';
import { nowIso } from './clock';
import { complaintStatusQuery, type ComplaintInput, type ComplaintWorkflowStatus } from './complaint.messages';
import { deliver } from './delivery';
import { HumanTask, handleOneTaskAtATime } from './humanTask';
import { setIncidentScope } from './incidents';

export async function complaintWorkflow(input: ComplaintInput): Promise<ComplaintWorkflowStatus> {
  setIncidentScope({ countyId: input.countyId, subject: { complaintId: input.complaintId } });
  // setup
  let stage: ComplaintWorkflowStatus['stage'] = 'REGISTERING';
  const tasks: HumanTask[] = [];
  let current: HumanTask | undefined;
  const status = (): ComplaintWorkflowStatus => ({ stage, tasks: tasks.map((t) => ({ ...t.state })) });
  setHandler(complaintStatusQuery, status);
  handleOneTaskAtATime(
    () => current,
    () => undefined, // the kinds' schemas say everything a submission must be
  );
  const { template, ...registration } = input;
  await acts.recordComplaint({ ...registration, points: template.complaint.deductionPoints });

  // run
  stage = 'AWAITING_ANSWER';
  const subject = { complaintId: input.complaintId, round: 1 };
  const answer = new HumanTask(complaintAnswer.kind, subject, template);
  current = answer;
  tasks.push(answer);
  await answer.run(); // answered, or closed unanswered after the grace period
  await acts.complaintAnswered({ complaintId: input.complaintId, answerTaskId: answer.state.taskId!, at: nowIso() });

  stage = 'UNDER_REVIEW';
  const decision = new HumanTask(complaintDecision.kind, subject, template);
  current = decision;
  tasks.push(decision);
  await decision.run();
  current = undefined;

  const decided = await acts.decideComplaint({
    complaintId: input.complaintId,
    decisionTaskId: decision.state.taskId!,
    at: nowIso(),
  });
  stage = decided.status;
  log.info('complaint decided', { complaintId: input.complaintId, status: decided.status });
  await deliver(decided.outboxIds);
  // A late deduction may have put someone into the bottom ranks: their case opens like any other.
  if (decided.cycleId && decided.newFlags > 0)
    await acts.openBottomRankCases({ cycleId: decided.cycleId, at: nowIso() });
  return status();
}

// A bottom-ranking case (末位淘汰): HR decides what happens (by employment type), the
// city approves or rejects with a reason (HR then decides again). Nothing happens to
// the person until both have: the decision is recorded only on approval.
import { patched, setHandler } from '@temporalio/workflow';
import { allowedActions, bottomRankApprovalSchema, bottomRankDecisionSchema } from '../domain/bottomRankCases';
import { acts } from './activities';
import { HumanTask, handleOneTaskAtATime } from './humanTask';
import { invalid } from './refusals';
import {
  bottomRankCaseStatusQuery,
  type BottomRankCaseInput,
  type BottomRankCaseStatus,
} from './bottomRankCase.messages';
import { nowIso } from './clock';
import { deliver } from './delivery';
import { bottomRankApproval } from '../domain/taskKinds/bottomRankApproval';
import { bottomRankDecision } from '../domain/taskKinds/bottomRankDecision';
import { setIncidentScope } from './incidents';

export async function bottomRankCaseWorkflow(input: BottomRankCaseInput): Promise<BottomRankCaseStatus> {
  setIncidentScope({ subject: { caseId: input.caseId } });
  // setup
  let round = 1;
  let stage: BottomRankCaseStatus['stage'] = 'HR_DECISION';
  const tasks: HumanTask[] = [];
  let current: HumanTask | undefined;
  const status = (): BottomRankCaseStatus => ({ round, stage, tasks: tasks.map((t) => ({ ...t.state })) });
  setHandler(bottomRankCaseStatusQuery, status);
  handleOneTaskAtATime(
    () => current,
    (task, request) => {
      if (task.state.kind === bottomRankDecision.kind) {
        const { action } = bottomRankDecisionSchema.parse(request.payload);
        if (!allowedActions(input.employment).includes(action)) {
          throw invalid([
            {
              field: 'action',
              'zh-CN':
                input.employment === 'FORMAL' ? '正式员工不能解聘，可待岗学习、换岗或不处理' : '此处理方式不适用',
              en: `${action} is not possible for ${input.employment.toLowerCase()} staff (allowed: ${allowedActions(input.employment).join(', ')})`,
            },
          ]);
        }
      } else bottomRankApprovalSchema.parse(request.payload);
    },
  );

  // run
  for (;;) {
    stage = 'HR_DECISION';
    await acts.setBottomRankCaseStatus({ caseId: input.caseId, status: 'HR_DECISION', round, at: nowIso() });
    const decision = new HumanTask(bottomRankDecision.kind, { bottomRankCaseId: input.caseId, round }, input.template);
    current = decision;
    tasks.push(decision);
    await decision.run();
    if (decision.state.phase !== 'SUBMITTED') return status();

    stage = 'CITY_APPROVAL';
    await acts.setBottomRankCaseStatus({ caseId: input.caseId, status: 'CITY_APPROVAL', round, at: nowIso() });
    // Patched: an approval opened by a running case keeps the due date it had.
    const notBefore = patched('approval-not-due-before-decision') ? decision.state.dueDate : undefined;
    const approval = new HumanTask(
      bottomRankApproval.kind,
      { bottomRankCaseId: input.caseId, round },
      input.template,
      undefined,
      notBefore,
    );
    current = approval;
    tasks.push(approval);
    await approval.run();
    if (approval.state.phase !== 'SUBMITTED') return status();
    current = undefined;
    if (bottomRankApprovalSchema.parse(approval.payload).decision === 'approve') {
      const { outboxIds } = await acts.recordBottomRankDecision({
        caseId: input.caseId,
        decisionTaskId: decision.state.taskId!,
        approvalTaskId: approval.state.taskId!,
        at: nowIso(),
      });
      await deliver(outboxIds);
      stage = 'DECIDED';
      return status();
    }
    round++;
  }
}

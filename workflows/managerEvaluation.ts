// One manager's evaluation in one cycle (客户经理考评): open every task the template
// names, take their submissions, finish when all are submitted or closed by policy.
import { log, setHandler } from '@temporalio/workflow';
import { isCalendarDate } from '../domain/calendar';
import { submissionSchemaOf, type TaskKind } from '../domain/taskKinds';
import { acts } from './activities';
import { CustomerSurveyTask } from './customerSurveyTask';
import { HumanTask, type EvaluationTask } from './humanTask';
import { extendDeadlineUpdate, reassignTaskUpdate, submitTaskUpdate } from './humanTask.messages';
import {
  customerSurveyAnsweredSignal,
  evaluationStatusQuery,
  submissionRecordedSignal,
  withdrawEvaluationUpdate,
  type EvaluationStatus,
  type ManagerEvaluationInput,
} from './managerEvaluation.messages';
import { customerSurvey } from '../domain/taskKinds/customerSurvey';
import { invalid, refuse } from './refusals';
import { nowIso } from './clock';
import { setIncidentScope } from './incidents';

export async function managerEvaluationWorkflow(input: ManagerEvaluationInput): Promise<EvaluationStatus> {
  setIncidentScope({ cycleId: input.cycleId, countyId: input.countyId, evaluationId: input.evaluationId });
  // setup
  const preOpened = (kind: TaskKind) => {
    const task = input.opened?.tasks[kind];
    return task && { ...task, at: input.opened!.at };
  };
  const tasks: EvaluationTask[] = (Object.keys(input.template.tasks) as TaskKind[]).map((kind) =>
    kind === customerSurvey.kind
      ? new CustomerSurveyTask(input.evaluationId, input.template)
      : new HumanTask(
          kind,
          { evaluationId: input.evaluationId },
          input.template,
          undefined,
          undefined,
          preOpened(kind),
        ),
  );
  let stage: EvaluationStatus['stage'] = 'TASKS_OPEN';
  let score: number | undefined = undefined;
  const status = (): EvaluationStatus => ({
    evaluationId: input.evaluationId,
    stage,
    compositeScore: score,
    tasks: tasks.map((t) => ({ ...t.state })),
  });
  const taskById = (taskId: string) => {
    const task = tasks.find((t) => t.state.taskId === taskId);
    if (!task) throw refuse('UnknownTask', `unknown task ${taskId}`);
    return task;
  };

  setHandler(evaluationStatusQuery, status);
  setHandler(customerSurveyAnsweredSignal, () => {
    for (const t of tasks) if (t instanceof CustomerSurveyTask) t.noteAnswer();
  });
  // The API recorded a submission itself (the usual way now); the update below stays for
  // batch imports and for workflows that took their submissions through it.
  setHandler(submissionRecordedSignal, ({ taskId, kind, submissionId }) => {
    const task =
      tasks.find((t) => t.state.taskId === taskId) ?? tasks.find((t) => !t.state.taskId && t.state.kind === kind);
    if (task instanceof HumanTask) task.recorded(submissionId);
    else log.warn('submission recorded for a task this evaluation does not have', { taskId, kind });
  });
  setHandler(submitTaskUpdate, (request) => taskById(request.taskId).submit(request), {
    validator: (request) => {
      const task = taskById(request.taskId);
      task.validateSubmission(request);
      const schema = submissionSchemaOf(task.state.kind);
      if (!schema) throw refuse('NotAccepted', `${task.state.kind} takes no submission here`);
      schema.parse(request.payload);
    },
  });
  setHandler(
    extendDeadlineUpdate,
    async (request) => {
      await taskById(request.taskId).extend(request.dueDate, request.actorId, request.reason);
      return { dueDate: request.dueDate };
    },
    {
      validator: (request) => {
        if (!isCalendarDate(request.dueDate))
          throw invalid([{ field: 'dueDate', 'zh-CN': '须为 YYYY-MM-DD', en: 'must be YYYY-MM-DD' }]);
        if (taskById(request.taskId).done) throw refuse('TaskClosed', 'task is no longer open');
      },
    },
  );

  setHandler(
    reassignTaskUpdate,
    async (r) => {
      await taskById(r.taskId).reassign(r.assigneeId, r.actorId, r.reason);
      return { assigneeId: r.assigneeId };
    },
    {
      validator: (r) => {
        const task = taskById(r.taskId);
        if (task.done) throw refuse('TaskClosed', 'task is no longer open');
        if (task instanceof CustomerSurveyTask)
          throw refuse(
            'NotAccepted',
            'the customer survey is answered by customers: there is no one to reassign it to',
          );
      },
    },
  );

  let withdrawn: { actorId: string; reason: string } | undefined;
  setHandler(
    withdrawEvaluationUpdate,
    async (request) => {
      withdrawn = request;
      tasks.forEach((t) => t.cancel());
      return { withdrawn: true };
    },
    {
      validator: (_request) => {
        if (stage !== 'TASKS_OPEN') throw refuse('TaskClosed', 'the evaluation is complete: nothing to withdraw');
      },
    },
  );

  // run
  log.info('evaluation opened', { evaluationId: input.evaluationId, tasks: tasks.map((t) => t.state.kind) });
  await Promise.all(tasks.map((t) => t.run()));
  if (withdrawn) {
    stage = 'WITHDRAWN';
    log.info('evaluation withdrawn: the manager left', { evaluationId: input.evaluationId });
    await acts.withdrawEvaluation({
      evaluationId: input.evaluationId,
      at: nowIso(),
      actorId: withdrawn.actorId,
      reason: withdrawn.reason,
    });
    await acts.startCountyReviewIfReady({
      cycleId: input.cycleId,
      countyId: input.countyId,
      at: nowIso(),
    });
    return status();
  }
  stage = 'EVALUATIONS_SUBMITTED';
  const { compositeScore } = await acts.scoreEvaluation({
    evaluationId: input.evaluationId,
    at: nowIso(),
  });
  stage = 'SCORED';
  score = compositeScore;
  log.info('evaluation scored', { evaluationId: input.evaluationId, compositeScore });
  // The last evaluation of a county scored opens the county's sign-off at once.
  await acts.startCountyReviewIfReady({
    cycleId: input.cycleId,
    countyId: input.countyId,
    at: nowIso(),
  });
  return status();
}

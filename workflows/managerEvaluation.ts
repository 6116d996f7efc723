// One manager's evaluation in one cycle (客户经理考评): open every task the template
// names, take their submissions, finish when all are submitted or closed by policy.
import { setHandler } from '@temporalio/workflow';
import { isCalendarDate } from '../domain/calendar';
import { submissionSchemaOf, type TaskKind } from '../domain/taskKinds';
import { acts } from './activities';
import { CustomerSurveyTask } from './customerSurveyTask';
import { HumanTask, type EvaluationTask } from './humanTask';
import {
  customerSurveyAnsweredSignal,
  evaluationStatusQuery,
  extendDeadlineUpdate,
  reassignTaskUpdate,
  submitTaskUpdate,
  withdrawEvaluationUpdate,
  type EvaluationStatus,
  type ManagerEvaluationInput,
} from './types';
import { customerSurvey } from '../domain/taskKinds/customerSurvey';

export async function managerEvaluationWorkflow(input: ManagerEvaluationInput): Promise<EvaluationStatus> {
  // setup
  const tasks: EvaluationTask[] = (Object.keys(input.template.tasks) as TaskKind[]).map((kind) =>
    kind === customerSurvey.kind
      ? new CustomerSurveyTask(input.evaluationId, input.template)
      : new HumanTask(kind, { evaluationId: input.evaluationId }, input.template),
  );
  let stage: EvaluationStatus['stage'] = 'tasksOpen';
  let score: number | undefined = undefined;
  const status = (): EvaluationStatus => ({
    evaluationId: input.evaluationId,
    stage,
    compositeScore: score,
    tasks: tasks.map((t) => ({ ...t.state })),
  });
  const taskById = (taskId: string) => {
    const task = tasks.find((t) => t.state.taskId === taskId);
    if (!task) throw new Error(`unknown task ${taskId}`);
    return task;
  };

  setHandler(evaluationStatusQuery, status);
  setHandler(customerSurveyAnsweredSignal, () => {
    for (const t of tasks) if (t instanceof CustomerSurveyTask) t.noteAnswer();
  });
  setHandler(submitTaskUpdate, (request) => taskById(request.taskId).submit(request), {
    validator: (request) => {
      const task = taskById(request.taskId);
      task.validateSubmission(request);
      const schema = submissionSchemaOf(task.state.kind);
      if (!schema) throw new Error(`${task.state.kind} takes no submission here`);
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
        if (!isCalendarDate(request.dueDate)) throw new Error('dueDate must be YYYY-MM-DD');
        if (taskById(request.taskId).done) throw new Error('task is no longer open');
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
        if (task.done) throw new Error('task is no longer open');
        if (task instanceof CustomerSurveyTask)
          throw new Error('the customer survey is answered by customers: there is no one to reassign it to');
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
        if (stage !== 'tasksOpen') throw new Error('the evaluation is complete: nothing to withdraw');
      },
    },
  );

  // run
  await Promise.all(tasks.map((t) => t.run()));
  if (withdrawn) {
    stage = 'withdrawn';
    await acts.withdrawEvaluation({
      evaluationId: input.evaluationId,
      at: new Date(Date.now()).toISOString(),
      actorId: withdrawn.actorId,
      reason: withdrawn.reason,
    });
    await acts.startCountyReviewIfReady({
      cycleId: input.cycleId,
      countyId: input.countyId,
      at: new Date(Date.now()).toISOString(),
    });
    return status();
  }
  stage = 'evaluationsSubmitted';
  const { compositeScore } = await acts.scoreEvaluation({
    evaluationId: input.evaluationId,
    at: new Date(Date.now()).toISOString(),
  });
  stage = 'scored';
  score = compositeScore;
  // The last evaluation of a county scored opens the county's sign-off at once.
  await acts.startCountyReviewIfReady({
    cycleId: input.cycleId,
    countyId: input.countyId,
    at: new Date(Date.now()).toISOString(),
  });
  return status();
}

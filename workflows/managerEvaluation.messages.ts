// managerEvaluationWorkflow: its id, input, query, update and signal (besides the task
// updates of humanTask.messages.ts).
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CycleType } from '../domain/cycles';
import type { TemplateConfig } from '../domain/templates';
import type { PreOpenedTask, TaskState } from './humanTask.messages';
import type { TaskKind } from '../domain/taskKinds';

export const evaluationWorkflowId = (cycleId: string, managerId: string) => `evaluation-${cycleId}-${managerId}`;

export interface ManagerEvaluationInput {
  cycleId: string;
  evaluationId: string;
  managerId: string;
  /** The manager's county when the cycle opened. */
  countyId: string;
  cycleType: CycleType;
  period: string;
  /** The template version the cycle started with, kept for the whole cycle. */
  template: TemplateConfig;
  /**
   * The tasks the cycle's page step already opened (and whose opening mails it sends), at
   * `at`; the customer survey and a late joiner's tasks are opened by the workflow itself.
   */
  opened?: { at: string; tasks: Partial<Record<TaskKind, PreOpenedTask>> };
}

export interface EvaluationStatus {
  evaluationId: string;
  /** The database's EvaluationStage values the manager's workflow moves through. */
  stage: 'TASKS_OPEN' | 'EVALUATIONS_SUBMITTED' | 'SCORED' | 'WITHDRAWN';
  compositeScore?: number;
  tasks: TaskState[];
}
export const evaluationStatusQuery = defineQuery<EvaluationStatus>('evaluationStatus');

/** The manager left: open tasks are cancelled and the evaluation is not ranked. */
export interface WithdrawRequest {
  actorId: string;
  reason: string;
}
export const withdrawEvaluationUpdate = defineUpdate<{ withdrawn: boolean }, [WithdrawRequest]>('withdrawEvaluation');

/** A retail customer answered the manager's survey (the answer itself stays in the database). */
export const customerSurveyAnsweredSignal = defineSignal('customerSurveyAnswered');

/**
 * The API recorded a submission of one of the evaluation's tasks itself, so the person was
 * answered at once, not after the worker's queue: the workflow takes note and moves on.
 * `kind` finds a task whose opening step has not returned its id yet.
 */
export interface SubmissionRecorded {
  taskId: string;
  kind: TaskKind;
  submissionId: string;
}
export const submissionRecordedSignal = defineSignal<[SubmissionRecorded]>('submissionRecorded');

// Inputs, updates and queries of the workflows: small named types shared with the API.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CycleType } from '../domain/cycles';
import type { TaskKind } from '../domain/taskKinds';
import type { TemplateConfig } from '../domain/templates';

export const taskQueue = 'kaoping';

export interface EvaluationCycleInput {
  cycleId: string;
}

export interface CountyReviewInput {
  cycleId: string;
  countyId: string;
  countyReviewId: string;
  template: TemplateConfig;
  /** Sign-off and approval are due a number of days after the cycle opened. */
  cycleOpenedAt: string;
}

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
}

export type TaskPhase = 'opening' | 'open' | 'submitted' | 'closedMissing' | 'cancelled';

export interface TaskState {
  kind: TaskKind;
  phase: TaskPhase;
  taskId?: string;
  dueDate?: string;
  remindersSent: number;
  escalationLevel: number;
  extensions: number;
  submissionId?: string;
}

export interface EvaluationStatus {
  evaluationId: string;
  stage: 'tasksOpen' | 'evaluationsSubmitted' | 'scored' | 'withdrawn';
  compositeScore?: number;
  tasks: TaskState[];
}

export interface SubmitTaskRequest {
  taskId: string;
  /** Idempotency key of the client's request. */
  requestId: string;
  submittedById: string;
  payload: unknown;
}

export interface SubmitTaskResult {
  outcome: 'accepted' | 'duplicate';
  submissionId: string;
  /** The component scores the submission gave, e.g. { selfEvaluation: 85 }. */
  scores?: Record<string, number>;
}

export interface ExtendDeadlineRequest {
  taskId: string;
  /** New due date, YYYY-MM-DD (Shanghai). */
  dueDate: string;
  actorId: string;
  reason: string;
}

export interface ReassignTaskRequest {
  taskId: string;
  assigneeId: string;
  actorId: string;
  reason: string;
}
export const reassignTaskUpdate = defineUpdate<{ assigneeId: string }, [ReassignTaskRequest]>('reassignTask');
export interface WithdrawRequest {
  actorId: string;
  reason: string;
}
export const withdrawEvaluationUpdate = defineUpdate<{ withdrawn: boolean }, [WithdrawRequest]>('withdrawEvaluation');
export const submitTaskUpdate = defineUpdate<SubmitTaskResult, [SubmitTaskRequest]>('submitTask');
export const extendDeadlineUpdate = defineUpdate<{ dueDate: string }, [ExtendDeadlineRequest]>('extendDeadline');
export const evaluationStatusQuery = defineQuery<EvaluationStatus>('evaluationStatus');
export interface CountyReviewStatus {
  round: number;
  stage: 'countySignOff' | 'cityApproval' | 'approved' | 'published';
  tasks: TaskState[];
}
export const countyReviewStatusQuery = defineQuery<CountyReviewStatus>('countyReviewStatus');
export const cycleStatusQuery = defineQuery<{ phase: string; evaluations: number; started: number }>('cycleStatus');
/** A county of the cycle moved on (its evaluations scored, its results published): look again now. */
export const cycleProgressedSignal = defineSignal('cycleProgressed');
/** A retail customer answered the manager's survey (the answer itself stays in the database). */
export const customerSurveyAnsweredSignal = defineSignal('customerSurveyAnswered');

export interface GradeDeterminationInput {
  gradeReviewId: string;
  cycleId: string;
  countyId: string;
  template: TemplateConfig;
}
export interface GradeDeterminationStatus {
  round: number;
  stage: 'proposal' | 'signOff' | 'waitingForEffectiveDate' | 'completed';
  /** Changes approved so far, by effective date. */
  approved: Record<string, string[]>;
  tasks: TaskState[];
}
export const gradeDeterminationStatusQuery = defineQuery<GradeDeterminationStatus>('gradeDeterminationStatus');

export interface BottomRankCaseInput {
  caseId: string;
  employment: 'FORMAL' | 'CONTRACT';
  template: TemplateConfig;
}
export interface BottomRankCaseStatus {
  round: number;
  stage: 'hrDecision' | 'cityApproval' | 'decided';
  tasks: TaskState[];
}
export const bottomRankCaseStatusQuery = defineQuery<BottomRankCaseStatus>('bottomRankCaseStatus');

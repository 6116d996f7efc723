// Inputs, updates and queries of the workflows: small named types shared with the API.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CycleType } from '../domain/cycles';
import type { TaskKind } from '../domain/taskKinds';
import type { TemplateConfig } from '../domain/templates';
import { defaultTaskQueue } from './ids';

export const taskQueue = defaultTaskQueue;

/** Open a cycle (by HR through the API, or by the calendar): one per type, period and scope. */
export interface OpenCycleRequest {
  type: CycleType;
  period: string;
  scopeId: string;
  openedById: string | null;
}
export interface OpenCycleResult {
  cycleId: string;
  created: boolean;
}

/** A manager who joined: they join every cycle already open whose county review has not started. */
export interface ManagerJoinInput {
  managerId: string;
  actorId: string;
}

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

/** A task as its workflow sees it: the database's TaskStatus, plus OPENING until its row exists. */
export type TaskPhase = 'OPENING' | 'OPEN' | 'SUBMITTED' | 'CLOSED_MISSING' | 'CANCELLED';

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
  /** The database's EvaluationStage values the manager's workflow moves through. */
  stage: 'TASKS_OPEN' | 'EVALUATIONS_SUBMITTED' | 'SCORED' | 'WITHDRAWN';
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
  stage: 'COUNTY_SIGN_OFF' | 'CITY_APPROVAL' | 'APPROVED' | 'PUBLISHED'; // CountyReviewStatus
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
  stage: 'HR_DECISION' | 'CITY_APPROVAL' | 'DECIDED'; // BottomRankCaseStatus
  tasks: TaskState[];
}
export const bottomRankCaseStatusQuery = defineQuery<BottomRankCaseStatus>('bottomRankCaseStatus');

// The updates every workflow with human tasks takes (submit, extend, reassign), and a
// task's state as the workflow sees it. Shared by managerEvaluation, countyReview,
// gradeDetermination and bottomRankCase (see humanTask.ts).
import { defineUpdate } from '@temporalio/workflow';
import type { TaskKind } from '../domain/taskKinds';

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

export const submitTaskUpdate = defineUpdate<SubmitTaskResult, [SubmitTaskRequest]>('submitTask');
export const extendDeadlineUpdate = defineUpdate<{ dueDate: string }, [ExtendDeadlineRequest]>('extendDeadline');
export const reassignTaskUpdate = defineUpdate<{ assigneeId: string }, [ReassignTaskRequest]>('reassignTask');

/** A task opened before its workflow started (the cycle opens a page of evaluations' tasks at once). */
export interface PreOpenedTask {
  taskId: string;
  dueDate: string;
}

// resultsTalkWorkflow (情感沟通): its id, input and query (the task updates: humanTask.messages.ts).
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { TemplateConfig } from '../domain/templates';
import type { PreOpenedTask, TaskState } from './humanTask.messages';

/** One talk per published result: the evaluation names it. */
export const resultsTalkWorkflowId = (evaluationId: string) => `results-talk-${evaluationId}`;

export interface ResultsTalkInput {
  resultsTalkId: string;
  /** When the result was published: the talk is due some days after it. */
  publishedAt: string;
  template: TemplateConfig;
  /** The talk's task, opened (and its opening mail sent) by whoever started the talk, at `at`. */
  opened?: PreOpenedTask & { at: string };
}

export interface ResultsTalkStatus {
  stage: 'TO_HOLD' | 'TO_ACKNOWLEDGE' | 'ACKNOWLEDGED' | 'UNACKNOWLEDGED' | 'CANCELLED'; // ResultsTalkStatus
  tasks: TaskState[];
}
export const resultsTalkStatusQuery = defineQuery<ResultsTalkStatus>('resultsTalkStatus');

/** The manager left (离岗) before the talk was done: its open task is cancelled, the talk with it. */
export interface CancelResultsTalkRequest {
  actorId: string;
  reason: string;
}
export const cancelResultsTalkUpdate = defineUpdate<{ cancelled: boolean }, [CancelResultsTalkRequest]>(
  'cancelResultsTalk',
);

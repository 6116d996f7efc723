// resultsTalkWorkflow (情感沟通): its id, input and query (the task updates: humanTask.messages.ts).
import { defineQuery } from '@temporalio/workflow';
import type { TemplateConfig } from '../domain/templates';
import type { TaskState } from './humanTask.messages';

/** One talk per published result: the evaluation names it. */
export const resultsTalkWorkflowId = (evaluationId: string) => `results-talk-${evaluationId}`;

export interface ResultsTalkInput {
  resultsTalkId: string;
  /** When the result was published: the talk is due some days after it. */
  publishedAt: string;
  template: TemplateConfig;
}

export interface ResultsTalkStatus {
  stage: 'TO_HOLD' | 'TO_ACKNOWLEDGE' | 'ACKNOWLEDGED' | 'UNACKNOWLEDGED'; // ResultsTalkStatus
  tasks: TaskState[];
}
export const resultsTalkStatusQuery = defineQuery<ResultsTalkStatus>('resultsTalkStatus');

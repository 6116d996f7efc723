// objectionWorkflow (申诉): its id, input and query (the task updates: humanTask.messages.ts).
import { defineQuery } from '@temporalio/workflow';
import type { FileObjection } from '../domain/objections';
import type { TemplateConfig } from '../domain/templates';
import type { TaskState } from './humanTask.messages';

/** One objection per result: the evaluation names it. */
export const objectionWorkflowId = (evaluationId: string) => `objection-${evaluationId}`;

export interface ObjectionInput extends FileObjection {
  /** The objection's id, chosen by the API so the filing request can find its row. */
  objectionId: string;
  evaluationId: string;
  filedById: string;
  filedAt: string;
  template: TemplateConfig;
}

export interface ObjectionStatus {
  stage: 'FILING' | 'COUNTY_REVIEW' | 'CITY_DECISION' | 'UPHELD' | 'ADJUSTED'; // ObjectionStatus
  tasks: TaskState[];
}
export const objectionStatusQuery = defineQuery<ObjectionStatus>('objectionStatus');

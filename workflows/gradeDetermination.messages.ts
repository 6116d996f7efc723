// gradeDeterminationWorkflow: its id, input and query (the task updates: humanTask.messages.ts).
import { defineQuery } from '@temporalio/workflow';
import type { TemplateConfig } from '../domain/templates';
import type { TaskState } from './humanTask.messages';

export const gradeReviewWorkflowId = (cycleId: string, countyId: string) => `grade-review-${cycleId}-${countyId}`;

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

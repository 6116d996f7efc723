// countyReviewWorkflow: its id, input and query (the task updates: humanTask.messages.ts).
import { defineQuery } from '@temporalio/workflow';
import type { TemplateConfig } from '../domain/templates';
import type { TaskState } from './humanTask.messages';

export const countyReviewWorkflowId = (cycleId: string, countyId: string) => `county-review-${cycleId}-${countyId}`;

export interface CountyReviewInput {
  cycleId: string;
  countyId: string;
  countyReviewId: string;
  template: TemplateConfig;
  /** Sign-off and approval are due a number of days after the cycle opened. */
  cycleOpenedAt: string;
}

export interface CountyReviewStatus {
  round: number;
  stage: 'COUNTY_SIGN_OFF' | 'CITY_APPROVAL' | 'APPROVED' | 'PUBLISHED'; // CountyReviewStatus
  tasks: TaskState[];
}
export const countyReviewStatusQuery = defineQuery<CountyReviewStatus>('countyReviewStatus');

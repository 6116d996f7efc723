// complaintWorkflow (投诉受理): its id, input and query (the task updates: humanTask.messages.ts).
import { defineQuery } from '@temporalio/workflow';
import type { RecordComplaintInput } from '../activities/complaints';
import type { TemplateConfig } from '../domain/templates';
import type { TaskState } from './humanTask.messages';

/** One workflow per complaint: the complaint's id (chosen by the API) names it. */
export const complaintWorkflowId = (complaintId: string) => `complaint-${complaintId}`;

export interface ComplaintInput extends Omit<RecordComplaintInput, 'points'> {
  /** The monthly template at registration: the points a confirmation deducts and the deadlines. */
  template: TemplateConfig;
}

export interface ComplaintWorkflowStatus {
  stage: 'REGISTERING' | 'AWAITING_ANSWER' | 'UNDER_REVIEW' | 'CONFIRMED' | 'NOT_CONFIRMED'; // ComplaintStatus
  tasks: TaskState[];
}
export const complaintStatusQuery = defineQuery<ComplaintWorkflowStatus>('complaintStatus');

// Messages of the incident guard every workflow carries (workflows/incidents.ts).
import { defineSignal } from '@temporalio/workflow';

export interface RetryIncidentRequest {
  /** The incident to retry; none retries every open incident of the workflow. */
  incidentId?: string;
}

/** HR fixed the cause (an account reopened, a row repaired): run the failed step again. */
export const retryIncidentSignal = defineSignal<[RetryIncidentRequest]>('retryIncident');

/** What a workflow tells the incident it raises about its subject, for HR's list and links. */
export interface IncidentScope {
  cycleId?: string;
  countyId?: string;
  evaluationId?: string;
  /** Other subjects by kind: caseId, objectionId, resultsTalkId, complaintId, gradeReviewId, countyReviewId. */
  subject?: Record<string, string>;
}

export interface RaiseIncidentInput {
  incidentId: string;
  workflowId: string;
  workflowType: string;
  step: string;
  scope: IncidentScope;
  errorType: string | null;
  message: string;
  at: string;
}

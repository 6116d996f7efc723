// bottomRankCaseWorkflow: its id, input and query (the task updates: humanTask.messages.ts).
import { defineQuery } from '@temporalio/workflow';
import type { TemplateConfig } from '../domain/templates';
import type { TaskState } from './humanTask.messages';

export const bottomRankCaseWorkflowId = (flagId: string) => `bottom-rank-case-${flagId}`;

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

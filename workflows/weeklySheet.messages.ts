// weeklySheetWorkflow (一张纸) and the Monday opener: ids, inputs and queries (the task
// updates: humanTask.messages.ts).
import { defineQuery } from '@temporalio/workflow';
import type { TemplateConfig } from '../domain/templates';
import type { TaskState } from './humanTask.messages';

/** One workflow per manager and week. */
export const weeklySheetWorkflowId = (managerId: string, weekStart: string) => `weekly-sheet-${managerId}-${weekStart}`;
/** The Monday schedule (Asia/Shanghai) that opens every manager's sheet for the week. */
export const weeklySheetsScheduleId = 'weekly-sheets';
/** One opener per week, whoever starts it (the schedule, HR, a retry). */
export const weeklySheetsOpenerId = (weekStart: string) => `weekly-sheets-open-${weekStart}`;

export interface WeeklySheetInput {
  sheetId: string;
  managerId: string;
  countyId: string;
  weekStart: string;
  /** The monthly template when the week opened: the deadlines of the sheet and its review. */
  template: TemplateConfig;
}

export type WeeklySheetStage = 'OPEN' | 'SUBMITTED' | 'RETURNED' | 'REVIEWED' | 'MISSED'; // WeeklySheetStatus
export interface WeeklySheetWorkflowStatus {
  stage: WeeklySheetStage;
  round: number;
  tasks: TaskState[];
}
export const weeklySheetStatusQuery = defineQuery<WeeklySheetWorkflowStatus>('weeklySheetStatus');

export interface OpenWeekSheetsInput {
  /** Any instant of the week (Shanghai): its Monday names the week. The schedule leaves it out: the start's own time. */
  at?: string;
}
export interface OpenWeekSheetsResult {
  weekStart: string;
  started: number;
}

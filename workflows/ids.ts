// Workflow and schedule ids: one workflow per thing it runs, so starting it again finds
// the same run (see workflows/client/startOnce.ts). Pure strings: the API, the
// activities and the worker all build them here.

/** The task queue every workflow and activity runs on (overridable by TEMPORAL_TASK_QUEUE). */
export const defaultTaskQueue = 'kaoping';

/** A cycle: its type, period and scope (the city or a county) by code. */
export const cycleWorkflowId = (type: string, period: string, scopeCode: string) =>
  `cycle-${type}-${period}-${scopeCode}`;
/** Opening a cycle (by HR or the calendar): one opening per type, period and scope. */
export const openCycleWorkflowId = (type: string, period: string, scopeId: string) =>
  `open-cycle-${type}-${period}-${scopeId}`;
export const evaluationWorkflowId = (cycleId: string, managerId: string) => `evaluation-${cycleId}-${managerId}`;
export const countyReviewWorkflowId = (cycleId: string, countyId: string) => `county-review-${cycleId}-${countyId}`;
export const gradeReviewWorkflowId = (cycleId: string, countyId: string) => `grade-review-${cycleId}-${countyId}`;
export const bottomRankCaseWorkflowId = (flagId: string) => `bottom-rank-case-${flagId}`;
/** A new manager joining the cycles already open. */
export const managerJoinWorkflowId = (managerId: string) => `manager-join-${managerId}`;

/** The calendar's schedule of a cycle type, and the workflow id its runs take. */
export const calendarScheduleId = (type: string) => `calendar-${type}`;
export const dailyDigestScheduleId = 'daily-overdue-digest';

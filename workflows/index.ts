// Every workflow the worker runs.
export { evaluationCycleWorkflow } from './evaluationCycle';
export { managerEvaluationWorkflow } from './managerEvaluation';
export { countyReviewWorkflow } from './countyReview';
export { calendarCycleWorkflow } from './calendarCycle';
export { gradeDeterminationWorkflow } from './gradeDetermination';
export { bottomRankCaseWorkflow } from './bottomRankCase';
export { dailyDigestWorkflow } from './dailyDigest';
export { openCycleWorkflow } from './openCycle';
export { managerJoinWorkflow } from './managerJoin';
export { objectionWorkflow } from './objection';
export { complaintWorkflow } from './complaint';
export { resultsTalkWorkflow } from './resultsTalk';
export { remindNowWorkflow } from './remindNow';
export { kpiImportWorkflow } from './kpiImport';
export { weeklySheetWorkflow, openWeekSheetsWorkflow } from './weeklySheet';

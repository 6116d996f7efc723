// Every workflow the worker runs.
export { evaluationCycleWorkflow } from './evaluationCycle';
export { managerEvaluationWorkflow } from './managerEvaluation';
export { countyReviewWorkflow } from './countyReview';
export { calendarCycleWorkflow } from './calendarCycle';
export { gradeDeterminationWorkflow } from './gradeDetermination';
export { bottomRankCaseWorkflow } from './bottomRankCase';
export { dailyDigestWorkflow } from './dailyDigest';

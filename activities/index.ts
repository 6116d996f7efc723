// Every activity the worker registers.
import { countyReviewActivities } from './countyReviews';
import { customerSurveyActivities } from './customerSurvey';
import { bottomRankCaseActivities } from './bottomRankCases';
import { objectionActivities } from './objections';
import { complaintActivities } from './complaints';
import { cycleActivities } from './cycles';
import { digestActivities } from './digests';
import { gradeReviewActivities } from './gradeReviews';
import { incidentActivities } from './incidents';
import { kpiImportActivities } from './kpiImport';
import type { ActivityDeps } from './deps';
import { notificationActivities } from './notifications';
import { openCycleActivities } from './openCycle';
import { resultsTalkActivities } from './resultsTalks';
import { taskActivities } from './tasks';
import { weeklySheetActivities } from './weeklySheets';

export type { ActivityDeps } from './deps';

export function createActivities(deps: ActivityDeps) {
  return {
    ...cycleActivities(deps),
    ...countyReviewActivities(deps),
    ...taskActivities(deps),
    ...notificationActivities(deps),
    ...openCycleActivities(deps),
    ...customerSurveyActivities(deps),
    ...gradeReviewActivities(deps),
    ...bottomRankCaseActivities(deps),
    ...objectionActivities(deps),
    ...complaintActivities(deps),
    ...resultsTalkActivities(deps),
    ...digestActivities(deps),
    ...incidentActivities(deps),
    ...kpiImportActivities(deps),
    ...weeklySheetActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;

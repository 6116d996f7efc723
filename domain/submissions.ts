// What each kind of task's submission looks like and which score component it feeds.
import type { z } from 'zod';
import { selfAssessmentSchema, selfEvaluationScore } from './selfAssessment';
import type { TaskKind } from './templates';

/** The composite-score component (考评分项) each task kind feeds. */
export const scoreComponentOf: Record<TaskKind, string> = {
  SELF_ASSESSMENT: 'selfEvaluation',
  INSPECTION: 'inspection',
  MARKETING_REVIEW: 'marketingReview',
  CUSTOMER_SURVEY: 'customer',
  INDUSTRY_FEEDBACK: 'industry',
  SKILL_ASSESSMENT: 'skill',
  COUNTY_SIGN_OFF: 'countySignOff',
  CITY_APPROVAL: 'cityApproval',
};

/** The Zod schema of each task kind's submission (the kinds this release accepts). */
export const submissionSchemas: Partial<Record<TaskKind, z.ZodType>> = {
  SELF_ASSESSMENT: selfAssessmentSchema,
};

/** The component score a submission gives, or null where the kind carries none. */
export function scoreOfSubmission(kind: TaskKind, payload: unknown): number | null {
  switch (kind) {
    case 'SELF_ASSESSMENT':
      return selfEvaluationScore(selfAssessmentSchema.parse(payload));
    default:
      return null;
  }
}

// What each kind of task's submission looks like and which score components it feeds.
import type { z } from 'zod';
import { cityApprovalSchema, countySignOffSchema } from './approvals';
import { bottomRankApprovalSchema, bottomRankDecisionSchema } from './bottomRankCases';
import { gradeProposalSchema, gradeSignOffSchema } from './gradeDetermination';
import { industryFeedbackSchema, industryScore } from './industryFeedback';
import { inspectionResult, inspectionSchema } from './inspection';
import { defaultKpiWeights, marketingReviewSchema, performanceScore, type KpiName } from './marketingReview';
import { defaultSkillPolicy, skillAssessmentSchema, skillResult, type SkillPolicy } from './skillAssessment';
import type { WeightedComponent } from './scoring';
import { selfAssessmentSchema, selfEvaluationScore } from './selfAssessment';
import type { TaskKind } from './templates';

/** Score components (考评分项): the five weighted evaluations, plus inspection. */
export type ScoreComponent = WeightedComponent | 'inspection';

/** The components each task kind gives a score for. */
export const componentsOf: Partial<Record<TaskKind, ScoreComponent[]>> = {
  SELF_ASSESSMENT: ['selfEvaluation'],
  INSPECTION: ['inspection'],
  MARKETING_REVIEW: ['performance', 'marketingReview'],
  CUSTOMER_SURVEY: ['customer'],
  INDUSTRY_FEEDBACK: ['industry'],
  SKILL_ASSESSMENT: ['skill'],
};

/** The Zod schema of each task kind's submission (the kinds this release accepts). */
export const submissionSchemas: Partial<Record<TaskKind, z.ZodType>> = {
  SELF_ASSESSMENT: selfAssessmentSchema,
  INSPECTION: inspectionSchema,
  MARKETING_REVIEW: marketingReviewSchema,
  INDUSTRY_FEEDBACK: industryFeedbackSchema,
  SKILL_ASSESSMENT: skillAssessmentSchema,
  COUNTY_SIGN_OFF: countySignOffSchema,
  GRADE_PROPOSAL: gradeProposalSchema,
  GRADE_SIGN_OFF: gradeSignOffSchema,
  BOTTOM_RANK_DECISION: bottomRankDecisionSchema,
  BOTTOM_RANK_APPROVAL: bottomRankApprovalSchema,
  CITY_APPROVAL: cityApprovalSchema,
};

export interface ComponentScore {
  component: ScoreComponent;
  value: number;
  details?: Record<string, unknown>;
}

/** The template rules a submission is scored by. */
export interface ScoringRules {
  kpiWeights: Record<KpiName, number>;
  skillAssessment: SkillPolicy;
}
const defaultScoringRules: ScoringRules = { kpiWeights: defaultKpiWeights, skillAssessment: defaultSkillPolicy };

/** The component scores a submission gives (empty where the kind carries none). */
export function scoresOfSubmission(
  kind: TaskKind,
  payload: unknown,
  rules: ScoringRules = defaultScoringRules,
): ComponentScore[] {
  const { kpiWeights } = rules;
  switch (kind) {
    case 'SELF_ASSESSMENT':
      return [{ component: 'selfEvaluation', value: selfEvaluationScore(selfAssessmentSchema.parse(payload)) }];
    case 'INSPECTION': {
      const r = inspectionResult(inspectionSchema.parse(payload));
      return [{ component: 'inspection', value: r.score, details: { deductions: r.deductions } }];
    }
    case 'MARKETING_REVIEW': {
      const v = marketingReviewSchema.parse(payload);
      return [
        {
          component: 'performance',
          value: performanceScore(v.kpis, kpiWeights),
          details: { kpis: v.kpis, kpiWeights },
        },
        { component: 'marketingReview', value: v.reviewScore },
      ];
    }
    case 'INDUSTRY_FEEDBACK': {
      const f = industryFeedbackSchema.parse(payload);
      return [
        {
          component: 'industry',
          value: industryScore(f),
          details: { brandCultivation: f.brandCultivation, informationFeedback: f.informationFeedback },
        },
      ];
    }
    case 'SKILL_ASSESSMENT': {
      const a = skillAssessmentSchema.parse(payload);
      const r = skillResult(a, rules.skillAssessment);
      return [
        {
          component: 'skill',
          value: r.score,
          details: { examScore: a.examScore, abilityReview: a.abilityReview, skillLevel: r.level },
        },
      ];
    }
    default:
      return [];
  }
}

/** The weighted components a template's tasks gather. */
export function gatheredComponents(kinds: TaskKind[]): WeightedComponent[] {
  const weighted: WeightedComponent[] = [
    'performance',
    'customer',
    'industry',
    'selfEvaluation',
    'marketingReview',
    'skill',
  ];
  const gathered = new Set(kinds.flatMap((k) => componentsOf[k] ?? []));
  return weighted.filter((c) => gathered.has(c));
}

// Evaluation templates (考评模板): what a cycle gathers, with which weights, due
// offsets, reminders, escalation and the policy after the grace period. Versioned:
// HR edits by creating a new version; a running cycle keeps the version it started with.
import { z } from 'zod';
import type { CycleType } from './cycles';
import { customerSurveyPolicySchema, defaultCustomerSurveyPolicy } from './customerSurvey';
import { defaultGradeQuota, gradeQuotaSchema } from './gradeQuotas';
import { defaultKpiWeights } from './marketingReview';
import { defaultStarMovePolicy } from './ranking';
import { defaultSkillPolicy, skillPolicySchema } from './skillAssessment';

export const taskKinds = [
  'SELF_ASSESSMENT',
  'INSPECTION',
  'MARKETING_REVIEW',
  'CUSTOMER_SURVEY',
  'INDUSTRY_FEEDBACK',
  'SKILL_ASSESSMENT',
  'COUNTY_SIGN_OFF',
  'CITY_APPROVAL',
  'GRADE_PROPOSAL',
  'GRADE_SIGN_OFF',
  'BOTTOM_RANK_DECISION',
  'BOTTOM_RANK_APPROVAL',
] as const;
export type TaskKind = (typeof taskKinds)[number];

const days = z.number().int().min(0).max(365);

export const taskPolicySchema = z.object({
  /** Days after the cycle opens that the task is due (its due date, Shanghai). */
  dueOffsetDays: days.min(1),
  /** Reminders go out this many days before the due date (0 = on the due date). */
  reminderDaysBeforeDue: z.array(days).max(5),
  /** Days after the first escalation before the second one and the policy. */
  graceDays: days.min(1),
  /** After the grace period: extend the due date, or close the task as missing. */
  afterGrace: z.enum(['extend', 'closeAsMissing']),
  /** With `extend`: by how many days, and how often before closing as missing. */
  extendDays: days.min(1),
  maxExtensions: z.number().int().min(0).max(10),
});
export type TaskPolicy = z.infer<typeof taskPolicySchema>;

export const templateConfigSchema = z.object({
  /** Component weights of the composite score (sum 100); inspection deductions apply on top. */
  weights: z.object({
    performance: z.number().min(0).max(100),
    customer: z.number().min(0).max(100),
    industry: z.number().min(0).max(100),
    selfEvaluation: z.number().min(0).max(100),
    marketingReview: z.number().min(0).max(100),
    /** Half-year: the skill score (技能等级考评); 0 in the other cycle types. */
    skill: z.number().min(0).max(100).default(0),
  }),
  /** The tasks this cycle type opens per manager, with their deadlines. */
  tasks: z.partialRecord(z.enum(taskKinds), taskPolicySchema),
  /** Reminders are sent at this Shanghai hour. */
  reminderHour: z.number().int().min(0).max(23),
  /** Deadlines of the county sign-off and the city approval (days after the cycle opened). */
  approvals: z
    .object({ COUNTY_SIGN_OFF: taskPolicySchema, CITY_APPROVAL: taskPolicySchema })
    .default(() => defaultApprovals()),
  /** Who a manager is ranked against: the county (default) or the whole city. */
  rankingCohort: z.enum(['county', 'city']).default('county'),
  /** Quarterly star rating (星级升降): the top share of the cohort goes up one star, the bottom share down one. */
  starMoves: z
    .object({ topShare: z.number().min(0).max(1), bottomShare: z.number().min(0).max(1) })
    .default({ topShare: defaultStarMovePolicy.topShare, bottomShare: defaultStarMovePolicy.bottomShare }),
  /** How the KPIs make up the business performance score. */
  kpiWeights: z
    .object({
      salesVolumeCompletion: z.number().min(0),
      orderSuccessRate: z.number().min(0),
      basicDataMaintenance: z.number().min(0),
    })
    .default({ ...defaultKpiWeights }),
  /** Customer survey: sample size, responses needed for a score, target satisfaction rate. */
  customerSurvey: customerSurveyPolicySchema.default({ ...defaultCustomerSurveyPolicy }),
  /** Half-year skill assessment: exam and ability-review weights, thresholds of each skill level. */
  skillAssessment: skillPolicySchema.default(() => structuredClone(defaultSkillPolicy)),
  /** Annual grade determination: the quotas checked on approval and the deadlines of proposal and sign-off (days after each opens). */
  gradeDetermination: z
    .object({ quotas: gradeQuotaSchema, GRADE_PROPOSAL: taskPolicySchema, GRADE_SIGN_OFF: taskPolicySchema })
    .default(() => defaultGradeDetermination()),
  /** Bottom-ranking cases opened by this cycle's flags: deadlines of HR's decision and the city's approval. */
  bottomRankCase: z
    .object({ BOTTOM_RANK_DECISION: taskPolicySchema, BOTTOM_RANK_APPROVAL: taskPolicySchema })
    .default(() => defaultBottomRankCase()),
});
export type TemplateConfig = z.infer<typeof templateConfigSchema>;

/** DOMAIN.md defaults: due 5 (self), 7 (inspection), 10 (reviews, survey, feedback), 12 (county), 15 (city). */
function policy(dueOffsetDays: number): TaskPolicy {
  return {
    dueOffsetDays,
    reminderDaysBeforeDue: [2, 0],
    graceDays: 3,
    afterGrace: 'closeAsMissing',
    extendDays: 3,
    maxExtensions: 1,
  };
}

export const defaultWeights: TemplateConfig['weights'] = {
  performance: 40,
  customer: 20,
  industry: 10,
  selfEvaluation: 10,
  marketingReview: 20,
  skill: 0,
};

/** The evaluations each cycle type gathers by default (the kinds this release runs). */
const defaultTasksByCycle: Record<CycleType, TaskKind[]> = {
  MONTHLY: ['SELF_ASSESSMENT', 'INSPECTION', 'MARKETING_REVIEW'],
  QUARTERLY: ['SELF_ASSESSMENT', 'INSPECTION', 'MARKETING_REVIEW', 'CUSTOMER_SURVEY', 'INDUSTRY_FEEDBACK'],
  HALF_YEAR: ['SKILL_ASSESSMENT'],
  ANNUAL: ['SELF_ASSESSMENT', 'INSPECTION', 'MARKETING_REVIEW', 'CUSTOMER_SURVEY', 'INDUSTRY_FEEDBACK'],
};

export const defaultDueOffsetDays: Record<TaskKind, number> = {
  SELF_ASSESSMENT: 5,
  INSPECTION: 7,
  MARKETING_REVIEW: 10,
  CUSTOMER_SURVEY: 10,
  INDUSTRY_FEEDBACK: 10,
  SKILL_ASSESSMENT: 10,
  COUNTY_SIGN_OFF: 12,
  CITY_APPROVAL: 15,
  // Days after each opens (not after the cycle): the grade and case steps follow publication.
  GRADE_PROPOSAL: 10,
  GRADE_SIGN_OFF: 7,
  BOTTOM_RANK_DECISION: 10,
  BOTTOM_RANK_APPROVAL: 5,
};

/** Sign-offs, approvals and decisions are never closed as missing: they are extended and escalated. */
const approvalPolicy = (k: TaskKind): TaskPolicy => ({
  ...policy(defaultDueOffsetDays[k]),
  afterGrace: 'extend',
  extendDays: 3,
  maxExtensions: 10,
});

function defaultApprovals(): TemplateConfig['approvals'] {
  return { COUNTY_SIGN_OFF: approvalPolicy('COUNTY_SIGN_OFF'), CITY_APPROVAL: approvalPolicy('CITY_APPROVAL') };
}

function defaultGradeDetermination(): TemplateConfig['gradeDetermination'] {
  return {
    quotas: { ...defaultGradeQuota },
    GRADE_PROPOSAL: approvalPolicy('GRADE_PROPOSAL'),
    GRADE_SIGN_OFF: approvalPolicy('GRADE_SIGN_OFF'),
  };
}

function defaultBottomRankCase(): TemplateConfig['bottomRankCase'] {
  return {
    BOTTOM_RANK_DECISION: approvalPolicy('BOTTOM_RANK_DECISION'),
    BOTTOM_RANK_APPROVAL: approvalPolicy('BOTTOM_RANK_APPROVAL'),
  };
}

/** The deadline policy of any kind of task under a template (undefined if it names none). */
export function policyFor(template: TemplateConfig, kind: TaskKind): TaskPolicy | undefined {
  switch (kind) {
    case 'COUNTY_SIGN_OFF':
    case 'CITY_APPROVAL':
      return template.approvals[kind];
    case 'GRADE_PROPOSAL':
    case 'GRADE_SIGN_OFF':
      return template.gradeDetermination[kind];
    case 'BOTTOM_RANK_DECISION':
    case 'BOTTOM_RANK_APPROVAL':
      return template.bottomRankCase[kind];
    default:
      return template.tasks[kind];
  }
}

export function defaultTemplateConfig(type: CycleType): TemplateConfig {
  const tasks: TemplateConfig['tasks'] = {};
  for (const kind of defaultTasksByCycle[type]) tasks[kind] = policy(defaultDueOffsetDays[kind]);
  return {
    // The half-year cycle scores the skill assessment alone.
    weights:
      type === 'HALF_YEAR'
        ? { performance: 0, customer: 0, industry: 0, selfEvaluation: 0, marketingReview: 0, skill: 100 }
        : { ...defaultWeights },
    tasks,
    reminderHour: 9,
    approvals: defaultApprovals(),
    rankingCohort: 'county',
    starMoves: { topShare: defaultStarMovePolicy.topShare, bottomShare: defaultStarMovePolicy.bottomShare },
    kpiWeights: { ...defaultKpiWeights },
    customerSurvey: { ...defaultCustomerSurveyPolicy },
    skillAssessment: structuredClone(defaultSkillPolicy),
    gradeDetermination: defaultGradeDetermination(),
    bottomRankCase: defaultBottomRankCase(),
  };
}

export function parseTemplateConfig(value: unknown): TemplateConfig {
  return templateConfigSchema.parse(value);
}

// Evaluation templates (考评模板): what a cycle gathers, with which weights, due
// offsets, reminders, escalation and the policy after the grace period. Versioned:
// HR edits by creating a new version; a running cycle keeps the version it started with.
import { z } from 'zod';
import { lazySchema } from './lazySchema';
import type { CycleType } from './cycles';
import { defaultComplaintDeduction } from './complaints';
import { customerSurveyPolicySchema, defaultCustomerSurveyPolicy } from './customerSurvey';
import { defaultGradeQuota, gradeQuotaSchema } from './gradeQuotas';
import { defaultKpiWeights } from './marketingReview';
import { defaultObjectionWindowDays } from './objections';
import { defaultPeersPerRater, peerReviewPolicySchema } from './peerReview';
import { defaultStarMovePolicy } from './ranking';
import { defaultTalkBottomN, talkScopes } from './resultsTalk';
import { roundHalfUp2 } from './rounding';
import type { ComponentScores, WeightedComponent } from './scoring';
import { defaultSkillPolicy, skillPolicySchema } from './skillAssessment';
import {
  defaultDueOffsetDays,
  gatheredComponents,
  kindsInSlot,
  taskKind,
  taskKinds,
  type KindsInSlot,
  type PolicySlot,
  type TaskKind,
} from './taskKinds';

const days = lazySchema(() => z.number().int().min(0).max(365));

export const taskPolicySchema = lazySchema(() =>
  z.object({
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
  }),
);
export type TaskPolicy = z.infer<typeof taskPolicySchema>;

/** `{ KIND: policy }` for the kinds a template slot holds (named by the registry). */
function slotShape<S extends Exclude<PolicySlot, 'tasks'>>(slot: S) {
  return Object.fromEntries(kindsInSlot(slot).map((k) => [k, taskPolicySchema])) as Record<
    KindsInSlot<S>,
    typeof taskPolicySchema
  >;
}

export const templateConfigSchema = lazySchema(() =>
  z.object({
    /** Component weights of the composite score (sum 100); inspection deductions apply on top. */
    weights: z.object({
      performance: z.number().min(0).max(100),
      customer: z.number().min(0).max(100),
      industry: z.number().min(0).max(100),
      selfEvaluation: z.number().min(0).max(100),
      marketingReview: z.number().min(0).max(100),
      /** Half-year: the skill score (技能等级考评); 0 in the other cycle types. */
      skill: z.number().min(0).max(100).default(0),
      /** The county head's review (上级考评, 360°): a template option, 0 unless the template gathers it. */
      supervisor: z.number().min(0).max(100).default(0),
      /** The county's peers (同级考评, 360°): a template option, 0 unless the template gathers it. */
      peer: z.number().min(0).max(100).default(0),
    }),
    /** The tasks this cycle type opens per manager, with their deadlines. */
    tasks: z.partialRecord(z.enum(taskKinds), taskPolicySchema),
    /** Reminders are sent at this Shanghai hour. */
    reminderHour: z.number().int().min(0).max(23),
    /** Deadlines of the county sign-off and the city approval (days after the cycle opened). */
    approvals: z.object(slotShape('approvals')).default(() => defaultApprovals()),
    /** Who a manager is ranked against: the county (default) or the whole city. */
    rankingCohort: z.enum(['county', 'city']).default('county'),
    /** Quarterly star rating (星级升降): the top share of the cohort goes up one star, the bottom share down one. */
    starMoves: z
      .object({ topShare: z.number().min(0).max(1), bottomShare: z.number().min(0).max(1) })
      .default({ topShare: defaultStarMovePolicy.topShare, bottomShare: defaultStarMovePolicy.bottomShare }),
    /** How the KPIs make up the business performance score. */
    kpiWeights: z
      .object({
        salesVolumeCompletion: z.number().min(0).max(100),
        orderSuccessRate: z.number().min(0).max(100),
        basicDataMaintenance: z.number().min(0).max(100),
      })
      .default({ ...defaultKpiWeights }),
    /** Customer survey: sample size, responses needed for a score, target satisfaction rate. */
    customerSurvey: customerSurveyPolicySchema.default({ ...defaultCustomerSurveyPolicy }),
    /** Half-year skill assessment: exam and ability-review weights, thresholds of each skill level. */
    skillAssessment: skillPolicySchema.default(() => structuredClone(defaultSkillPolicy)),
    /** Annual grade determination: the quotas checked on approval and the deadlines of proposal and sign-off (days after each opens). */
    gradeDetermination: z
      .object({ quotas: gradeQuotaSchema, ...slotShape('gradeDetermination') })
      .default(() => defaultGradeDetermination()),
    /** Bottom-ranking cases opened by this cycle's flags: deadlines of HR's decision and the city's approval. */
    bottomRankCase: z.object(slotShape('bottomRankCase')).default(() => defaultBottomRankCase()),
    /** Objections (申诉): days after publication a manager may object, deadlines of the county's opinion and the city's decision. */
    objection: z
      .object({ windowDays: z.number().int().min(1).max(30), ...slotShape('objection') })
      .default(() => defaultObjection()),
    /**
     * Results talks (情感沟通) after each monthly publication: with every manager (default) or only the
     * flagged and the bottom N; deadlines of the talk (days after publication) and of the manager's acknowledgement.
     */
    resultsTalk: z
      .object({
        enabled: z.boolean(),
        scope: z.enum(talkScopes),
        bottomN: z.number().int().min(1).max(50),
        ...slotShape('resultsTalk'),
      })
      .default(() => defaultResultsTalk()),
    /**
     * Complaints (投诉受理), read from the monthly template: points a confirmed complaint takes off
     * the month's inspection, deadlines of the manager's answer and of the center's decision.
     */
    complaint: z
      .object({ deductionPoints: z.number().min(0).max(20), ...slotShape('complaint') })
      .default(() => defaultComplaint()),
    /**
     * The weekly one-sheet (一张纸), read from the monthly template: the deadlines of the manager's
     * sheet (days after its Monday: due Sunday night) and of the county's review (days after it came in).
     */
    weeklySheet: z
      .object({
        /** "Weekly sheets sent on time" as a KPI of the performance score, with this weight beside the KPI weights (0: not used). */
        kpiWeight: z.number().min(0).max(100).default(0),
        ...slotShape('weeklySheet'),
      })
      .default(() => defaultWeeklySheet()),
    /** Peer review (同级考评), where the template gathers it: how many peers of the county each manager rates. */
    peerReview: peerReviewPolicySchema.default({ peersPerRater: defaultPeersPerRater }),
  }),
);
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
  supervisor: 0,
  peer: 0,
};

/** The evaluations a cycle type gathers by default: the kinds whose module names the type. */
const defaultTasksOf = (type: CycleType): TaskKind[] =>
  taskKinds.filter((k) => taskKind(k).policySlot === 'tasks' && defaultCycleTypesOf(k).includes(type));
const defaultCycleTypesOf = (k: TaskKind): readonly CycleType[] => taskKind(k).defaultInCycles ?? [];

/** Sign-offs, approvals and decisions are never closed as missing: they are extended and escalated. */
const decisionPolicy = (k: TaskKind): TaskPolicy => ({
  ...policy(defaultDueOffsetDays[k]),
  afterGrace: 'extend',
  extendDays: 3,
  maxExtensions: 10,
});

function slotDefaults<S extends Exclude<PolicySlot, 'tasks'>>(slot: S): Record<KindsInSlot<S>, TaskPolicy> {
  return Object.fromEntries(kindsInSlot(slot).map((k) => [k, decisionPolicy(k)])) as Record<KindsInSlot<S>, TaskPolicy>;
}

function defaultApprovals(): TemplateConfig['approvals'] {
  return slotDefaults('approvals');
}

function defaultGradeDetermination(): TemplateConfig['gradeDetermination'] {
  return { quotas: { ...defaultGradeQuota }, ...slotDefaults('gradeDetermination') };
}

function defaultBottomRankCase(): TemplateConfig['bottomRankCase'] {
  return slotDefaults('bottomRankCase');
}

function defaultObjection(): TemplateConfig['objection'] {
  return { windowDays: defaultObjectionWindowDays, ...slotDefaults('objection') };
}

/** The talk is a decision (extended and escalated); an acknowledgement not given is closed as such. */
function defaultResultsTalk(): TemplateConfig['resultsTalk'] {
  return {
    enabled: true,
    scope: 'all',
    bottomN: defaultTalkBottomN,
    ...slotDefaults('resultsTalk'),
    TALK_ACKNOWLEDGEMENT: policy(defaultDueOffsetDays.TALK_ACKNOWLEDGEMENT),
  };
}

/** An answer not given is closed as such (the center decides without it); the decision is extended and escalated. */
function defaultComplaint(): TemplateConfig['complaint'] {
  return {
    deductionPoints: defaultComplaintDeduction,
    ...slotDefaults('complaint'),
    COMPLAINT_ANSWER: { ...policy(defaultDueOffsetDays.COMPLAINT_ANSWER), reminderDaysBeforeDue: [1], graceDays: 1 },
  };
}

function defaultWeeklySheet(): TemplateConfig['weeklySheet'] {
  return {
    kpiWeight: 0,
    ...slotDefaults('weeklySheet'),
    // Reminded on Friday and Sunday; a sheet not in two days after its Sunday is closed as missed.
    WEEKLY_SHEET: { ...policy(defaultDueOffsetDays.WEEKLY_SHEET), graceDays: 2 },
  };
}

/** The deadline policy of any kind of task under a template (undefined if it names none). */
export function policyFor(template: TemplateConfig, kind: TaskKind): TaskPolicy | undefined {
  const slot = taskKind(kind).policySlot;
  if (slot === 'tasks') return template.tasks[kind];
  return (template[slot] as Partial<Record<TaskKind, TaskPolicy>>)[kind];
}

export function defaultTemplateConfig(type: CycleType): TemplateConfig {
  const tasks: TemplateConfig['tasks'] = {};
  for (const kind of defaultTasksOf(type)) tasks[kind] = policy(defaultDueOffsetDays[kind]);
  return {
    // The half-year cycle scores the skill assessment alone.
    weights:
      type === 'HALF_YEAR'
        ? {
            performance: 0,
            customer: 0,
            industry: 0,
            selfEvaluation: 0,
            marketingReview: 0,
            skill: 100,
            supervisor: 0,
            peer: 0,
          }
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
    objection: defaultObjection(),
    resultsTalk: defaultResultsTalk(),
    complaint: defaultComplaint(),
    weeklySheet: defaultWeeklySheet(),
    peerReview: { peersPerRater: defaultPeersPerRater },
  };
}

export function parseTemplateConfig(value: unknown): TemplateConfig {
  return templateConfigSchema.parse(value);
}

/** The component under which a month's confirmed complaints are kept on its result (投诉扣分). */
export const complaintsComponent = 'complaints';

type StoredScore = { component: string; value: unknown; missing: boolean; details: unknown };

/**
 * What comes off a result on top of the weighted score: the inspection's deductions (督察扣分,
 * the failed check items) and the month's confirmed complaints (投诉扣分), which count as
 * inspection deductions too.
 */
export function deductionsOf(scores: readonly StoredScore[]): {
  inspection: number;
  complaints: number;
  total: number;
} {
  const inspectionRow = scores.find((s) => s.component === 'inspection' && !s.missing);
  const inspection = inspectionRow
    ? Number((inspectionRow.details as { deductions?: number } | null)?.deductions ?? 100 - Number(inspectionRow.value))
    : 0;
  const complaintRow = scores.find((s) => s.component === complaintsComponent);
  const complaints = complaintRow ? Number(complaintRow.value) : 0;
  return { inspection, complaints, total: roundHalfUp2(inspection + complaints) };
}

/** An evaluation's stored scores as the composite takes them: component values, all deductions, the components gathered. */
export function compositeInputs(
  scores: readonly StoredScore[],
  template: TemplateConfig,
): { values: ComponentScores; deductions: number; gathered: WeightedComponent[] } {
  const values: ComponentScores = {};
  for (const s of scores) {
    if (s.component === complaintsComponent) continue;
    values[s.component as WeightedComponent] = s.missing ? 0 : Number(s.value);
  }
  return { values, deductions: deductionsOf(scores).total, gathered: gatheredOf(scores, template) };
}

/**
 * The components an evaluation's composite takes: what the template gathers, less a peer
 * review without its aggregate (fewer than 3 raters: neither shown nor counted, so it
 * neither helps nor harms).
 */
export function gatheredOf(scores: readonly { component: string }[], template: TemplateConfig): WeightedComponent[] {
  const gathered = gatheredComponents(Object.keys(template.tasks) as TaskKind[]);
  return scores.some((s) => s.component === 'peer') ? gathered : gathered.filter((c) => c !== 'peer');
}

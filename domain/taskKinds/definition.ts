// What a task kind is (任务类型): who acts on it, what its submission looks like, how it
// scores, its default deadline, its names and the form people fill. Each kind is one
// module beside this file; ./index.ts assembles them and derives every table from them.
import type { z } from 'zod';
import type { CycleType } from '../cycles';
import type { Names } from '../language';
import type { KpiName } from '../marketingReview';
import { objectionDecisionNames, objectionDecisions } from '../objections';
import type { Role } from '../roles';
import type { WeightedComponent } from '../scoring';
import type { SkillPolicy } from '../skillAssessment';

/** Score components (考评分项): the five weighted evaluations, plus inspection. */
export type ScoreComponent = WeightedComponent | 'inspection';

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

/**
 * Where a template keeps the kind's deadline policy: `tasks` for the evaluations a
 * cycle gathers per manager, the other slots for the steps that follow them.
 */
export type PolicySlot =
  | 'tasks'
  | 'approvals'
  | 'gradeDetermination'
  | 'bottomRankCase'
  | 'objection'
  | 'resultsTalk'
  | 'complaint'
  | 'weeklySheet';

/**
 * Who a task of the kind goes to: the manager themself, the industry partner who
 * works with the manager (else the county's partner account), a holder of the
 * actor role in the county (or the city, for city-wide roles), or the holder of the
 * role its subject was given to when it opened (a results talk's leader), else as `actorRole`.
 */
export type AssigneeRule = 'manager' | 'managersPartner' | 'actorRole' | 'chosenHolder';

/** A field shows (and is sent) only while another field has one of these values. */
export interface VisibleWhen {
  field: string;
  in: string[];
}

interface FieldBase {
  /** Dotted path in the submission, e.g. `kpis.orderSuccessRate`. */
  name: string;
  visibleWhen?: VisibleWhen;
  /** The schema refuses the submission without it (shown as required before it is sent). */
  required?: boolean;
}

/**
 * A form field as the web app renders it. Groups (`kpis`, `checkItems`) and widgets
 * (`gradeProposals`, `gradeDecisions`, `countyManager`, `objectionAdjustments`) are rendered by the app from
 * data the API gives it; the registry says which and where.
 */
export type FormField =
  | (FieldBase & { type: 'score'; label: Names; step?: number }) // a number 0–100 in steps of `step` (default 0.01)
  | (FieldBase & { type: 'text' | 'textarea' | 'date'; label: Names })
  | (FieldBase & {
      type: 'select';
      label: Names;
      options: { value: string; label: Names }[];
      /** The options the case's manager's employment type allows (末位淘汰: 解聘 for contract staff only). */
      allowedByEmployment?: boolean;
    })
  | (FieldBase & { type: 'fixed'; value: string }) // sent as is, not shown
  | (FieldBase & { type: 'kpis' }) // the three KPIs, in %
  | (FieldBase & { type: 'checkItems' }) // inspection check items: passed, deduction, note, evidence
  | (FieldBase & { type: 'countyManager'; label: Names; cycleTypes: string[] }) // one manager of the county
  | (FieldBase & { type: 'gradeProposals' | 'gradeDecisions' })
  | (FieldBase & { type: 'objectionAdjustments' }) // a new score per component objected to
  | (FieldBase & { type: 'peerRatings' }) // the rater's assigned peers, each rated on the peer items
  | (FieldBase & { type: 'weeklySheet' }); // the week's one-sheet, filled on its own page

export interface TaskKindDefinition<
  K extends string = string,
  S extends z.ZodType = z.ZodType,
  P extends PolicySlot = PolicySlot,
> {
  kind: K;
  names: Names;
  /** The role that acts on the task (and whose supervisor a late task escalates to). */
  actor: Role;
  assignee: AssigneeRule;
  /** Days after the cycle (or, for the grade and case steps, the step) opens that it is due. */
  defaultDueOffsetDays: number;
  /**
   * `evaluation`: closed as missing after the grace period by default (the component counts 0);
   * `decision`: sign-offs, approvals and decisions are never closed, only extended and escalated.
   */
  policyKind: 'evaluation' | 'decision';
  policySlot: P;
  /** The cycle types whose default template gathers it (evaluations only). */
  defaultInCycles?: readonly CycleType[];
  /** The submission's schema; null: not submitted through the task (customers answer surveys). */
  schema: S | null;
  /** The components the kind scores. */
  components: readonly ScoreComponent[];
  /** The component scores of a parsed submission (empty where the kind carries none). */
  score?(submission: z.infer<S>, rules: ScoringRules): ComponentScore[];
  /** The form fields, in order; empty where nobody fills a form (the survey). */
  form: readonly FormField[];
  /**
   * The kind's components belong to other evaluations and are settled across the county once
   * every evaluation is scored (peer review): its submission scores nothing on its own evaluation,
   * and closing it as missing zeroes nothing there either.
   */
  settledAcrossCounty?: boolean;
  /** The self-assessment also shows the manager's period plan (三自定) beside its form. */
  showsPeriodPlan?: boolean;
  /** Holders of the actor role in the county may hand an open task to one another (谈话分工). */
  sharedAmongHolders?: boolean;
}

/** Keeps each kind's literal name and schema type (so submissions stay typed downstream). */
export function defineTaskKind<K extends string, S extends z.ZodType, P extends PolicySlot>(
  definition: TaskKindDefinition<K, S, P>,
): TaskKindDefinition<K, S, P> {
  return definition;
}

/** 0–100 score field; `step` 1 for whole points. */
export const scoreField = (name: string, zh: string, en: string, step?: number): FormField => ({
  name,
  type: 'score',
  label: { 'zh-CN': zh, en },
  ...(step ? { step } : {}),
});

export const commentField = (name = 'comment', visibleWhen?: VisibleWhen, required = false): FormField => ({
  name,
  type: 'textarea',
  label: { 'zh-CN': '意见', en: 'Comment' },
  ...(visibleWhen ? { visibleWhen } : {}),
  ...(required ? { required } : {}),
});

export const reasonField = (visibleWhen?: VisibleWhen): FormField => ({
  name: 'reason',
  type: 'textarea',
  label: { 'zh-CN': '理由', en: 'Reason' },
  required: true,
  ...(visibleWhen ? { visibleWhen } : {}),
});

/** Approve or refuse (return/reject) with a reason; a comment goes with an approval. */
export function decisionFields(refusal: { value: string; label: Names }): FormField[] {
  return [
    {
      name: 'decision',
      type: 'select',
      label: { 'zh-CN': '决定', en: 'Decision' },
      options: [{ value: 'approve', label: { 'zh-CN': '批准', en: 'Approve' } }, refusal],
    },
    reasonField({ field: 'decision', in: [refusal.value] }),
    commentField('comment', { field: 'decision', in: ['approve'] }),
  ];
}

/** Uphold, or adjust the components objected to (new scores), always with a reason (申诉意见/裁定). */
export const objectionDecisionFields: FormField[] = [
  {
    name: 'decision',
    type: 'select',
    label: { 'zh-CN': '意见', en: 'Decision' },
    options: objectionDecisions.map((value) => ({ value, label: objectionDecisionNames[value] })),
  },
  { name: 'adjustments', type: 'objectionAdjustments', visibleWhen: { field: 'decision', in: ['adjust'] } },
  reasonField(),
];

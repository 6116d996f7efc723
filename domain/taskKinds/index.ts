// The task-kind registry (任务类型): every kind of task, one module each, and the tables
// the engine reads derived from them. Adding a kind: its module, a line here, the Prisma
// enum `TaskKind` and a migration (docs/contributing.md).
import type { z } from 'zod';
import type { Names } from '../language';
import type { Role } from '../roles';
import { weightedComponents, type WeightedComponent } from '../scoring';
import { bottomRankApproval } from './bottomRankApproval';
import { bottomRankDecision } from './bottomRankDecision';
import { cityApproval } from './cityApproval';
import { complaintAnswer } from './complaintAnswer';
import { complaintDecision } from './complaintDecision';
import { countySignOff } from './countySignOff';
import { customerSurvey } from './customerSurvey';
import type { ComponentScore, PolicySlot, ScoringRules, TaskKindDefinition } from './definition';
import { gradeProposal } from './gradeProposal';
import { gradeSignOff } from './gradeSignOff';
import { industryFeedback } from './industryFeedback';
import { inspection } from './inspection';
import { marketingReview } from './marketingReview';
import { objectionCityDecision } from './objectionCityDecision';
import { objectionCountyReview } from './objectionCountyReview';
import { peerReview } from './peerReview';
import { resultsTalk } from './resultsTalk';
import { selfAssessment } from './selfAssessment';
import { skillAssessment } from './skillAssessment';
import { supervisorReview } from './supervisorReview';
import { talkAcknowledgement } from './talkAcknowledgement';
import { weeklySheet } from './weeklySheet';
import { weeklySheetReview } from './weeklySheetReview';

export type {
  AssigneeRule,
  ComponentScore,
  FormField,
  PolicySlot,
  ScoreComponent,
  ScoringRules,
  TaskKindDefinition,
} from './definition';

/** Every task kind, in the order people meet them in a cycle. Same as the Prisma enum. */
export const taskKinds = [
  'SELF_ASSESSMENT',
  'INSPECTION',
  'MARKETING_REVIEW',
  'CUSTOMER_SURVEY',
  'INDUSTRY_FEEDBACK',
  'SKILL_ASSESSMENT',
  'SUPERVISOR_REVIEW',
  'PEER_REVIEW',
  'COUNTY_SIGN_OFF',
  'CITY_APPROVAL',
  'GRADE_PROPOSAL',
  'GRADE_SIGN_OFF',
  'BOTTOM_RANK_DECISION',
  'BOTTOM_RANK_APPROVAL',
  'OBJECTION_COUNTY_REVIEW',
  'OBJECTION_CITY_DECISION',
  'RESULTS_TALK',
  'TALK_ACKNOWLEDGEMENT',
  'COMPLAINT_ANSWER',
  'COMPLAINT_DECISION',
  'WEEKLY_SHEET',
  'WEEKLY_SHEET_REVIEW',
] as const;
export type TaskKind = (typeof taskKinds)[number];

export const taskKindRegistry = {
  SELF_ASSESSMENT: selfAssessment,
  INSPECTION: inspection,
  MARKETING_REVIEW: marketingReview,
  CUSTOMER_SURVEY: customerSurvey,
  INDUSTRY_FEEDBACK: industryFeedback,
  SKILL_ASSESSMENT: skillAssessment,
  SUPERVISOR_REVIEW: supervisorReview,
  PEER_REVIEW: peerReview,
  COUNTY_SIGN_OFF: countySignOff,
  CITY_APPROVAL: cityApproval,
  GRADE_PROPOSAL: gradeProposal,
  GRADE_SIGN_OFF: gradeSignOff,
  BOTTOM_RANK_DECISION: bottomRankDecision,
  BOTTOM_RANK_APPROVAL: bottomRankApproval,
  OBJECTION_COUNTY_REVIEW: objectionCountyReview,
  OBJECTION_CITY_DECISION: objectionCityDecision,
  RESULTS_TALK: resultsTalk,
  TALK_ACKNOWLEDGEMENT: talkAcknowledgement,
  COMPLAINT_ANSWER: complaintAnswer,
  COMPLAINT_DECISION: complaintDecision,
  WEEKLY_SHEET: weeklySheet,
  WEEKLY_SHEET_REVIEW: weeklySheetReview,
} satisfies { [K in TaskKind]: TaskKindDefinition<K> };

type Registry = typeof taskKindRegistry;

/** The parsed submission of a kind (undefined for kinds nobody submits). */
export type SubmissionOf<K extends TaskKind> =
  NonNullable<Registry[K]['schema']> extends z.ZodType<infer T> ? T : never;

/** The kinds whose deadline policy sits in a template slot. */
export type KindsInSlot<S extends PolicySlot> = {
  [K in TaskKind]: Registry[K]['policySlot'] extends S ? K : never;
}[TaskKind];

export const taskKind = <K extends TaskKind>(kind: K): Registry[K] => taskKindRegistry[kind];
const each = <T>(f: (d: TaskKindDefinition) => T) =>
  Object.fromEntries(taskKinds.map((k) => [k, f(taskKindRegistry[k])])) as Record<TaskKind, T>;

export const actorRoleOf: Record<TaskKind, Role> = each((d) => d.actor);
export const taskKindNames: Record<TaskKind, Names> = each((d) => d.names);
export const defaultDueOffsetDays: Record<TaskKind, number> = each((d) => d.defaultDueOffsetDays);
const ofRole = (d: TaskKindDefinition) => d.assignee === 'actorRole' || d.assignee === 'chosenHolder';
/** HR may give a task to another holder of its role; a manager's own task (or their partner's) stays theirs. */
export const reassignable: Record<TaskKind, boolean> = each(ofRole);
/**
 * Submitted in a batch (the inspector's grid, a file): evaluations entered for many managers
 * by one person. Decisions stay one by one (the approvals page shows each).
 */
export const batchSubmittable: Record<TaskKind, boolean> = each(
  (d) => d.policyKind === 'evaluation' && d.schema !== null && d.assignee !== 'manager',
);
/** The holders of its role in the county may also hand it to one another (a results talk). */
export const sharedAmongHolders: Record<TaskKind, boolean> = each((d) => d.sharedAmongHolders ?? false);

export function kindsInSlot<S extends PolicySlot>(slot: S): KindsInSlot<S>[] {
  return taskKinds.filter((k) => taskKindRegistry[k].policySlot === slot) as KindsInSlot<S>[];
}

/** The schema of a kind's submission; null where the kind takes none through a task. */
export function submissionSchemaOf(kind: TaskKind): z.ZodType | null {
  return taskKindRegistry[kind].schema;
}

/** The component scores a submission gives (empty where the kind carries none). */
export function scoresOfSubmission(kind: TaskKind, payload: unknown, rules: ScoringRules): ComponentScore[] {
  const definition: TaskKindDefinition = taskKindRegistry[kind];
  if (!definition.schema || !definition.score) return [];
  return definition.score(definition.schema.parse(payload), rules);
}

/** The kinds whose components are settled across the county (peer review), not by their own submission. */
export const settledAcrossCounty: Record<TaskKind, boolean> = each((d) => d.settledAcrossCounty ?? false);

/** The weighted components a template's tasks gather, in the order of the weights. */
export function gatheredComponents(kinds: TaskKind[]): WeightedComponent[] {
  const gathered = new Set<string>(kinds.flatMap((k) => taskKindRegistry[k].components));
  return weightedComponents.filter((c) => gathered.has(c));
}

/** The decision a sign-off or approval submission records (null for the evaluations). */
export function decisionOf(payload: unknown): { decision: string; reason: string | null } | null {
  const p = payload as { decision?: unknown; reason?: unknown; comment?: unknown } | null;
  if (!p || typeof p.decision !== 'string') return null;
  const reason = typeof p.reason === 'string' ? p.reason : typeof p.comment === 'string' ? p.comment : null;
  return { decision: p.decision, reason };
}

/** What the web app renders a kind from (GET /api/task-kinds). */
export function publicTaskKinds() {
  return taskKinds.map((k) => {
    const d: TaskKindDefinition = taskKindRegistry[k];
    return {
      kind: k,
      names: d.names,
      actor: d.actor,
      submittedByStaff: d.schema !== null,
      reassignable: ofRole(d),
      sharedAmongHolders: d.sharedAmongHolders ?? false,
      showsPeriodPlan: d.showsPeriodPlan ?? false,
      form: d.form,
    };
  });
}

// The result explained (得分说明), one place for the result page and the result sheet.
import type { ComplaintDeduction } from '../domain/complaints';
import { peerMinimumRaters, type PeerScore } from '../domain/peerReview';
import {
  complaintsComponent,
  deductionsOf,
  gatheredOf,
  parseTemplateConfig,
  type TemplateConfig,
} from '../domain/templates';
import type { PrismaClient } from '../prisma/database';

export interface ExplainedEvaluation {
  id: string;
  cycleId: string;
  countyId: string;
  managerId: string;
  scores: { component: string; value: unknown; missing: boolean; details: unknown }[];
}

export interface InspectionItem {
  item: string;
  passed: boolean;
  deduction: number;
  note?: string;
  evidence?: string[];
}
export interface SurveyOutcome {
  invited: number;
  responses: number;
  satisfactionRate: number;
  meetsTarget: boolean;
}

export type Explanation = Awaited<ReturnType<typeof explanationOf>>;

/**
 * The result explained (得分说明): the template's weights and what the cycle gathers, the
 * inspection's items, the survey against its target, what the reviewers, partner, county
 * head and city wrote, the star move, and the manager's results across cycles.
 */
export async function explanationOf(prisma: PrismaClient, evaluation: ExplainedEvaluation) {
  const [cycle, tasks, reviewTasks, star, history] = await Promise.all([
    prisma.cycle.findUniqueOrThrow({ where: { id: evaluation.cycleId }, include: { template: true } }),
    prisma.task.findMany({
      where: { evaluationId: evaluation.id },
      include: { submission: true, assignee: { select: { displayName: true } } },
    }),
    prisma.task.findMany({
      where: { countyReview: { cycleId: evaluation.cycleId, countyId: evaluation.countyId }, status: 'SUBMITTED' },
      include: { submission: true, assignee: { select: { displayName: true } } },
      orderBy: [{ round: 'asc' }, { openedAt: 'asc' }],
    }),
    prisma.starHistory.findUnique({
      where: { managerId_cycleId: { managerId: evaluation.managerId, cycleId: evaluation.cycleId } },
    }),
    prisma.evaluation.findMany({
      where: { managerId: evaluation.managerId, stage: { not: 'WITHDRAWN' } },
      select: {
        id: true,
        compositeScore: true,
        rank: true,
        cohortSize: true,
        cycle: { select: { type: true, period: true } },
      },
      orderBy: { cycle: { period: 'asc' } },
    }),
  ]);
  const config = parseTemplateConfig(cycle.template.config);
  const payload = (kind: string) =>
    tasks.find((t) => t.kind === kind)?.submission?.payload as Record<string, unknown> | undefined;
  const said = [...tasks, ...reviewTasks]
    .map((t) => {
      const p = (t.submission?.payload ?? {}) as { comment?: string; reason?: string };
      const text = p.comment ?? p.reason;
      return text ? { kind: t.kind, round: t.round, by: t.assignee.displayName, text } : null;
    })
    .filter((x) => x !== null);
  // The last round of the county's sign-off and the city's approval stands: who and when.
  const decisions = (['COUNTY_SIGN_OFF', 'CITY_APPROVAL'] as const).map((kind) => {
    const last = reviewTasks.filter((t) => t.kind === kind).at(-1);
    return { kind, by: last?.assignee.displayName ?? null, at: last?.submittedAt ?? null };
  });
  const customer = evaluation.scores.find((s) => s.component === 'customer');
  const deducted = deductionsOf(evaluation.scores);
  const complaintScore = evaluation.scores.find((s) => s.component === complaintsComponent);
  return {
    weights: config.weights,
    gathered: gatheredOf(evaluation.scores, config),
    /** The weekly sheets sent on time, where the template makes them a KPI of the performance score (一张纸). */
    weeklySheets:
      ((evaluation.scores.find((s) => s.component === 'performance')?.details as { weeklySheets?: unknown } | null)
        ?.weeklySheets as { weeks: number; onTime: number; onTimeRate: number; weight: number } | undefined) ?? null,
    /** Peer review (同级考评): the aggregate only (raters and each item's mean), never who gave what. */
    peer: peerOf(evaluation.scores, config),
    /** Everything taken off the weighted score: the inspection's items and the month's confirmed complaints. */
    deductions: deducted.total,
    inspectionDeductions: deducted.inspection,
    /** The month's confirmed complaints (投诉扣分), each with its points. */
    complaints: complaintScore
      ? ((complaintScore.details as { complaints?: ComplaintDeduction[] } | null)?.complaints ?? [])
      : [],
    inspection: (payload('INSPECTION')?.items as InspectionItem[] | undefined) ?? null,
    survey: customer?.details
      ? { ...(customer.details as SurveyOutcome), target: config.customerSurvey.satisfactionTarget }
      : null,
    decisions,
    comments: said,
    star: star ? { from: star.fromStars, to: star.toStars, reason: star.reason } : null,
    history: history.map((e) => ({
      evaluationId: e.id,
      type: e.cycle.type,
      period: e.cycle.period,
      compositeScore: e.compositeScore === null ? null : Number(e.compositeScore),
      rank: e.rank,
      cohortSize: e.cohortSize,
    })),
  };
}

/**
 * The peer review as the manager reads it: where the template gathers it, the aggregate of
 * the raters (at least 3) or, with fewer, that it was not counted.
 */
function peerOf(scores: readonly { component: string; details: unknown }[], config: TemplateConfig) {
  if (!config.tasks.PEER_REVIEW) return null;
  const row = scores.find((s) => s.component === 'peer');
  const details = (row?.details ?? null) as Pick<PeerScore, 'raters' | 'items'> | null;
  return {
    counted: !!row,
    minimumRaters: peerMinimumRaters,
    raters: details?.raters ?? null,
    items: details?.items ?? null,
  };
}

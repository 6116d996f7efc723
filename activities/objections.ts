// Side effects of an objection (申诉): record it, move it from the county's opinion to
// the city's decision, and apply the decision: upheld, or the components adjusted, the
// composite recomputed, the cohort re-ranked and re-published, everyone affected told.
import type { Prisma } from '../generated/prisma/client';
import { cycleLabel, languageOf } from '../domain/notifications';
import {
  adjustedComposite,
  componentChanges,
  objectionDecisionSchema,
  type ComponentChange,
  type ObjectionAdjustment,
} from '../domain/objections';
import { renderObjectionDecided, renderRankChanged } from '../domain/objectionNotifications';
import { skillLevelOf } from '../domain/skillAssessment';
import { compositeInputs, parseTemplateConfig, type TemplateConfig } from '../domain/templates';
import { recordAudit } from '../prisma/audit';
import type { Tx } from '../prisma/database';
import { objectionWorkflowId } from '../workflows/objection.messages';
import { rankCohortResults } from './countyReviews';
import type { ActivityDeps } from './deps';
import { enqueueMail, mailFrame } from './notifications';

export interface RecordObjectionInput {
  objectionId: string;
  evaluationId: string;
  components: string[];
  reason: string;
  filedById: string;
  at: string;
}

/** What the decision changed, kept on the objection and shown on the result page. */
export type ObjectionOutcome = {
  changes: ComponentChange[];
  composite: { from: number; to: number };
  rank: { from: number; to: number };
  cohortSize: number;
  /** Other managers of the cohort whose rank moved. */
  reranked: { managerId: string; from: number; to: number }[];
};

export interface DecideObjectionResult {
  status: 'UPHELD' | 'ADJUSTED';
  cycleId: string;
  newFlags: number;
  outboxIds: string[];
}

export function objectionActivities(deps: ActivityDeps) {
  const { prisma, settings } = deps;
  const resultUrl = (evaluationId: string) => `${settings.publicUrl}/app/#/evaluations/${evaluationId}`;

  return {
    /** The objection's row (idempotent: the id is the API's), audited on the evaluation. */
    async recordObjection(input: RecordObjectionInput): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const evaluation = await tx.evaluation.findUniqueOrThrow({ where: { id: input.evaluationId } });
        await tx.objection.createMany({
          data: [
            {
              id: input.objectionId,
              evaluationId: evaluation.id,
              managerId: evaluation.managerId,
              cycleId: evaluation.cycleId,
              countyId: evaluation.countyId,
              components: input.components,
              reason: input.reason,
              filedById: input.filedById,
              workflowId: objectionWorkflowId(evaluation.id),
              createdAt: new Date(input.at),
            },
          ],
          skipDuplicates: true,
        });
        await recordAudit(tx, {
          at: new Date(input.at),
          actorId: input.filedById,
          action: 'objection.filed',
          entityType: 'evaluation',
          entityId: evaluation.id,
          cycleId: evaluation.cycleId,
          details: { objectionId: input.objectionId, components: input.components, reason: input.reason },
          dedupeKey: `objection:${input.objectionId}:filed`,
        });
      });
    },

    async setObjectionStatus(input: { objectionId: string; status: 'CITY_DECISION'; at: string }): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const o = await tx.objection.update({ where: { id: input.objectionId }, data: { status: input.status } });
        await recordAudit(tx, {
          at: new Date(input.at),
          actorId: null,
          action: 'objection.cityDecisionOpened',
          entityType: 'evaluation',
          entityId: o.evaluationId,
          cycleId: o.cycleId,
          details: { objectionId: o.id },
          dedupeKey: `objection:${o.id}:${input.status}`,
        });
      });
    },

    /** The city decided (final): uphold, or adjust, recompute, re-rank and re-publish. Idempotent. */
    async decideObjection(input: {
      objectionId: string;
      countyTaskId: string;
      cityTaskId: string;
      at: string;
    }): Promise<DecideObjectionResult> {
      return prisma.$transaction(
        async (tx) => {
          const objection = await tx.objection.findUniqueOrThrow({ where: { id: input.objectionId } });
          if (objection.status === 'UPHELD' || objection.status === 'ADJUSTED') {
            const sent = await tx.notificationOutbox.findMany({
              where: { dedupeKey: { startsWith: `objection:${objection.id}:` } },
              select: { id: true },
            });
            return {
              status: objection.status,
              cycleId: objection.cycleId,
              newFlags: 0,
              outboxIds: sent.map((r) => r.id),
            };
          }
          const [county, city] = await Promise.all([
            tx.submission.findUniqueOrThrow({ where: { taskId: input.countyTaskId } }),
            tx.submission.findUniqueOrThrow({ where: { taskId: input.cityTaskId } }),
          ]);
          const at = new Date(input.at);
          const countyOpinion = objectionDecisionSchema.parse(county.payload);
          const decision = objectionDecisionSchema.parse(city.payload);
          for (const [stage, d, by] of [
            ['objectionCounty', countyOpinion, county.submittedById],
            ['objectionCity', decision, city.submittedById],
          ] as const) {
            await tx.approvalDecision.create({
              data: {
                subjectType: 'objection',
                subjectId: objection.id,
                stage,
                decision: d.decision,
                reason: d.reason,
                decidedById: by,
                decidedAt: at,
              },
            });
          }
          const adjustments = decision.decision === 'adjust' ? (decision.adjustments ?? []) : [];
          const applied = await applyDecision(tx, objection, adjustments, at);
          const status = adjustments.length ? 'ADJUSTED' : 'UPHELD';
          await tx.objection.update({
            where: { id: objection.id },
            data: {
              status,
              decision: decision.decision,
              decisionReason: decision.reason,
              outcome: applied.outcome,
              decidedAt: at,
            },
          });
          await recordAudit(tx, {
            at,
            actorId: city.submittedById,
            action: 'objection.decided',
            entityType: 'evaluation',
            entityId: objection.evaluationId,
            cycleId: objection.cycleId,
            details: {
              objectionId: objection.id,
              decision: decision.decision,
              reason: decision.reason,
              countyOpinion: countyOpinion.decision,
              countyHeadId: county.submittedById,
              ...applied.outcome,
            },
            dedupeKey: `objection:${objection.id}:decided`,
          });
          const outboxIds = await mailDecision(tx, objection, applied, decision.reason);
          return { status, cycleId: objection.cycleId, newFlags: applied.newFlags, outboxIds };
        },
        { timeout: 60_000 },
      );
    },
  };

  /** Adjusts the scores and re-ranks the cohort (nothing for an upheld result); before → after. */
  async function applyDecision(
    tx: Tx,
    objection: { id: string; evaluationId: string },
    adjustments: ObjectionAdjustment[],
    at: Date,
  ): Promise<{ outcome: ObjectionOutcome; newFlags: number; before: Map<string, Standing> }> {
    const evaluation = await tx.evaluation.findUniqueOrThrow({
      where: { id: objection.evaluationId },
      include: { scores: true, cycle: { include: { template: true } } },
    });
    const template = parseTemplateConfig(evaluation.cycle.template.config);
    const { values, deductions, gathered } = compositeInputs(evaluation.scores, template);
    const composite = Number(evaluation.compositeScore ?? 0);
    const rank = evaluation.rank ?? 0;
    const cohortSize = evaluation.cohortSize ?? 0;
    const unchanged = {
      outcome: {
        changes: [],
        composite: { from: composite, to: composite },
        rank: { from: rank, to: rank },
        cohortSize,
        reranked: [],
      },
      newFlags: 0,
      before: new Map<string, Standing>(),
    };
    if (!adjustments.length) return unchanged;

    const changes = componentChanges(values, deductions, adjustments);
    for (const change of changes) await adjustScore(tx, evaluation.id, change, objection.id, template);
    const next = adjustedComposite(template.weights, values, gathered, deductions, adjustments).composite;
    await tx.evaluation.update({ where: { id: evaluation.id }, data: { compositeScore: next } });
    await recordAudit(tx, {
      at,
      actorId: null,
      action: 'evaluation.adjusted',
      entityType: 'evaluation',
      entityId: evaluation.id,
      cycleId: evaluation.cycleId,
      details: { objectionId: objection.id, changes, compositeScore: { from: composite, to: next } },
      dedupeKey: `objection:${objection.id}:adjusted`,
    });

    const countyIds =
      template.rankingCohort === 'city'
        ? (await tx.countyReview.findMany({ where: { cycleId: evaluation.cycleId }, select: { countyId: true } })).map(
            (r) => r.countyId,
          )
        : [evaluation.countyId];
    const before = await standings(tx, evaluation.cycleId, countyIds);
    const { ranked, newFlags } = await rankCohortResults(tx, evaluation.cycle, countyIds, at, {
      objectionId: objection.id,
    });
    const after = new Map(ranked.map((r) => [r.managerId, r.rank]));
    const reranked = [...before.values()]
      .filter((s) => s.managerId !== evaluation.managerId && after.get(s.managerId) !== s.rank)
      .map((s) => ({ managerId: s.managerId, from: s.rank, to: after.get(s.managerId) ?? s.rank }));
    return {
      outcome: {
        changes,
        composite: { from: composite, to: next },
        rank: { from: rank, to: after.get(evaluation.managerId) ?? rank },
        cohortSize: ranked.length,
        reranked,
      },
      newFlags,
      before,
    };
  }

  /** The manager hears the decision; the others whose rank or monthly star moved hear that. */
  async function mailDecision(
    tx: Tx,
    objection: { id: string; evaluationId: string; cycleId: string },
    applied: { outcome: ObjectionOutcome; before: Map<string, Standing> },
    reason: string,
  ): Promise<string[]> {
    const cycle = await tx.cycle.findUniqueOrThrow({ where: { id: objection.cycleId } });
    const e = await tx.evaluation.findUniqueOrThrow({
      where: { id: objection.evaluationId },
      include: { manager: { include: { user: true } } },
    });
    const outboxIds: string[] = [];
    const user = e.manager.user;
    if (user?.active) {
      const lang = languageOf(user.language);
      const { outcome } = applied;
      const rendered = renderObjectionDecided(
        {
          ...(await mailFrame(tx, lang)),
          recipientName: user.displayName,
          cycleLabel: cycleLabel(cycle.type, cycle.period, lang),
          adjusted: outcome.changes.length > 0,
          ...outcome,
          reason,
          url: resultUrl(e.id),
        },
        lang,
      );
      outboxIds.push(
        await enqueueMail(tx, {
          dedupeKey: `objection:${objection.id}:decided:${user.id}`,
          kind: 'objectionDecided',
          user,
          language: lang,
          rendered,
          link: `#/evaluations/${e.id}`,
        }),
      );
    }
    const moved = await mailMovedRanks(tx, settings, cycle, applied.before, e.managerId, `objection:${objection.id}`);
    return [...outboxIds, ...moved];
  }
}

/**
 * The others of a re-ranked cohort whose rank or monthly star moved hear it (after an
 * objection's adjustment or a late complaint); `skipManagerId` is told by their own mail.
 */
export async function mailMovedRanks(
  tx: Tx,
  settings: ActivityDeps['settings'],
  cycle: { id: string; type: string; period: string },
  before: Map<string, Standing>,
  skipManagerId: string,
  keyPrefix: string,
): Promise<string[]> {
  const evaluations = await tx.evaluation.findMany({
    where: { cycleId: cycle.id, managerId: { in: [...before.keys()].filter((id) => id !== skipManagerId) } },
    include: { manager: { include: { user: true } } },
  });
  const outboxIds: string[] = [];
  for (const e of evaluations) {
    const user = e.manager.user;
    const was = before.get(e.managerId);
    if (!user?.active || !was || (was.rank === e.rank && was.monthlyStar === e.monthlyStar)) continue;
    const lang = languageOf(user.language);
    const rendered = renderRankChanged(
      {
        ...(await mailFrame(tx, lang)),
        recipientName: user.displayName,
        cycleLabel: cycleLabel(cycle.type, cycle.period, lang),
        rank: { from: was.rank, to: e.rank ?? was.rank },
        cohortSize: e.cohortSize ?? 0,
        compositeScore: Number(e.compositeScore ?? 0),
        monthlyStar: { from: was.monthlyStar, to: e.monthlyStar },
        url: `${settings.publicUrl}/app/#/evaluations/${e.id}`,
      },
      lang,
    );
    outboxIds.push(
      await enqueueMail(tx, {
        dedupeKey: `${keyPrefix}:rank:${e.id}`,
        kind: 'resultRanked',
        user,
        language: lang,
        rendered,
        link: `#/evaluations/${e.id}`,
      }),
    );
  }
  return outboxIds;
}

interface Standing {
  managerId: string;
  rank: number;
  monthlyStar: boolean;
}

export async function standings(tx: Tx, cycleId: string, countyIds: string[]): Promise<Map<string, Standing>> {
  const rows = await tx.evaluation.findMany({
    where: { cycleId, countyId: { in: countyIds }, stage: 'PUBLISHED' },
    select: { managerId: true, rank: true, monthlyStar: true },
  });
  return new Map(
    rows.map((r) => [r.managerId, { managerId: r.managerId, rank: r.rank ?? 0, monthlyStar: r.monthlyStar }]),
  );
}

/** One component's new score; the inspection keeps its deductions as 100 − score, the skill its level. */
async function adjustScore(
  tx: Tx,
  evaluationId: string,
  change: ComponentChange,
  objectionId: string,
  template: TemplateConfig,
): Promise<void> {
  const row = await tx.score.findUnique({
    where: { evaluationId_component: { evaluationId, component: change.component } },
  });
  const details: Record<string, unknown> = {
    ...((row?.details as Record<string, unknown> | null) ?? {}),
    objection: { objectionId, from: change.from, to: change.to },
    ...(change.component === 'inspection' ? { deductions: Math.max(0, 100 - change.to) } : {}),
    ...(change.component === 'skill' ? { skillLevel: skillLevelOf(change.to, template.skillAssessment) } : {}),
  };
  const data = { value: change.to, missing: false, details: details as Prisma.InputJsonValue };
  await tx.score.upsert({
    where: { evaluationId_component: { evaluationId, component: change.component } },
    update: data,
    create: { evaluationId, component: change.component, ...data },
  });
}

// Side effects of a county's review in a cycle: start it once every evaluation of the
// county is scored; sign-off and approval status; on approval, rank the cohort, mark
// the monthly star, flag bottom ranks, move quarterly stars and publish the results.
import { cycleLabel, languageOf, renderResultNotification } from '../domain/notifications';
import {
  bottomRankFlags,
  defaultStarMovePolicy,
  monthlyStars,
  rankCohort,
  starMoves,
  type MonthlyBottom,
} from '../domain/ranking';
import { parseTemplateConfig } from '../domain/templates';
import type { CountyReviewInput } from '../workflows/countyReview.messages';
import type { SkillLevel } from '../domain/skillAssessment';
import { recordAudit } from '../prisma/audit';
import type { ActivityDeps } from './deps';
import { enqueueMail, mailFrame, enqueueTaskNotice } from './notifications';
import { countyReviewWorkflow } from '../workflows/countyReview';
import { startWorkflowOnce } from '../workflows/client/startOnce';
import { countyReviewWorkflowId } from '../workflows/countyReview.messages';
import type { Tx } from '../prisma/database';
import { settlePeerReviews } from './peerReviews';

export interface CountyRef {
  cycleId: string;
  countyId: string;
}
export interface CountyProgress {
  countyId: string;
  evaluations: number;
  scored: number;
  reviewStatus: string | null;
}

export function countyReviewActivities(deps: ActivityDeps) {
  const { prisma, temporal, settings } = deps;
  return {
    /** Starts the county's review when every evaluation of the county is scored (idempotent). */
    async startCountyReviewIfReady(input: CountyRef & { at: string }): Promise<{ started: boolean }> {
      // One statement: the county's evaluations counted by stage.
      const stages = await prisma.evaluation.groupBy({
        by: ['stage'],
        where: { cycleId: input.cycleId, countyId: input.countyId },
        _count: { _all: true },
      });
      const counted = (wanted: (stage: string) => boolean) =>
        stages.filter((s) => wanted(s.stage)).reduce((sum, s) => sum + s._count._all, 0);
      const total = counted((stage) => stage !== 'WITHDRAWN');
      const open = counted((stage) => stage === 'TASKS_OPEN' || stage === 'EVALUATIONS_SUBMITTED');
      if (total === 0 || open > 0) return { started: false };
      const cycle = await prisma.cycle.findUniqueOrThrow({ where: { id: input.cycleId }, include: { template: true } });
      const template = parseTemplateConfig(cycle.template.config);
      const workflowId = countyReviewWorkflowId(input.cycleId, input.countyId);
      const existing = await prisma.countyReview.findUnique({
        where: { cycleId_countyId: { cycleId: input.cycleId, countyId: input.countyId } },
      });
      // 同级考评: every peer review of the county is in; its scores go into the composites first.
      if (!existing)
        await prisma.$transaction((tx) => settlePeerReviews(tx, input, template, new Date(input.at)), {
          timeout: 60_000,
        });
      // Several managers' workflows may get here at once: insert-if-absent, then read.
      await prisma.countyReview.createMany({
        data: [{ cycleId: input.cycleId, countyId: input.countyId, workflowId }],
        skipDuplicates: true,
      });
      const review = await prisma.countyReview.findUniqueOrThrow({
        where: { cycleId_countyId: { cycleId: input.cycleId, countyId: input.countyId } },
      });
      const args: CountyReviewInput = {
        cycleId: input.cycleId,
        countyId: input.countyId,
        countyReviewId: review.id,
        template,
        cycleOpenedAt: cycle.openedAt.toISOString(),
      };
      await startWorkflowOnce(temporal, countyReviewWorkflow, {
        taskQueue: settings.taskQueue,
        workflowId,
        args: [args],
      });
      return { started: true };
    },

    async setCountyReviewStatus(input: {
      countyReviewId: string;
      status: 'COUNTY_SIGN_OFF' | 'CITY_APPROVAL';
      round: number;
      at: string;
    }): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const review = await tx.countyReview.update({
          where: { id: input.countyReviewId },
          data: { status: input.status, round: input.round },
        });
        await recordAudit(tx, {
          at: new Date(input.at),
          actorId: null,
          action: input.status === 'COUNTY_SIGN_OFF' ? 'review.countySignOffOpened' : 'review.cityApprovalOpened',
          entityType: 'countyReview',
          entityId: review.id,
          cycleId: review.cycleId,
          details: { round: input.round },
          dedupeKey: `review:${review.id}:${input.status}:${input.round}`,
        });
        if (input.status === 'CITY_APPROVAL') {
          await tx.evaluation.updateMany({
            where: { cycleId: review.cycleId, countyId: review.countyId, stage: 'SCORED' },
            data: { stage: 'COUNTY_SIGNED_OFF' },
          });
        }
      });
    },

    /** The city returned the results: tell the county head why. */
    async notifyReturned(input: {
      countyReviewId: string;
      taskId: string;
      reason: string;
      at: string;
    }): Promise<{ outboxIds: string[] }> {
      return prisma.$transaction(async (tx) => {
        const task = await tx.task.findUniqueOrThrow({ where: { id: input.taskId } });
        const outboxIds = await enqueueTaskNotice(tx, settings, {
          kind: 'returned',
          taskId: task.id,
          recipientIds: [task.assigneeId],
          dedupeKey: `task:${task.id}:returned`,
          reason: input.reason,
        });
        return { outboxIds };
      });
    },

    /**
     * The city approved a county. With the county as cohort (default) its results are
     * ranked and published now; with the city as cohort they wait, approved, until every
     * county is, and `publishCityResults` ranks them together.
     */
    async approveAndPublish(input: {
      countyReviewId: string;
      at: string;
    }): Promise<{ outboxIds: string[]; published: boolean }> {
      return prisma.$transaction(
        async (tx) => {
          const review = await tx.countyReview.findUniqueOrThrow({
            where: { id: input.countyReviewId },
            include: { cycle: { include: { template: true } } },
          });
          if (parseTemplateConfig(review.cycle.template.config).rankingCohort === 'city') {
            if (review.status !== 'PUBLISHED')
              await tx.countyReview.update({ where: { id: review.id }, data: { status: 'APPROVED' } });
            await tx.evaluation.updateMany({
              where: {
                cycleId: review.cycleId,
                countyId: review.countyId,
                stage: { in: ['SCORED', 'COUNTY_SIGNED_OFF'] },
              },
              data: { stage: 'CITY_APPROVED' },
            });
            await recordAudit(tx, {
              at: new Date(input.at),
              actorId: null,
              action: 'review.approved',
              entityType: 'countyReview',
              entityId: review.id,
              cycleId: review.cycleId,
              dedupeKey: `review:${review.id}:approved`,
            });
            return { outboxIds: [], published: false };
          }
          return {
            ...(await rankAndPublish(tx, review.cycle, [review.id], new Date(input.at), settings.publicUrl)),
            published: true,
          };
        },
        { timeout: 60_000 },
      );
    },

    /** City cohort: every county is approved; rank the whole city as one cohort and publish. */
    async publishCityResults(input: { cycleId: string; at: string }): Promise<{ outboxIds: string[] }> {
      return prisma.$transaction(
        async (tx) => {
          const cycle = await tx.cycle.findUniqueOrThrow({ where: { id: input.cycleId }, include: { template: true } });
          const reviews = await tx.countyReview.findMany({ where: { cycleId: cycle.id } });
          return rankAndPublish(
            tx,
            cycle,
            reviews.map((r) => r.id),
            new Date(input.at),
            settings.publicUrl,
          );
        },
        { timeout: 120_000 },
      );
    },

    /** Per county of the cycle: evaluations, how many scored, the review's status. */
    async cycleProgress(input: {
      cycleId: string;
    }): Promise<{ rankingCohort: 'county' | 'city'; counties: CountyProgress[] }> {
      const cycle = await prisma.cycle.findUniqueOrThrow({ where: { id: input.cycleId }, include: { template: true } });
      const [all, done, reviews] = await Promise.all([
        prisma.evaluation.groupBy({ by: ['countyId'], where: { cycleId: input.cycleId }, _count: { _all: true } }),
        prisma.evaluation.groupBy({
          by: ['countyId'],
          where: { cycleId: input.cycleId, stage: { notIn: ['TASKS_OPEN', 'EVALUATIONS_SUBMITTED'] } },
          _count: { _all: true },
        }), // scored or withdrawn
        prisma.countyReview.findMany({ where: { cycleId: input.cycleId } }),
      ]);
      return {
        rankingCohort: parseTemplateConfig(cycle.template.config).rankingCohort,
        counties: all.map((g) => ({
          countyId: g.countyId,
          evaluations: g._count._all,
          scored: done.find((d) => d.countyId === g.countyId)?._count._all ?? 0,
          reviewStatus: reviews.find((r) => r.countyId === g.countyId)?.status ?? null,
        })),
      };
    },
  };
}

/**
 * Ranks one cohort (the evaluations of the counties of `reviewIds`), marks the monthly
 * star, flags bottom ranks (monthly), moves stars (quarterly), publishes, and writes each
 * manager's result mail to the outbox. Idempotent: a published cohort is not ranked again.
 */
async function rankAndPublish(
  tx: Tx,
  cycle: { id: string; type: string; period: string; template: { config: unknown } },
  reviewIds: string[],
  at: Date,
  publicUrl: string,
): Promise<{ outboxIds: string[] }> {
  const reviews = await tx.countyReview.findMany({ where: { id: { in: reviewIds } } });
  const countyIds = reviews.map((r) => r.countyId);
  if (reviews.some((r) => r.status !== 'PUBLISHED')) {
    const { ranked, stars } = await rankCohortResults(tx, cycle, countyIds, at);
    await tx.evaluation.updateMany({
      where: { cycleId: cycle.id, countyId: { in: countyIds }, stage: 'PUBLISHED', publishedAt: null },
      data: { publishedAt: at },
    });
    for (const review of reviews) {
      await tx.countyReview.update({ where: { id: review.id }, data: { status: 'PUBLISHED' } });
      await recordAudit(tx, {
        at,
        actorId: null,
        action: 'review.published',
        entityType: 'countyReview',
        entityId: review.id,
        cycleId: cycle.id,
        details: { cohortSize: ranked.length, monthlyStars: [...stars] },
        dedupeKey: `review:${review.id}:published`,
      });
    }
  }
  // Each manager is mailed their own result.
  const fresh = await tx.evaluation.findMany({
    where: { cycleId: cycle.id, countyId: { in: countyIds }, stage: 'PUBLISHED' },
    include: { manager: { include: { user: true } } },
  });
  const outboxIds: string[] = [];
  for (const e of fresh) {
    const user = e.manager.user;
    if (!user?.active) continue;
    const lang = languageOf(user.language);
    const mail = renderResultNotification(
      {
        ...(await mailFrame(tx, lang)),
        recipientName: user.displayName,
        cycleLabel: cycleLabel(cycle.type, cycle.period, lang),
        compositeScore: Number(e.compositeScore ?? 0),
        rank: e.rank ?? 0,
        cohortSize: e.cohortSize ?? 0,
        monthlyStar: e.monthlyStar,
        flagged: e.flagged,
        resultUrl: `${publicUrl}/app/#/evaluations/${e.id}`,
      },
      lang,
    );
    outboxIds.push(
      await enqueueMail(tx, {
        dedupeKey: `evaluation:${e.id}:published:${user.id}`,
        kind: 'resultsPublished',
        user,
        language: lang,
        rendered: mail,
        link: `#/evaluations/${e.id}`,
      }),
    );
  }
  return { outboxIds };
}

/** Who is ranked where after a ranking (the published figures a re-ranking compares against). */
export interface RankedResult {
  managerId: string;
  rank: number;
  rankFromBottom: number;
  cohortSize: number;
}

/** What re-ranks a published cohort: an objection's adjustment or a complaint confirmed after publication. */
export type Rerank = { objectionId: string } | { complaintId: string };
const rerankKey = (r: Rerank) => ('objectionId' in r ? `objection:${r.objectionId}` : `complaint:${r.complaintId}`);

/**
 * Ranks the published cohort of `countyIds` and applies what follows from the ranks:
 * the monthly star, bottom-ranking flags (monthly), star moves (quarterly), skill levels
 * (half-year). `rerank` (an objection's adjustment, a complaint confirmed late) runs it again
 * on a published cohort: its audit entries are keyed by the objection or complaint, star moves of the cycle are undone and
 * made again, and flags that no longer hold are lifted.
 */
export async function rankCohortResults(
  tx: Tx,
  cycle: { id: string; type: string; period: string; template: { config: unknown } },
  countyIds: string[],
  at: Date,
  rerank?: Rerank,
): Promise<{ ranked: RankedResult[]; stars: Set<string>; newFlags: number }> {
  const key = rerank ? `:${rerankKey(rerank)}` : '';
  const evaluations = await tx.evaluation.findMany({
    where: { cycleId: cycle.id, countyId: { in: countyIds }, stage: { not: 'WITHDRAWN' } },
    select: { managerId: true, compositeScore: true },
  });
  let newFlags = 0;
  const ranked = rankCohort(evaluations.map((e) => ({ managerId: e.managerId, score: Number(e.compositeScore ?? 0) })));
  const stars = new Set(cycle.type === 'MONTHLY' ? monthlyStars(ranked) : []);
  for (const r of ranked) {
    await tx.evaluation.updateMany({
      where: { cycleId: cycle.id, managerId: r.managerId },
      data: {
        stage: 'PUBLISHED',
        rank: r.rank,
        rankFromBottom: r.rankFromBottom,
        cohortSize: r.cohortSize,
        monthlyStar: stars.has(r.managerId),
      },
    });
  }
  if (cycle.type === 'MONTHLY') {
    // 末位淘汰: this month with the earlier monthly rankings of the same managers.
    const earlier = await tx.evaluation.findMany({
      where: {
        managerId: { in: ranked.map((r) => r.managerId) },
        rankFromBottom: { not: null },
        cycle: { type: 'MONTHLY', period: { lt: cycle.period } },
      },
      select: { managerId: true, rankFromBottom: true, cycle: { select: { period: true } } },
    });
    const history = new Map<string, MonthlyBottom>();
    for (const e of earlier) {
      const month = history.get(e.cycle.period) ?? { period: e.cycle.period, rankFromBottom: {} };
      month.rankFromBottom[e.managerId] = e.rankFromBottom!;
      history.set(e.cycle.period, month);
    }
    history.set(cycle.period, {
      period: cycle.period,
      rankFromBottom: Object.fromEntries(ranked.map((r) => [r.managerId, r.rankFromBottom])),
    });
    const flags = bottomRankFlags([...history.values()], cycle.period);
    newFlags = await recordBottomRankFlags(tx, { cycleId: cycle.id, period: cycle.period }, ranked, flags, at, rerank);
    for (const flag of flags) {
      await recordAudit(tx, {
        at,
        actorId: null,
        action: 'manager.bottomRankFlagged',
        entityType: 'manager',
        entityId: flag.managerId,
        cycleId: cycle.id,
        details: { rules: flag.rules, period: cycle.period },
        dedupeKey: `bottomRank:${cycle.id}:${flag.managerId}${key}`,
      });
    }
  }
  if (cycle.type === 'QUARTERLY') {
    if (rerank)
      await undoStarMoves(
        tx,
        cycle.id,
        ranked.map((r) => r.managerId),
      );
    const rated = await tx.manager.findMany({
      where: { id: { in: ranked.map((r) => r.managerId) } },
      select: { id: true, starRating: true },
    });
    const current = Object.fromEntries(rated.map((m) => [m.id, m.starRating]));
    const { topShare, bottomShare } = parseTemplateConfig(cycle.template.config).starMoves;
    for (const move of starMoves(ranked, current, { ...defaultStarMovePolicy, topShare, bottomShare })) {
      await tx.manager.update({ where: { id: move.managerId }, data: { starRating: move.to } });
      await tx.starHistory.createMany({
        data: [
          {
            managerId: move.managerId,
            cycleId: cycle.id,
            period: cycle.period,
            fromStars: move.from,
            toStars: move.to,
            reason: move.to > move.from ? 'top share of the cohort' : 'bottom share of the cohort',
          },
        ],
        skipDuplicates: true,
      });
      await recordAudit(tx, {
        at,
        actorId: null,
        action: 'manager.starRatingMoved',
        entityType: 'manager',
        entityId: move.managerId,
        cycleId: cycle.id,
        details: move,
        dedupeKey: `star:${cycle.id}:${move.managerId}${key}`,
      });
    }
  }
  if (cycle.type === 'HALF_YEAR') {
    // 技能等级: the level the skill assessment gave is recorded on the manager.
    const skills = await tx.score.findMany({
      where: {
        component: 'skill',
        evaluation: { cycleId: cycle.id, countyId: { in: countyIds }, stage: 'PUBLISHED' },
      },
      include: { evaluation: true },
    });
    for (const s of skills) {
      const level = s.missing ? 'NONE' : (((s.details ?? {}) as { skillLevel?: SkillLevel }).skillLevel ?? 'NONE');
      await tx.manager.update({
        where: { id: s.evaluation.managerId },
        data: { skillLevel: level, skillPeriod: cycle.period },
      });
      await recordAudit(tx, {
        at,
        actorId: null,
        action: 'manager.skillLevelRecorded',
        entityType: 'manager',
        entityId: s.evaluation.managerId,
        cycleId: cycle.id,
        details: { skillLevel: level, skillScore: Number(s.value), period: cycle.period },
        dedupeKey: `skill:${cycle.id}:${s.evaluation.managerId}${key}`,
      });
    }
  }
  return { ranked, stars, newFlags };
}

/**
 * The flags of this ranking: new ones created (counted), kept ones left; on a re-ranking,
 * flags of the cycle's cohort no longer among them are lifted (their case, if one is open,
 * shows it), and a lifted flag that holds again is restored.
 */
async function recordBottomRankFlags(
  tx: Tx,
  { cycleId, period }: { cycleId: string; period: string },
  ranked: RankedResult[],
  flags: { managerId: string; rules: string[] }[],
  at: Date,
  rerank?: Rerank,
): Promise<number> {
  const existing = await tx.bottomRankFlag.findMany({
    where: { cycleId, managerId: { in: ranked.map((r) => r.managerId) } },
  });
  let created = 0;
  for (const flag of flags) {
    const prior = existing.find((f) => f.managerId === flag.managerId);
    if (!prior) {
      await tx.bottomRankFlag.create({
        data: { managerId: flag.managerId, cycleId, period, rules: flag.rules },
      });
      created++;
    } else if (prior.liftedAt) {
      await tx.bottomRankFlag.update({ where: { id: prior.id }, data: { liftedAt: null, rules: flag.rules } });
    }
  }
  if (rerank) {
    for (const prior of existing) {
      if (prior.liftedAt || flags.some((f) => f.managerId === prior.managerId)) continue;
      await tx.bottomRankFlag.update({ where: { id: prior.id }, data: { liftedAt: at } });
      await recordAudit(tx, {
        at,
        actorId: null,
        action: 'manager.bottomRankFlagLifted',
        entityType: 'manager',
        entityId: prior.managerId,
        cycleId,
        details: { rules: prior.rules, period: prior.period, ...rerank },
        dedupeKey: `bottomRank:${cycleId}:${prior.managerId}:lifted:${'objectionId' in rerank ? rerank.objectionId : rerankKey(rerank)}`,
      });
    }
  }
  return created;
}

/** A re-ranking of a quarter: the cycle's star moves are undone before they are made again. */
async function undoStarMoves(tx: Tx, cycleId: string, managerIds: string[]): Promise<void> {
  const moves = await tx.starHistory.findMany({ where: { cycleId, managerId: { in: managerIds } } });
  for (const move of moves)
    await tx.manager.update({ where: { id: move.managerId }, data: { starRating: move.fromStars } });
  await tx.starHistory.deleteMany({ where: { id: { in: moves.map((m) => m.id) } } });
}

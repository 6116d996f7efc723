// Side effects of a complaint (投诉受理): record it, take the manager's answer, and apply the
// center's decision. A confirmed complaint deducts from the inspection of the month it was
// received in: kept as the result's `complaints` score, so a month not yet scored counts it
// when it is, and a month already scored (or published) is recomputed and re-ranked now.
import type { Prisma } from '../generated/prisma/client';
import { renderComplaintDecided } from '../domain/complaintNotifications';
import {
  complaintAnswerSchema,
  complaintDecisionSchema,
  complaintMonth,
  complaintPoints,
  type ComplaintKind,
  type RegisterComplaint,
} from '../domain/complaints';
import { languageOf } from '../domain/notifications';
import { complaintsComponent, compositeInputs, parseTemplateConfig } from '../domain/templates';
import { compositeScore } from '../domain/scoring';
import { recordAudit } from '../prisma/audit';
import type { Tx } from '../prisma/database';
import { complaintWorkflowId } from '../workflows/complaint.messages';
import { rankCohortResults } from './countyReviews';
import type { ActivityDeps } from './deps';
import { enqueueMail, mailFrame } from './notifications';
import { mailMovedRanks, standings } from './objections';

export interface RecordComplaintInput extends RegisterComplaint {
  complaintId: string;
  countyId: string;
  registeredById: string;
  /** Points a confirmation takes off the month's inspection (the template's, at registration). */
  points: number;
  at: string;
}

export interface DecideComplaintResult {
  status: 'CONFIRMED' | 'NOT_CONFIRMED';
  /** The month's cycle, when the decision re-ranked it (its new bottom-rank flags open cases). */
  cycleId: string | null;
  newFlags: number;
  outboxIds: string[];
}

/** What a confirmation did to the month's result: nothing yet (not scored), or before → after. */
interface MonthEffect {
  cycleId: string;
  composite: { from: number; to: number };
  rank: { from: number; to: number } | null;
  newFlags: number;
  before: Awaited<ReturnType<typeof standings>>;
}

/**
 * Writes the month's confirmed complaints onto the manager's monthly result (the
 * `complaints` score; none left: removed). Called when the result is scored and when a
 * complaint is decided, each under a lock on the result, so neither misses the other.
 * `scores`, the result's rows read under that lock, spares removing a row that is not there.
 * Answers whether it wrote.
 */
export async function settleComplaintScore(
  tx: Tx,
  evaluation: { id: string; managerId: string; cycle: { type: string; period: string } },
  scores?: ReadonlyArray<{ component: string }>,
): Promise<boolean> {
  if (evaluation.cycle.type !== 'MONTHLY') return false;
  const confirmed = await tx.complaint.findMany({
    where: { managerId: evaluation.managerId, month: evaluation.cycle.period, status: 'CONFIRMED' },
    select: { id: true, receivedOn: true, kind: true, points: true },
    orderBy: { receivedOn: 'asc' },
  });
  const where = { evaluationId_component: { evaluationId: evaluation.id, component: complaintsComponent } };
  if (!confirmed.length) {
    if (scores && !scores.some((s) => s.component === complaintsComponent)) return false;
    const removed = await tx.score.deleteMany({
      where: { evaluationId: evaluation.id, component: complaintsComponent },
    });
    return removed.count > 0;
  }
  const list = confirmed.map((c) => ({
    complaintId: c.id,
    receivedOn: c.receivedOn,
    kind: c.kind as ComplaintKind,
    points: Number(c.points ?? 0),
  }));
  const data = { value: complaintPoints(list), missing: false, details: { complaints: list } as Prisma.InputJsonValue };
  await tx.score.upsert({
    where,
    update: data,
    create: { evaluationId: evaluation.id, component: complaintsComponent, ...data },
  });
  return true;
}

/** Holds the result's row until the transaction ends (scoring and a complaint's decision take turns). */
export async function lockEvaluation(tx: Tx, evaluationId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Evaluation" WHERE id = ${evaluationId} FOR UPDATE`;
}

export function complaintActivities(deps: ActivityDeps) {
  const { prisma, settings } = deps;

  /** The month's result of the manager, recomputed (and re-ranked if published) with its complaints. */
  async function applyToMonth(
    tx: Tx,
    complaint: { id: string; managerId: string; month: string },
    at: Date,
  ): Promise<MonthEffect | null> {
    const found = await tx.evaluation.findFirst({
      where: {
        managerId: complaint.managerId,
        stage: { not: 'WITHDRAWN' },
        cycle: { type: 'MONTHLY', period: complaint.month },
      },
      select: { id: true },
    });
    if (!found) return null; // the month's cycle has not opened: scoring will count it
    await lockEvaluation(tx, found.id);
    const evaluation = await tx.evaluation.findUniqueOrThrow({
      where: { id: found.id },
      include: { cycle: { include: { template: true } } },
    });
    await settleComplaintScore(tx, evaluation);
    if (evaluation.compositeScore === null) return null; // not scored yet: scoring will count it
    const template = parseTemplateConfig(evaluation.cycle.template.config);
    const scores = await tx.score.findMany({ where: { evaluationId: evaluation.id } });
    const { values, deductions, gathered } = compositeInputs(scores, template);
    const from = Number(evaluation.compositeScore);
    const to = compositeScore(template.weights, values, gathered, deductions);
    await tx.evaluation.update({ where: { id: evaluation.id }, data: { compositeScore: to } });
    await recordAudit(tx, {
      at,
      actorId: null,
      action: 'evaluation.complaintDeducted',
      entityType: 'evaluation',
      entityId: evaluation.id,
      cycleId: evaluation.cycleId,
      details: { complaintId: complaint.id, compositeScore: { from, to }, deductions },
      dedupeKey: `complaint:${complaint.id}:deducted`,
    });
    const effect: MonthEffect = {
      cycleId: evaluation.cycleId,
      composite: { from, to },
      rank: null,
      newFlags: 0,
      before: new Map(),
    };
    if (evaluation.rank === null) return effect; // scored, not yet ranked: the county ranks it
    const countyIds =
      template.rankingCohort === 'city'
        ? (await tx.countyReview.findMany({ where: { cycleId: evaluation.cycleId }, select: { countyId: true } })).map(
            (r) => r.countyId,
          )
        : [evaluation.countyId];
    effect.before = await standings(tx, evaluation.cycleId, countyIds);
    const { ranked, newFlags } = await rankCohortResults(tx, evaluation.cycle, countyIds, at, {
      complaintId: complaint.id,
    });
    const after = ranked.find((r) => r.managerId === evaluation.managerId);
    effect.rank = { from: evaluation.rank, to: after?.rank ?? evaluation.rank };
    effect.newFlags = newFlags;
    return effect;
  }

  return {
    /** The complaint's row (idempotent: the id is the API's), audited on the manager. */
    async recordComplaint(input: RecordComplaintInput): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const created = await tx.complaint.createMany({
          data: [
            {
              id: input.complaintId,
              managerId: input.managerId,
              countyId: input.countyId,
              channel: input.channel,
              kind: input.kind,
              receivedOn: input.receivedOn,
              month: complaintMonth(input.receivedOn),
              customerName: input.customerName,
              customerPhone: input.customerPhone ?? null,
              content: input.content,
              registeredById: input.registeredById,
              points: input.points,
              workflowId: complaintWorkflowId(input.complaintId),
              createdAt: new Date(input.at),
            },
          ],
          skipDuplicates: true,
        });
        if (!created.count) return;
        await recordAudit(tx, {
          at: new Date(input.at),
          actorId: input.registeredById,
          action: 'complaint.registered',
          entityType: 'manager',
          entityId: input.managerId,
          details: {
            complaintId: input.complaintId,
            kind: input.kind,
            channel: input.channel,
            month: complaintMonth(input.receivedOn),
          },
          dedupeKey: `complaint:${input.complaintId}:registered`,
        });
      });
    },

    /** The answer is in (or its deadline passed without one): the center decides next. */
    async complaintAnswered(input: { complaintId: string; answerTaskId: string; at: string }): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const complaint = await tx.complaint.findUniqueOrThrow({ where: { id: input.complaintId } });
        if (complaint.status !== 'AWAITING_ANSWER') return;
        const submission = await tx.submission.findUnique({ where: { taskId: input.answerTaskId } });
        const answer = submission ? complaintAnswerSchema.parse(submission.payload).answer : null;
        await tx.complaint.update({
          where: { id: complaint.id },
          data: { status: 'UNDER_REVIEW', answer, answeredAt: submission ? submission.createdAt : null },
        });
        await recordAudit(tx, {
          at: new Date(input.at),
          actorId: submission?.submittedById ?? null,
          action: answer === null ? 'complaint.notAnswered' : 'complaint.answered',
          entityType: 'manager',
          entityId: complaint.managerId,
          details: { complaintId: complaint.id },
          dedupeKey: `complaint:${complaint.id}:answered`,
        });
      });
    },

    /** The center's decision: recorded, a confirmation applied to the month, the manager told. */
    async decideComplaint(input: {
      complaintId: string;
      decisionTaskId: string;
      at: string;
    }): Promise<DecideComplaintResult> {
      return prisma.$transaction(
        async (tx) => {
          const complaint = await tx.complaint.findUniqueOrThrow({
            where: { id: input.complaintId },
            include: { manager: { include: { user: true } } },
          });
          if (complaint.status === 'CONFIRMED' || complaint.status === 'NOT_CONFIRMED')
            return { status: complaint.status, cycleId: null, newFlags: 0, outboxIds: [] };
          const submission = await tx.submission.findUniqueOrThrow({ where: { taskId: input.decisionTaskId } });
          const decision = complaintDecisionSchema.parse(submission.payload);
          const at = new Date(input.at);
          const status = decision.decision === 'confirmed' ? 'CONFIRMED' : 'NOT_CONFIRMED';
          await tx.complaint.update({
            where: { id: complaint.id },
            data: {
              status,
              decision: decision.decision,
              decisionReason: decision.reason,
              decidedById: submission.submittedById,
              decidedAt: submission.createdAt,
            },
          });
          await recordAudit(tx, {
            at,
            actorId: submission.submittedById,
            action: status === 'CONFIRMED' ? 'complaint.confirmed' : 'complaint.notConfirmed',
            entityType: 'manager',
            entityId: complaint.managerId,
            details: { complaintId: complaint.id, month: complaint.month, points: Number(complaint.points ?? 0) },
            dedupeKey: `complaint:${complaint.id}:decided`,
          });
          const effect = status === 'CONFIRMED' ? await applyToMonth(tx, complaint, at) : null;
          const outboxIds = await mailDecision(tx, complaint, status === 'CONFIRMED', decision.reason, effect);
          if (effect?.rank) {
            const cycle = await tx.cycle.findUniqueOrThrow({ where: { id: effect.cycleId } });
            outboxIds.push(
              ...(await mailMovedRanks(
                tx,
                settings,
                cycle,
                effect.before,
                complaint.managerId,
                `complaint:${complaint.id}`,
              )),
            );
          }
          return { status, cycleId: effect?.rank ? effect.cycleId : null, newFlags: effect?.newFlags ?? 0, outboxIds };
        },
        { timeout: 60_000 },
      );
    },
  };

  async function mailDecision(
    tx: Tx,
    complaint: {
      id: string;
      receivedOn: string;
      kind: string;
      month: string;
      points: Prisma.Decimal | null;
      manager: {
        user: { id: string; active: boolean; language: string | null; displayName: string; email: string } | null;
      };
    },
    confirmed: boolean,
    reason: string,
    effect: MonthEffect | null,
  ): Promise<string[]> {
    const user = complaint.manager.user;
    if (!user?.active) return [];
    const lang = languageOf(user.language);
    const rendered = renderComplaintDecided(
      {
        ...(await mailFrame(tx, lang)),
        recipientName: user.displayName,
        receivedOn: complaint.receivedOn,
        kind: complaint.kind as ComplaintKind,
        confirmed,
        points: Number(complaint.points ?? 0),
        month: complaint.month,
        result: effect ? { composite: effect.composite, rank: effect.rank } : null,
        reason,
        url: `${settings.publicUrl}/app/#/complaints/${complaint.id}`,
      },
      lang,
    );
    return [
      await enqueueMail(tx, {
        dedupeKey: `complaint:${complaint.id}:decided:${user.id}`,
        kind: 'complaintDecided',
        user,
        language: lang,
        rendered,
        link: `#/complaints/${complaint.id}`,
      }),
    ];
  }
}

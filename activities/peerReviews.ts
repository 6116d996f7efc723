// Peer review (同级考评): who rates whom is drawn per county when the cycle is prepared; the
// peer scores are settled once every evaluation of the county is in, just before its review
// starts, and each manager's composite is taken again with them (at least 3 raters, or the
// component is left out of that manager's composite).
import type { Prisma } from '../generated/prisma/client';
import { assignPeers, peerReviewSchema, peerScore, type PeerRating } from '../domain/peerReview';
import { compositeScore } from '../domain/scoring';
import { compositeInputs, type TemplateConfig } from '../domain/templates';
import { recordAudit } from '../prisma/audit';
import type { PrismaClient, Tx } from '../prisma/database';

const pageSize = 1000;

/** Draws the pairs of every county of the cycle (deterministic by cycle and county, so a retry writes the same). */
export async function assignCyclePeers(
  prisma: PrismaClient,
  cycleId: string,
  template: TemplateConfig,
  heartbeat: (page: number) => void = () => undefined,
): Promise<number> {
  if (!template.tasks.PEER_REVIEW) return 0;
  const evaluations = await prisma.evaluation.findMany({
    where: { cycleId, stage: { not: 'WITHDRAWN' } },
    select: { id: true, countyId: true },
    orderBy: { id: 'asc' },
  });
  const byCounty = new Map<string, string[]>();
  for (const e of evaluations) byCounty.set(e.countyId, [...(byCounty.get(e.countyId) ?? []), e.id]);
  const rows: Prisma.PeerAssignmentCreateManyInput[] = [];
  for (const [countyId, ids] of byCounty)
    for (const p of assignPeers(ids, template.peerReview.peersPerRater, `${cycleId}:${countyId}`))
      rows.push({ cycleId, countyId, raterEvaluationId: p.raterId, rateeEvaluationId: p.rateeId });
  for (let i = 0; i < rows.length; i += pageSize) {
    await prisma.peerAssignment.createMany({ data: rows.slice(i, i + pageSize), skipDuplicates: true });
    heartbeat(i);
  }
  return rows.length;
}

/**
 * Settles the county's peer scores from the submitted peer reviews and takes each composite
 * again. Idempotent: the same submissions give the same scores. Ratings of raters who left
 * (withdrawn) do not count.
 */
export async function settlePeerReviews(
  tx: Tx,
  ref: { cycleId: string; countyId: string },
  template: TemplateConfig,
  at: Date,
): Promise<{ rated: number; counted: number }> {
  if (!template.tasks.PEER_REVIEW) return { rated: 0, counted: 0 };
  const evaluations = await tx.$queryRaw<{ id: string; managerId: string; stage: string }[]>`
    SELECT id, "managerId", stage::text AS stage FROM "Evaluation"
    WHERE "cycleId" = ${ref.cycleId} AND "countyId" = ${ref.countyId}
    ORDER BY id FOR UPDATE`; // a complaint decided meanwhile waits, then sees these scores
  const active = evaluations.filter((e) => e.stage !== 'WITHDRAWN');
  const [assignments, reviews] = await Promise.all([
    tx.peerAssignment.findMany({ where: { cycleId: ref.cycleId, countyId: ref.countyId } }),
    tx.task.findMany({
      where: { cycleId: ref.cycleId, countyId: ref.countyId, kind: 'PEER_REVIEW', status: 'SUBMITTED' },
      select: { evaluationId: true, submission: { select: { payload: true } } },
    }),
  ]);
  const ratingsBy = new Map<string, PeerRating[]>();
  for (const r of reviews)
    if (r.evaluationId && r.submission)
      ratingsBy.set(r.evaluationId, peerReviewSchema.parse(r.submission.payload).ratings);
  const activeIds = new Set(active.map((e) => e.id));
  let counted = 0;
  for (const ratee of active) {
    const given = assignments
      .filter((a) => a.rateeEvaluationId === ratee.id && activeIds.has(a.raterEvaluationId))
      .map((a) => ratingsBy.get(a.raterEvaluationId)?.find((r) => r.managerId === ratee.managerId))
      .filter((r) => r !== undefined);
    const score = peerScore(given);
    if (score) counted += 1;
    await storePeerScore(tx, ratee.id, score);
    await takeCompositeAgain(tx, ratee.id, template, at, score?.raters ?? given.length);
  }
  await recordAudit(tx, {
    at,
    actorId: null,
    action: 'peerReview.settled',
    entityType: 'cycle',
    entityId: ref.cycleId,
    cycleId: ref.cycleId,
    details: { countyId: ref.countyId, rated: active.length, counted },
    dedupeKey: `peerReview:${ref.cycleId}:${ref.countyId}:settled`,
  });
  return { rated: active.length, counted };
}

async function storePeerScore(tx: Tx, evaluationId: string, score: ReturnType<typeof peerScore>) {
  const key = { evaluationId_component: { evaluationId, component: 'peer' } };
  if (!score) {
    await tx.score.deleteMany({ where: { evaluationId, component: 'peer' } });
    return;
  }
  const details = { raters: score.raters, items: score.items };
  await tx.score.upsert({
    where: key,
    update: { value: score.value, missing: false, details },
    create: { evaluationId, component: 'peer', value: score.value, details },
  });
}

/** The composite with the peer score in (or left out): only a scored result, before its review. */
async function takeCompositeAgain(tx: Tx, evaluationId: string, template: TemplateConfig, at: Date, raters: number) {
  const e = await tx.evaluation.findUniqueOrThrow({ where: { id: evaluationId }, include: { scores: true } });
  if (e.stage !== 'SCORED' || e.compositeScore === null) return;
  const { values, deductions, gathered } = compositeInputs(e.scores, template);
  const composite = compositeScore(template.weights, values, gathered, deductions);
  if (composite === Number(e.compositeScore)) return;
  await tx.evaluation.update({ where: { id: e.id }, data: { compositeScore: composite } });
  await recordAudit(tx, {
    at,
    actorId: null,
    action: 'evaluation.peerScored',
    entityType: 'evaluation',
    entityId: e.id,
    cycleId: e.cycleId,
    details: { from: Number(e.compositeScore), to: composite, peer: values.peer ?? null, raters },
    dedupeKey: `evaluation:${e.id}:peerScored`,
  });
}

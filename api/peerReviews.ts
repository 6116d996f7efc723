// Peer review (同级考评) in the API: the rater's assigned peers (shown to the rater alone),
// the check that a submission rates exactly them, and the redaction that keeps who gave
// what from everyone else (HR and the county included: they read the aggregate only).
import { peerRatingsProblem, type PeerReview } from '../domain/peerReview';
import type { Language } from '../domain/language';
import type { PrismaClient } from '../prisma/database';
import { problems } from './problems';

/** The peers a rater's evaluation rates, by employee number. */
export async function peersToRate(prisma: PrismaClient, raterEvaluationId: string) {
  const rows = await prisma.peerAssignment.findMany({
    where: { raterEvaluationId },
    select: { ratee: { select: { manager: { select: { id: true, name: true, employeeNo: true, area: true } } } } },
  });
  return rows.map((r) => r.ratee.manager).sort((a, b) => a.employeeNo.localeCompare(b.employeeNo));
}

/** 400 unless the ratings name exactly the rater's assigned peers (nobody else, never oneself). */
export async function checkPeerRatings(
  prisma: PrismaClient,
  raterEvaluationId: string,
  payload: PeerReview,
  lang: Language,
): Promise<void> {
  const assigned = (await peersToRate(prisma, raterEvaluationId)).map((m) => m.id);
  const { missing, unexpected } = peerRatingsProblem(payload.ratings, assigned);
  if (!missing.length && !unexpected.length) return;
  throw problems.badRequest([
    {
      field: 'body.ratings',
      message:
        lang === 'en'
          ? `body.ratings: rate exactly the ${assigned.length} peers assigned to you` +
            (missing.length ? ` (${missing.length} not rated)` : '') +
            (unexpected.length ? ` (${unexpected.length} not assigned to you)` : '')
          : `body.ratings：须对分配给您的 ${assigned.length} 位同事逐一评分` +
            (missing.length ? `（${missing.length} 位未评）` : '') +
            (unexpected.length ? `（${unexpected.length} 位不是分配给您的）` : ''),
    },
  ]);
}

/** A peer review's submission is the rater's alone: anyone else sees that it was sent, not what. */
export function redactPeerReview<T extends { kind: string; assigneeId: string; submission: unknown }>(
  task: T,
  viewerId: string,
): T {
  if (task.kind !== 'PEER_REVIEW' || task.assigneeId === viewerId || !task.submission) return task;
  return { ...task, submission: { ...task.submission, payload: null } };
}

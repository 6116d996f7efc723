// Peer review (同级考评, one side of the 360° review, DOMAIN.md): each manager rates a few
// peers of their county, drawn at random and never themself; a manager's peer score is shown
// only as the aggregate of at least 3 raters, and nobody but the rater sees who gave what.
import { z } from 'zod';
import { lazySchema } from './lazySchema';
import { drawSample } from './customerSurvey';
import type { Names } from './language';
import { roundHalfUp2 } from './rounding';

/** Fewer raters than this and the peer score is not shown nor counted (anonymity). */
export const peerMinimumRaters = 3;
export const defaultPeersPerRater = 4;

/** What a peer is rated on, each 0–100 in whole points. */
export const peerItems = ['cooperation', 'sharing', 'discipline'] as const;
export type PeerItem = (typeof peerItems)[number];
export const peerItemNames: Record<PeerItem, Names> = {
  cooperation: { 'zh-CN': '团结协作', en: 'Cooperation' },
  sharing: { 'zh-CN': '经验分享、互帮互助', en: 'Sharing and helping' },
  discipline: { 'zh-CN': '遵章守纪、工作作风', en: 'Discipline and conduct' },
};

/** The template's peer-review settings: how many peers each manager rates (so each is rated by as many). */
export const peerReviewPolicySchema = lazySchema(() =>
  z.object({
    peersPerRater: z.number().int().min(peerMinimumRaters).max(10),
  }),
);
export type PeerReviewPolicy = z.infer<typeof peerReviewPolicySchema>;

const point = lazySchema(() => z.number().int().min(0).max(100));
export const peerRatingSchema = lazySchema(() =>
  z.object({
    managerId: z.string().min(1).max(64),
    cooperation: point,
    sharing: point,
    discipline: point,
  }),
);
export type PeerRating = z.infer<typeof peerRatingSchema>;

/** A rater's submission: one rating per assigned peer, no comment (free text could name the rater). */
export const peerReviewSchema = lazySchema(() =>
  z.object({
    ratings: z
      .array(peerRatingSchema)
      .max(10)
      .superRefine((ratings, ctx) => {
        const seen = new Set<string>();
        ratings.forEach((r, i) => {
          if (seen.has(r.managerId))
            ctx.addIssue({ code: 'custom', path: [i, 'managerId'], message: 'each peer is rated once' });
          seen.add(r.managerId);
        });
      }),
  }),
);
export type PeerReview = z.infer<typeof peerReviewSchema>;

export interface PeerPair {
  raterId: string;
  rateeId: string;
}

/**
 * Who rates whom in one county: a seeded shuffle (the same cycle and county always draw the
 * same, so a retried step writes the same pairs), then a ring where each rates the next
 * `peersPerRater`. Everyone rates and is rated by the same number, and nobody rates themself.
 */
export function assignPeers(ids: readonly string[], peersPerRater: number, seed: string): PeerPair[] {
  const ring = drawSample(
    ids.map((id) => ({ id })),
    ids.length,
    seed,
  ).map((x) => x.id);
  const k = Math.min(peersPerRater, ring.length - 1);
  const pairs: PeerPair[] = [];
  ring.forEach((raterId, i) => {
    for (let step = 1; step <= k; step++) pairs.push({ raterId, rateeId: ring[(i + step) % ring.length]! });
  });
  return pairs;
}

/** One rater's view of one peer: the mean of the items. */
export function ratingMean(r: Pick<PeerRating, PeerItem>): number {
  return peerItems.reduce((s, item) => s + r[item], 0) / peerItems.length;
}

export interface PeerScore {
  /** The peer component (0–100): the mean over raters of each rater's mean. */
  value: number;
  raters: number;
  /** Each item's mean over the raters. */
  items: Record<PeerItem, number>;
}

/** The aggregate of a manager's peer ratings; null under the minimum of raters (not shown, not counted). */
export function peerScore(ratings: readonly Pick<PeerRating, PeerItem>[]): PeerScore | null {
  if (ratings.length < peerMinimumRaters) return null;
  const mean = (f: (r: Pick<PeerRating, PeerItem>) => number) =>
    roundHalfUp2(ratings.reduce((s, r) => s + f(r), 0) / ratings.length);
  return {
    value: mean(ratingMean),
    raters: ratings.length,
    items: Object.fromEntries(peerItems.map((item) => [item, mean((r) => r[item])])) as Record<PeerItem, number>,
  };
}

/**
 * The ratings a rater may send: exactly their assigned peers, each once. Returns the
 * missing and the unexpected manager ids (both empty when the set is right).
 */
export function peerRatingsProblem(
  ratings: readonly Pick<PeerRating, 'managerId'>[],
  assigned: readonly string[],
): { missing: string[]; unexpected: string[] } {
  const given = new Set(ratings.map((r) => r.managerId));
  return {
    missing: assigned.filter((id) => !given.has(id)),
    unexpected: [...given].filter((id) => !assigned.includes(id)),
  };
}

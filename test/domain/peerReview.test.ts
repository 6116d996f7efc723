// Peer review (同级考评): the draw, the minimum of 3 raters, and the check of a rater's set.
import {
  assignPeers,
  peerMinimumRaters,
  peerRatingsProblem,
  peerReviewSchema,
  peerScore,
} from '../../domain/peerReview';

const ids = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'];

test('each of 7 rates 3 others and is rated by 3, never themself', () => {
  const pairs = assignPeers(ids, 3, 'cycle:county');
  expect(pairs).toHaveLength(21);
  expect(pairs.some((p) => p.raterId === p.rateeId)).toBe(false);
  expect(new Set(pairs.map((p) => `${p.raterId}>${p.rateeId}`)).size).toBe(21);
  for (const id of ids) {
    expect(pairs.filter((p) => p.raterId === id)).toHaveLength(3);
    expect(pairs.filter((p) => p.rateeId === id)).toHaveLength(3);
  }
});

test('the draw is the same for the same cycle and county, and another for another', () => {
  const a = assignPeers(ids, 3, 'c1:x');
  expect(assignPeers([...ids].reverse(), 3, 'c1:x')).toEqual(a);
  expect(assignPeers(ids, 3, 'c2:x')).not.toEqual(a);
});

test('a small county: everyone rates everyone else; a county of one draws nobody', () => {
  const pairs = assignPeers(['a', 'b', 'c'], 4, 's');
  expect(pairs).toHaveLength(6);
  expect(assignPeers(['a'], 4, 's')).toEqual([]);
});

test('the peer score is the mean of at least 3 raters: 80, 85, 90 give 85; two raters give nothing', () => {
  expect(peerMinimumRaters).toBe(3);
  const r = (x: number, y: number, z: number) => ({ cooperation: x, sharing: y, discipline: z });
  expect(peerScore([r(80, 80, 80), r(85, 85, 85), r(90, 90, 90)])).toEqual({
    value: 85,
    raters: 3,
    items: { cooperation: 85, sharing: 85, discipline: 85 },
  });
  // Rater means 80, 90, 96.67 → 88.89; item means 80, 90, 96.67.
  expect(peerScore([r(70, 80, 90), r(80, 90, 100), r(90, 100, 100)])).toEqual({
    value: 88.89,
    raters: 3,
    items: { cooperation: 80, sharing: 90, discipline: 96.67 },
  });
  expect(peerScore([r(80, 80, 80), r(90, 90, 90)])).toBeNull();
});

test('a rater rates exactly their peers, each once, whole points 0–100', () => {
  const rating = (managerId: string) => ({ managerId, cooperation: 90, sharing: 85, discipline: 80 });
  expect(peerRatingsProblem([rating('a'), rating('b')], ['a', 'b'])).toEqual({ missing: [], unexpected: [] });
  expect(peerRatingsProblem([rating('a'), rating('self')], ['a', 'b'])).toEqual({
    missing: ['b'],
    unexpected: ['self'],
  });
  expect(peerReviewSchema.safeParse({ ratings: [rating('a'), rating('a')] }).success).toBe(false);
  expect(peerReviewSchema.safeParse({ ratings: [{ ...rating('a'), sharing: 85.5 }] }).success).toBe(false);
  expect(peerReviewSchema.safeParse({ ratings: [{ ...rating('a'), sharing: 101 }] }).success).toBe(false);
  expect(peerReviewSchema.safeParse({ ratings: [] }).success).toBe(true);
});

// Peer review (同级考评, one side of the 360° review): each manager rates the peers of their
// county assigned to them when the cycle was prepared. The task sits on the rater's own
// evaluation but scores the peers': their `peer` component is settled across the county
// once every evaluation is in (../peerReview), never from this submission alone.
import { peerReviewSchema } from '../peerReview';
import { defineTaskKind } from './definition';

export const peerReview = defineTaskKind({
  kind: 'PEER_REVIEW',
  names: { 'zh-CN': '同级考评', en: 'peer review' },
  actor: 'MANAGER',
  assignee: 'manager',
  defaultDueOffsetDays: 10,
  policyKind: 'evaluation',
  policySlot: 'tasks',
  // No cycle gathers it by default: a template adds it with its weight (360° review).
  schema: peerReviewSchema,
  components: ['peer'],
  settledAcrossCounty: true,
  form: [{ name: 'ratings', type: 'peerRatings' }],
});

// Marketing department review (营销部审核评价) with the month's KPIs (经营业绩): the
// business performance component from the KPIs, and the department's own review score.
import { marketingReviewSchema, performanceScore } from '../marketingReview';
import { commentField, defineTaskKind, scoreField } from './definition';

export const marketingReview = defineTaskKind({
  kind: 'MARKETING_REVIEW',
  names: { 'zh-CN': '营销部审核评价', en: 'marketing review' },
  actor: 'MARKETING_REVIEWER',
  assignee: 'actorRole',
  defaultDueOffsetDays: 10,
  policyKind: 'evaluation',
  policySlot: 'tasks',
  defaultInCycles: ['MONTHLY', 'QUARTERLY', 'ANNUAL'],
  schema: marketingReviewSchema,
  components: ['performance', 'marketingReview'],
  score: (s, { kpiWeights }) => [
    { component: 'performance', value: performanceScore(s.kpis, kpiWeights), details: { kpis: s.kpis, kpiWeights } },
    { component: 'marketingReview', value: s.reviewScore },
  ],
  form: [
    { name: 'kpis', type: 'kpis' },
    scoreField('reviewScore', '营销部审核评分', 'Review score'),
    commentField('comment', undefined, true),
  ],
});

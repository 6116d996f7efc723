// Objection, the county's opinion (申诉县局意见): the county head looks at what the
// manager objects to and proposes to uphold the result or to adjust the components.
import { objectionDecisionSchema } from '../objections';
import { defineTaskKind, objectionDecisionFields } from './definition';

export const objectionCountyReview = defineTaskKind({
  kind: 'OBJECTION_COUNTY_REVIEW',
  names: { 'zh-CN': '申诉县局意见', en: 'objection: county opinion' },
  actor: 'COUNTY_HEAD',
  assignee: 'actorRole',
  defaultDueOffsetDays: 3,
  policyKind: 'decision',
  policySlot: 'objection',
  schema: objectionDecisionSchema,
  components: [],
  form: objectionDecisionFields,
});

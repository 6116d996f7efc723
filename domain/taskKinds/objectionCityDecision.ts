// Objection, the city's decision (申诉市局裁定): final; an adjustment recomputes the
// composite, re-ranks the cohort and re-publishes (activities/objections.ts).
import { objectionDecisionSchema } from '../objections';
import { defineTaskKind, objectionDecisionFields } from './definition';

export const objectionCityDecision = defineTaskKind({
  kind: 'OBJECTION_CITY_DECISION',
  names: { 'zh-CN': '申诉市局裁定', en: 'objection: city decision' },
  actor: 'CITY_APPROVER',
  assignee: 'actorRole',
  defaultDueOffsetDays: 5,
  policyKind: 'decision',
  policySlot: 'objection',
  schema: objectionDecisionSchema,
  components: [],
  form: objectionDecisionFields,
});

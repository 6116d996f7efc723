// Annual grade sign-off (年度等级审定): the city approver approves or rejects the county's
// proposed changes, all at once or one by one; the quota is checked on approval.
import { gradeSignOffSchema } from '../gradeDetermination';
import { defineTaskKind } from './definition';

export const gradeSignOff = defineTaskKind({
  kind: 'GRADE_SIGN_OFF',
  names: { 'zh-CN': '年度等级审定', en: 'annual grade sign-off' },
  actor: 'CITY_APPROVER',
  assignee: 'actorRole',
  defaultDueOffsetDays: 7,
  policyKind: 'decision',
  policySlot: 'gradeDetermination',
  schema: gradeSignOffSchema,
  components: [],
  form: [
    { name: 'decision', type: 'fixed', value: 'decideEach' },
    { name: 'items', type: 'gradeDecisions' },
  ],
});

// Customer satisfaction (客户满意度): retail customers answer a survey through personal
// links; the task is the survey's window, answered by customers, not submitted by staff.
import { defineTaskKind } from './definition';

export const customerSurvey = defineTaskKind({
  kind: 'CUSTOMER_SURVEY',
  names: { 'zh-CN': '客户满意度调查', en: 'customer survey' },
  // The county's marketing staff keep an eye on it (reminders, escalation), nobody fills it in.
  actor: 'MARKETING_REVIEWER',
  assignee: 'actorRole',
  defaultDueOffsetDays: 10,
  policyKind: 'evaluation',
  policySlot: 'tasks',
  defaultInCycles: ['QUARTERLY', 'ANNUAL'],
  schema: null,
  components: ['customer'],
  form: [],
});

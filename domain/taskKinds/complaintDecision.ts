// A complaint, the center's decision (投诉认定): confirmed (属实, deducts from the month's
// inspection) or not, with the reason; the manager's answer is beside the form.
import { complaintDecisionNames, complaintDecisions, complaintDecisionSchema } from '../complaints';
import { defineTaskKind, reasonField } from './definition';

export const complaintDecision = defineTaskKind({
  kind: 'COMPLAINT_DECISION',
  names: { 'zh-CN': '投诉认定', en: 'complaint: decision' },
  actor: 'HR',
  assignee: 'actorRole',
  // Days after the answer came in (or its deadline passed).
  defaultDueOffsetDays: 5,
  policyKind: 'decision',
  policySlot: 'complaint',
  schema: complaintDecisionSchema,
  components: [],
  form: [
    {
      name: 'decision',
      type: 'select',
      label: { 'zh-CN': '认定', en: 'Decision' },
      options: complaintDecisions.map((value) => ({ value, label: complaintDecisionNames[value] })),
      required: true,
    },
    reasonField(),
  ],
});

// A complaint, the manager's answer (投诉说明): what the manager has to say before the center
// decides. Not answered by the deadline: closed as such, and the center decides without it.
import { complaintAnswerSchema } from '../complaints';
import { defineTaskKind } from './definition';

export const complaintAnswer = defineTaskKind({
  kind: 'COMPLAINT_ANSWER',
  names: { 'zh-CN': '投诉情况说明', en: 'complaint: your answer' },
  actor: 'MANAGER',
  assignee: 'manager',
  // Days after the complaint was registered.
  defaultDueOffsetDays: 3,
  policyKind: 'evaluation',
  policySlot: 'complaint',
  schema: complaintAnswerSchema,
  components: [],
  form: [
    {
      name: 'answer',
      type: 'textarea',
      label: { 'zh-CN': '情况说明', en: 'Your answer' },
      required: true,
    },
  ],
});

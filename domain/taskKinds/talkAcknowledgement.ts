// The manager acknowledges the record of their results talk (谈话确认), with a comment if
// they wish; a record left unacknowledged past the grace period is closed as such.
import { talkAcknowledgementSchema } from '../resultsTalk';
import { defineTaskKind } from './definition';

export const talkAcknowledgement = defineTaskKind({
  kind: 'TALK_ACKNOWLEDGEMENT',
  names: { 'zh-CN': '谈话记录确认', en: 'acknowledge the results talk' },
  actor: 'MANAGER',
  assignee: 'manager',
  // Days after the leader recorded the talk.
  defaultDueOffsetDays: 3,
  policyKind: 'evaluation',
  policySlot: 'resultsTalk',
  schema: talkAcknowledgementSchema,
  components: [],
  form: [
    { name: 'decision', type: 'fixed', value: 'acknowledge' },
    { name: 'comment', type: 'textarea', label: { 'zh-CN': '我的意见（可选）', en: 'My comment (optional)' } },
  ],
});

// Results talk (情感沟通): after the month's results a county leader talks with the manager
// and records what went well, what did not, why, and the change agreed (../resultsTalk).
import { talkRecordLabels, talkRecordSchema } from '../resultsTalk';
import { defineTaskKind } from './definition';

export const resultsTalk = defineTaskKind({
  kind: 'RESULTS_TALK',
  names: { 'zh-CN': '情感沟通（结果谈话）', en: 'results talk' },
  actor: 'COUNTY_HEAD',
  // The leader the talk was split to when the results were published (谈话分工).
  assignee: 'chosenHolder',
  // Days after the results are published.
  defaultDueOffsetDays: 7,
  policyKind: 'decision',
  policySlot: 'resultsTalk',
  schema: talkRecordSchema,
  components: [],
  form: [
    { name: 'heldOn', type: 'date', label: talkRecordLabels.heldOn, required: true },
    { name: 'wentWell', type: 'textarea', label: talkRecordLabels.wentWell, required: true },
    { name: 'wentBadly', type: 'textarea', label: talkRecordLabels.wentBadly, required: true },
    { name: 'causes', type: 'textarea', label: talkRecordLabels.causes, required: true },
    { name: 'agreedChange', type: 'textarea', label: talkRecordLabels.agreedChange, required: true },
  ],
  sharedAmongHolders: true,
});

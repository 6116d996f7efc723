// Bottom-ranking decision (末位淘汰处理意见): HR proposes what happens to a flagged
// manager; nothing happens without the city's approval (rules in ../bottomRankCases).
import { bottomRankActionNames, bottomRankActions, bottomRankDecisionSchema } from '../bottomRankCases';
import { defineTaskKind, reasonField } from './definition';

export const bottomRankDecision = defineTaskKind({
  kind: 'BOTTOM_RANK_DECISION',
  names: { 'zh-CN': '末位淘汰处理意见', en: 'bottom-ranking decision' },
  actor: 'HR',
  assignee: 'actorRole',
  defaultDueOffsetDays: 10,
  policyKind: 'decision',
  policySlot: 'bottomRankCase',
  schema: bottomRankDecisionSchema,
  components: [],
  form: [
    {
      name: 'action',
      type: 'select',
      label: { 'zh-CN': '处理方式', en: 'Action' },
      options: bottomRankActions.map((value) => ({ value, label: bottomRankActionNames[value] })),
      allowedByEmployment: true,
    },
    reasonField(),
  ],
});

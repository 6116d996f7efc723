// Bottom-ranking approval (末位淘汰处理审批): the city approves HR's decision or rejects
// it with a reason (HR then decides again).
import { bottomRankApprovalSchema } from '../bottomRankCases';
import { decisionFields, defineTaskKind } from './definition';

export const bottomRankApproval = defineTaskKind({
  kind: 'BOTTOM_RANK_APPROVAL',
  names: { 'zh-CN': '末位淘汰处理审批', en: 'bottom-ranking approval' },
  actor: 'CITY_APPROVER',
  assignee: 'actorRole',
  defaultDueOffsetDays: 5,
  policyKind: 'decision',
  policySlot: 'bottomRankCase',
  schema: bottomRankApprovalSchema,
  components: [],
  form: decisionFields({ value: 'reject', label: { 'zh-CN': '不同意', en: 'Reject' } }),
});

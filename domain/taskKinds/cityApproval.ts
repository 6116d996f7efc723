// City approval (市级审批, 一考评: the city's decision is authoritative): the city
// approver approves a county's results or returns them with a reason.
import { z } from 'zod';
import { lazySchema } from '../lazySchema';
import { decisionFields, defineTaskKind } from './definition';
import { multiLine } from '../text';

export const cityApprovalSchema = lazySchema(() =>
  z.discriminatedUnion('decision', [
    z.object({ decision: z.literal('approve'), comment: multiLine().max(2000).optional() }),
    z.object({ decision: z.literal('return'), reason: multiLine().min(2).max(2000) }),
  ]),
);
export type CityApproval = z.infer<typeof cityApprovalSchema>;

export const cityApproval = defineTaskKind({
  kind: 'CITY_APPROVAL',
  names: { 'zh-CN': '市级审批', en: 'city approval' },
  actor: 'CITY_APPROVER',
  assignee: 'actorRole',
  defaultDueOffsetDays: 15,
  policyKind: 'decision',
  policySlot: 'approvals',
  schema: cityApprovalSchema,
  components: [],
  form: decisionFields({ value: 'return', label: { 'zh-CN': '退回', en: 'Return' } }),
});

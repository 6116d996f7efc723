// Bottom-ranking cases (末位淘汰): a flag opens a case; HR decides, the city approves;
// nothing happens to a person without both. Formal staff may be suspended for study
// or moved post (待岗学习或换岗); contract staff may also have the contract ended (解聘).
import { z } from 'zod';
import { lazySchema } from './lazySchema';
import type { Names } from './language';
import { multiLine } from './text';

export const bottomRankActions = ['SUSPEND_FOR_STUDY', 'POST_CHANGE', 'CONTRACT_END', 'NO_ACTION'] as const;
export type BottomRankAction = (typeof bottomRankActions)[number];

export const bottomRankActionNames: Record<BottomRankAction, Names> = {
  SUSPEND_FOR_STUDY: { 'zh-CN': '待岗学习', en: 'Suspension for study' },
  POST_CHANGE: { 'zh-CN': '换岗', en: 'Post change' },
  CONTRACT_END: { 'zh-CN': '解聘', en: 'Contract end' },
  NO_ACTION: { 'zh-CN': '不处理', en: 'No action' },
};

export const bottomRankDecisionSchema = lazySchema(() =>
  z.object({
    action: z.enum(bottomRankActions),
    reason: multiLine().min(2).max(2000),
  }),
);
export const bottomRankApprovalSchema = lazySchema(() =>
  z.discriminatedUnion('decision', [
    z.object({ decision: z.literal('approve'), comment: multiLine().max(2000).optional() }),
    z.object({ decision: z.literal('reject'), reason: multiLine().min(2).max(2000) }),
  ]),
);

/** What HR may decide for a manager of this employment type. */
export function allowedActions(employment: 'FORMAL' | 'CONTRACT'): BottomRankAction[] {
  return employment === 'CONTRACT' ? [...bottomRankActions] : ['SUSPEND_FOR_STUDY', 'POST_CHANGE', 'NO_ACTION'];
}

// Bottom-ranking cases (末位淘汰): a flag opens a case; HR decides, the city approves;
// nothing happens to a person without both. Formal staff may be suspended for study
// or moved post (待岗学习或换岗); contract staff may also have the contract ended (解聘).
import { z } from 'zod';

export const bottomRankActions = ['SUSPEND_FOR_STUDY', 'POST_CHANGE', 'CONTRACT_END', 'NO_ACTION'] as const;
export type BottomRankAction = (typeof bottomRankActions)[number];

export const bottomRankDecisionSchema = z.object({
  action: z.enum(bottomRankActions),
  reason: z.string().trim().min(2).max(2000),
});
export const bottomRankApprovalSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), comment: z.string().trim().max(2000).optional() }),
  z.object({ decision: z.literal('reject'), reason: z.string().trim().min(2).max(2000) }),
]);

/** What HR may decide for a manager of this employment type. */
export function allowedActions(employment: 'FORMAL' | 'CONTRACT'): BottomRankAction[] {
  return employment === 'CONTRACT' ? [...bottomRankActions] : ['SUSPEND_FOR_STUDY', 'POST_CHANGE', 'NO_ACTION'];
}

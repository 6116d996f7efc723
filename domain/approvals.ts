// County sign-off (县级审核) and city approval (市级审批, 一考评: the city's decision
// is authoritative). The city approves a county's results or returns them with a reason.
import { z } from 'zod';

export const countySignOffSchema = z.object({
  decision: z.literal('signOff'),
  comment: z.string().trim().max(2000).optional(),
  /** Quarterly cycles: the one excellent manager the county recommends to the city. */
  recommendedManagerId: z.uuid().optional(),
});

/** Cycle types whose county sign-off must recommend one excellent manager. */
export const recommendationRequired = (cycleType: string) => cycleType === 'QUARTERLY';

export const cityApprovalSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), comment: z.string().trim().max(2000).optional() }),
  z.object({ decision: z.literal('return'), reason: z.string().trim().min(2).max(2000) }),
]);
export type CityApproval = z.infer<typeof cityApprovalSchema>;

/** The decision a sign-off or approval submission records. */
export function decisionOf(payload: unknown): { decision: string; reason: string | null } | null {
  const p = payload as { decision?: unknown; reason?: unknown; comment?: unknown } | null;
  if (!p || typeof p.decision !== 'string') return null;
  const reason = typeof p.reason === 'string' ? p.reason : typeof p.comment === 'string' ? p.comment : null;
  return { decision: p.decision, reason };
}

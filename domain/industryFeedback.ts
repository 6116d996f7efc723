// Industry-partner evaluation (工业企业评价): a manufacturer's representative rates a
// manager they work with on brand cultivation (品牌培育) and information feedback (信息反馈).
import { z } from 'zod';
import { roundHalfUp2 } from './scoring';

export const industryFeedbackSchema = z.object({
  brandCultivation: z.number().min(0).max(100),
  informationFeedback: z.number().min(0).max(100),
  comment: z.string().trim().min(2).max(2000),
});
export type IndustryFeedback = z.infer<typeof industryFeedbackSchema>;

/** The industry component (0–100): the mean of the two ratings. */
export function industryScore(f: Pick<IndustryFeedback, 'brandCultivation' | 'informationFeedback'>): number {
  return roundHalfUp2((f.brandCultivation + f.informationFeedback) / 2);
}

// Self-evaluation (自我评价): self-scores on attitude, knowledge and skills
// (态度、知识、技能), a work summary (工作总结) and an improvement plan (改进计划).
import { z } from 'zod';

const selfScore = z.number().int().min(0).max(100);

export const selfAssessmentSchema = z.object({
  attitude: selfScore,
  knowledge: selfScore,
  skills: selfScore,
  workSummary: z.string().trim().min(10).max(5000),
  improvementPlan: z.string().trim().min(10).max(5000),
});
export type SelfAssessment = z.infer<typeof selfAssessmentSchema>;

/** The self-evaluation component (0–100): the mean of the three self-scores, to 2 decimals. */
export function selfEvaluationScore(a: Pick<SelfAssessment, 'attitude' | 'knowledge' | 'skills'>): number {
  return Math.round(((a.attitude + a.knowledge + a.skills) / 3) * 100) / 100;
}

// Half-year skill-level assessment (技能等级考评): an exam score (技能考试) and an
// ability review (能力评审) give a skill score and the skill level recorded for the
// manager. DOMAIN.md names the inputs but not the mapping: the weights and the
// thresholds below are this engine's defaults, configurable in the template.
import { z } from 'zod';
import { lazySchema } from './lazySchema';
import { bilingual } from './issueText';
import { roundHalfUp2 } from './rounding';
import { multiLine } from './text';

export const skillLevels = ['SENIOR', 'MIDDLE', 'JUNIOR', 'NONE'] as const; // 高级 / 中级 / 初级 / 未达级
export type SkillLevel = (typeof skillLevels)[number];

export const skillAssessmentSchema = lazySchema(() =>
  z.object({
    examScore: z.number().min(0).max(100),
    abilityReview: z.number().min(0).max(100),
    comment: multiLine().min(2).max(2000),
  }),
);
export type SkillAssessment = z.infer<typeof skillAssessmentSchema>;

export const skillPolicySchema = lazySchema(() =>
  z
    .object({
      examWeight: z.number().min(0).max(100),
      abilityWeight: z.number().min(0).max(100),
      /** Lowest skill score of each level. */
      thresholds: z.object({
        SENIOR: z.number().min(0).max(100),
        MIDDLE: z.number().min(0).max(100),
        JUNIOR: z.number().min(0).max(100),
      }),
    })
    .refine((p) => p.examWeight + p.abilityWeight > 0, {
      message: bilingual('考试与能力评审的权重不能都为 0', 'examWeight and abilityWeight cannot both be 0'),
      path: ['examWeight'],
    })
    .refine((p) => p.thresholds.SENIOR >= p.thresholds.MIDDLE && p.thresholds.MIDDLE >= p.thresholds.JUNIOR, {
      message: bilingual('等级分数线须从初级到高级不减', 'thresholds must not decrease from JUNIOR to SENIOR'),
      path: ['thresholds'],
    }),
);
export type SkillPolicy = z.infer<typeof skillPolicySchema>;

export const defaultSkillPolicy: SkillPolicy = {
  examWeight: 60,
  abilityWeight: 40,
  thresholds: { SENIOR: 85, MIDDLE: 70, JUNIOR: 60 },
};

export interface SkillResult {
  score: number;
  level: SkillLevel;
}

/** Skill score = weighted mean of the exam and the ability review; the level is the highest threshold reached. */
export function skillResult(
  a: Pick<SkillAssessment, 'examScore' | 'abilityReview'>,
  policy: SkillPolicy = defaultSkillPolicy,
): SkillResult {
  const score = roundHalfUp2(
    (a.examScore * policy.examWeight + a.abilityReview * policy.abilityWeight) /
      (policy.examWeight + policy.abilityWeight),
  );
  return { score, level: skillLevelOf(score, policy) };
}

/** The highest skill level whose threshold the score reaches. */
export function skillLevelOf(score: number, policy: SkillPolicy = defaultSkillPolicy): SkillLevel {
  if (score >= policy.thresholds.SENIOR) return 'SENIOR';
  if (score >= policy.thresholds.MIDDLE) return 'MIDDLE';
  if (score >= policy.thresholds.JUNIOR) return 'JUNIOR';
  return 'NONE';
}

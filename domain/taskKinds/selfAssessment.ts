// Self-evaluation (自我评价): self-scores on attitude, knowledge and skills
// (态度、知识、技能), a work summary (工作总结) and an improvement plan (改进计划).
import { z } from 'zod';
import { lazySchema } from '../lazySchema';
import { roundHalfUp2 } from '../rounding';
import { defineTaskKind, scoreField } from './definition';
import { multiLine } from '../text';

const selfScore = lazySchema(() => z.number().int().min(0).max(100));

export const selfAssessmentSchema = lazySchema(() =>
  z.object({
    attitude: selfScore,
    knowledge: selfScore,
    skills: selfScore,
    workSummary: multiLine().min(10).max(5000),
    improvementPlan: multiLine().min(10).max(5000),
  }),
);
export type SelfAssessment = z.infer<typeof selfAssessmentSchema>;

/** The self-evaluation component (0–100): the mean of the three self-scores, to 2 decimals. */
export function selfEvaluationScore(a: Pick<SelfAssessment, 'attitude' | 'knowledge' | 'skills'>): number {
  return roundHalfUp2((a.attitude + a.knowledge + a.skills) / 3);
}

export const selfAssessment = defineTaskKind({
  kind: 'SELF_ASSESSMENT',
  names: { 'zh-CN': '自我评价', en: 'self-assessment' },
  actor: 'MANAGER',
  assignee: 'manager',
  defaultDueOffsetDays: 5,
  policyKind: 'evaluation',
  policySlot: 'tasks',
  defaultInCycles: ['MONTHLY', 'QUARTERLY', 'ANNUAL'],
  schema: selfAssessmentSchema,
  components: ['selfEvaluation'],
  score: (s) => [{ component: 'selfEvaluation', value: selfEvaluationScore(s) }],
  form: [
    scoreField('attitude', '态度（0–100）', 'Attitude (0–100)', 1),
    scoreField('knowledge', '知识（0–100）', 'Knowledge (0–100)', 1),
    scoreField('skills', '技能（0–100）', 'Skills (0–100)', 1),
    { name: 'workSummary', type: 'textarea', label: { 'zh-CN': '工作总结', en: 'Work summary' } },
    { name: 'improvementPlan', type: 'textarea', label: { 'zh-CN': '改进计划', en: 'Improvement plan' } },
  ],
  showsPeriodPlan: true,
});

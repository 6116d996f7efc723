// Industry-partner evaluation (工业企业评价): a manufacturer's representative rates a
// manager they work with on brand cultivation (品牌培育) and information feedback (信息反馈).
import { z } from 'zod';
import { lazySchema } from '../lazySchema';
import { roundHalfUp2 } from '../rounding';
import { commentField, defineTaskKind, scoreField } from './definition';
import { multiLine } from '../text';

export const industryFeedbackSchema = lazySchema(() =>
  z.object({
    brandCultivation: z.number().min(0).max(100),
    informationFeedback: z.number().min(0).max(100),
    comment: multiLine().min(2).max(2000),
  }),
);
export type IndustryFeedback = z.infer<typeof industryFeedbackSchema>;

/** The industry component (0–100): the mean of the two ratings. */
export function industryScore(f: Pick<IndustryFeedback, 'brandCultivation' | 'informationFeedback'>): number {
  return roundHalfUp2((f.brandCultivation + f.informationFeedback) / 2);
}

export const industryFeedback = defineTaskKind({
  kind: 'INDUSTRY_FEEDBACK',
  names: { 'zh-CN': '工业企业评价', en: 'industry-partner feedback' },
  actor: 'INDUSTRY_PARTNER',
  assignee: 'managersPartner',
  defaultDueOffsetDays: 10,
  policyKind: 'evaluation',
  policySlot: 'tasks',
  defaultInCycles: ['QUARTERLY', 'ANNUAL'],
  schema: industryFeedbackSchema,
  components: ['industry'],
  score: (f) => [
    {
      component: 'industry',
      value: industryScore(f),
      details: { brandCultivation: f.brandCultivation, informationFeedback: f.informationFeedback },
    },
  ],
  form: [
    scoreField('brandCultivation', '品牌培育', 'Brand cultivation'),
    scoreField('informationFeedback', '信息反馈', 'Information feedback'),
    commentField(),
  ],
});

// Objection (申诉): within a template's window after publication (default 5 days) a
// manager objects to one or more components of their result with a reason; the county
// head gives an opinion, the city decides: uphold, or adjust the components (before →
// after, with a reason), which recomputes the composite and re-ranks the cohort.
import { z } from 'zod';
import { lazySchema } from './lazySchema';
import { addDays, shanghaiDate } from './calendar';
import { bilingual } from './issueText';
import type { Names } from './language';
import { compositeScore, weightedComponents, type ComponentScores, type WeightedComponent } from './scoring';
import { multiLine } from './text';

/** What an objection may name: the weighted components and the inspection (督察). */
export const objectionComponents = [...weightedComponents, 'inspection'] as const;
export type ObjectionComponent = (typeof objectionComponents)[number];

export const defaultObjectionWindowDays = 5;

/** The last day (Shanghai) an objection can be filed: publication day + the window. */
export function objectionDeadline(publishedAt: Date, windowDays: number): string {
  return addDays(shanghaiDate(publishedAt), windowDays);
}

/** Whether a result published at `publishedAt` can still be objected to at `now`. */
export function objectionWindowOpen(publishedAt: Date, now: Date, windowDays: number): boolean {
  return shanghaiDate(now) <= objectionDeadline(publishedAt, windowDays);
}

export const fileObjectionSchema = lazySchema(() =>
  z.object({
    components: z
      .array(z.enum(objectionComponents))
      .min(1)
      .max(objectionComponents.length)
      .refine((c) => new Set(c).size === c.length, {
        message: bilingual('每个分项只能选一次', 'each component can be named once'),
      }),
    reason: multiLine().min(5).max(2000),
  }),
);
export type FileObjection = z.infer<typeof fileObjectionSchema>;

export const objectionDecisions = ['uphold', 'adjust'] as const;
export type ObjectionDecision = (typeof objectionDecisions)[number];
export const objectionDecisionNames: Record<ObjectionDecision, Names> = {
  uphold: { 'zh-CN': '维持原结果', en: 'Uphold the result' },
  adjust: { 'zh-CN': '调整分数', en: 'Adjust the scores' },
};

const adjustmentSchema = lazySchema(() =>
  z.object({
    component: z.enum(objectionComponents),
    score: z.number().min(0).max(100).multipleOf(0.01),
  }),
);
export type ObjectionAdjustment = z.infer<typeof adjustmentSchema>;

/** The county head's opinion and the city's decision have the same shape. */
export const objectionDecisionSchema = lazySchema(() =>
  z
    .object({
      decision: z.enum(objectionDecisions),
      adjustments: z.array(adjustmentSchema).max(objectionComponents.length).optional(),
      reason: multiLine().min(2).max(2000),
    })
    .superRefine((d, ctx) => {
      const adjusted = d.adjustments ?? [];
      if (d.decision === 'adjust' && adjusted.length === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['adjustments'],
          message: bilingual('调整时请至少给出一个分项的新分数', 'give the new score of at least one component'),
        });
      if (new Set(adjusted.map((a) => a.component)).size !== adjusted.length)
        ctx.addIssue({
          code: 'custom',
          path: ['adjustments'],
          message: bilingual('每个分项只能调整一次', 'each component can be adjusted once'),
        });
    }),
);
export type ObjectionDecisionSubmission = z.infer<typeof objectionDecisionSchema>;

/** Components adjusted that the manager did not object to (refused: the objection bounds the change). */
export function adjustmentsOutsideObjection(
  decision: ObjectionDecisionSubmission,
  objected: readonly string[],
): ObjectionComponent[] {
  return (decision.adjustments ?? []).map((a) => a.component).filter((c) => !objected.includes(c));
}

export type ComponentChange = {
  component: ObjectionComponent;
  from: number;
  to: number;
};

/**
 * The composite after the adjustments: the weighted components take their new scores,
 * an adjusted inspection score S means deductions of 100 − S (the same rule as scoring).
 */
export function adjustedComposite(
  weights: Record<WeightedComponent, number>,
  scores: ComponentScores,
  gathered: WeightedComponent[],
  deductions: number,
  adjustments: readonly ObjectionAdjustment[],
): { composite: number; scores: ComponentScores; deductions: number } {
  const next: ComponentScores = { ...scores };
  let nextDeductions = deductions;
  for (const a of adjustments) {
    if (a.component === 'inspection') nextDeductions = Math.max(0, 100 - a.score);
    else next[a.component] = a.score;
  }
  return {
    composite: compositeScore(weights, next, gathered, nextDeductions),
    scores: next,
    deductions: nextDeductions,
  };
}

/** Each adjustment as before → after, against the scores the result was published with. */
export function componentChanges(
  scores: ComponentScores,
  deductions: number,
  adjustments: readonly ObjectionAdjustment[],
): ComponentChange[] {
  return adjustments.map((a) => ({
    component: a.component,
    from: a.component === 'inspection' ? Math.max(0, 100 - deductions) : (scores[a.component] ?? 0),
    to: a.score,
  }));
}

// Objection rules (申诉): the 5-day window and the recomputed composite, with DOMAIN.md's weights.
import {
  adjustedComposite,
  adjustmentsOutsideObjection,
  componentChanges,
  objectionDecisionSchema,
  objectionDeadline,
  objectionWindowOpen,
} from '../../domain/objections';
import { defaultWeights } from '../../domain/templates';

test('the window is the publication day (Shanghai) plus 5 days, inclusive', () => {
  const published = new Date('2026-12-01T17:00:00Z'); // 2026-12-02 01:00 in Shanghai
  expect(objectionDeadline(published, 5)).toBe('2026-12-07');
  expect(objectionWindowOpen(published, new Date('2026-12-07T15:59:00Z'), 5)).toBe(true);
  expect(objectionWindowOpen(published, new Date('2026-12-07T16:00:00Z'), 5)).toBe(false);
});

test('an adjusted component recomputes the composite; the inspection as 100 − deductions', () => {
  const gathered = ['performance', 'customer', 'industry', 'selfEvaluation', 'marketingReview'] as const;
  const scores = { performance: 80, customer: 90, industry: 85, selfEvaluation: 88, marketingReview: 75 };
  // 40×80 + 20×90 + 10×85 + 10×88 + 20×75 = 8230 / 100 = 82.30, minus 5 deducted = 77.30
  expect(adjustedComposite(defaultWeights, scores, [...gathered], 5, []).composite).toBe(77.3);
  // performance 80 → 90 adds 4 points; the inspection 95 → 98 gives back 3
  const adjustments = [
    { component: 'performance' as const, score: 90 },
    { component: 'inspection' as const, score: 98 },
  ];
  expect(adjustedComposite(defaultWeights, scores, [...gathered], 5, adjustments)).toMatchObject({
    composite: 84.3,
    deductions: 2,
  });
  expect(componentChanges(scores, 5, adjustments)).toEqual([
    { component: 'performance', from: 80, to: 90 },
    { component: 'inspection', from: 95, to: 98 },
  ]);
});

test('a decision to adjust names at least one component, each once, and only those objected to', () => {
  expect(objectionDecisionSchema.safeParse({ decision: 'adjust', adjustments: [], reason: '调整' }).success).toBe(
    false,
  );
  expect(
    objectionDecisionSchema.safeParse({
      decision: 'adjust',
      adjustments: [
        { component: 'customer', score: 90 },
        { component: 'customer', score: 91 },
      ],
      reason: '调整',
    }).success,
  ).toBe(false);
  const d = objectionDecisionSchema.parse({
    decision: 'adjust',
    adjustments: [{ component: 'customer', score: 90 }],
    reason: '调整',
  });
  expect(adjustmentsOutsideObjection(d, ['customer'])).toEqual([]);
  expect(adjustmentsOutsideObjection(d, ['performance'])).toEqual(['customer']);
  expect(objectionDecisionSchema.safeParse({ decision: 'uphold', reason: '维持' }).success).toBe(true);
});

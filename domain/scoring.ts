// Scores (考评得分): inspection (督察) is 100 minus the deductions of failed check
// items; the composite is the template's weighted sum of the five evaluations with
// the inspection deductions applied on top. A component closed as missing counts 0.

import { roundHalfUp2 } from './rounding';

export const checkItemKinds = [
  'FIRST_LAST_CHECK_IN',
  'PHONE_SPOT_CHECK',
  'ON_SITE_CHECK',
  'VISIT_LOG_AND_HANDBOOK',
] as const;
export type CheckItemKind = (typeof checkItemKinds)[number];

export interface CheckItemResult {
  item: CheckItemKind;
  passed: boolean;
  deduction: number;
}

/** Total deduction of the failed check items (a passed item deducts nothing). */
export function inspectionDeductions(items: CheckItemResult[]): number {
  return roundHalfUp2(items.reduce((sum, i) => sum + (i.passed ? 0 : i.deduction), 0));
}

/** 100 minus deductions, never below 0. */
export function inspectionScore(items: CheckItemResult[]): number {
  return Math.max(0, roundHalfUp2(100 - inspectionDeductions(items)));
}

/** The weighted components of the composite, in the order of a template's weights. */
export const weightedComponents = [
  'performance',
  'customer',
  'industry',
  'selfEvaluation',
  'marketingReview',
  'skill',
  'supervisor',
  'peer',
] as const;
export type WeightedComponent = (typeof weightedComponents)[number];

/** Component scores 0–100; absent (or missing) components count 0. */
export type ComponentScores = Partial<Record<WeightedComponent, number>>;

/**
 * Σ weight × score / Σ weights of the components the cycle gathers (so a monthly cycle
 * gathering fewer evaluations is still out of 100), minus the inspection deductions,
 * never below 0.
 */
export function compositeScore(
  weights: Record<WeightedComponent, number>,
  scores: ComponentScores,
  gathered: WeightedComponent[],
  deductions = 0,
): number {
  const used = gathered.filter((c) => weights[c] > 0);
  const totalWeight = used.reduce((s, c) => s + weights[c], 0);
  if (totalWeight === 0) return Math.max(0, roundHalfUp2(100 - deductions));
  const weighted = used.reduce((s, c) => s + weights[c] * (scores[c] ?? 0), 0) / totalWeight;
  return Math.max(0, roundHalfUp2(weighted - deductions));
}

export interface CompositeLine {
  component: WeightedComponent;
  weight: number;
  /** The weight's share of the gathered weights (0–1). */
  share: number;
  score: number;
  /** share × score, the points this component adds to the composite. */
  points: number;
}

/**
 * The composite as a person checks it (得分说明): each gathered component's weight, share,
 * score and points, their sum, the inspection deductions and the result — the same
 * arithmetic as `compositeScore`, line by line.
 */
export function compositeBreakdown(
  weights: Record<WeightedComponent, number>,
  scores: ComponentScores,
  gathered: WeightedComponent[],
  deductions = 0,
): { lines: CompositeLine[]; weighted: number; deductions: number; composite: number } {
  const used = weightedComponents.filter((c) => gathered.includes(c) && weights[c] > 0);
  const totalWeight = used.reduce((s, c) => s + weights[c], 0);
  const lines = used.map((component) => {
    const share = weights[component] / totalWeight;
    const score = scores[component] ?? 0;
    return { component, weight: weights[component], share, score, points: roundHalfUp2(share * score) };
  });
  const weighted = totalWeight
    ? roundHalfUp2(used.reduce((s, c) => s + weights[c] * (scores[c] ?? 0), 0) / totalWeight)
    : 100;
  return { lines, weighted, deductions, composite: compositeScore(weights, scores, gathered, deductions) };
}

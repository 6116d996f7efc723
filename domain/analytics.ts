// City analytics (全市分析): the figures HR reads off a period's published results, as plain
// functions so the API computes them and the tests check them with the same numbers.
import { roundHalfUp2 } from './rounding';

export interface ScoreSummary {
  count: number;
  mean: number | null;
  min: number | null;
  /** Quartiles as Excel's QUARTILE.INC (linear between ranks), so HR's own sheet agrees. */
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
}

function quantile(sorted: number[], p: number): number {
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** The five numbers of a box plot and the mean, to 2 decimals; nulls for no scores. */
export function scoreSummary(scores: number[]): ScoreSummary {
  if (!scores.length) return { count: 0, mean: null, min: null, q1: null, median: null, q3: null, max: null };
  const sorted = [...scores].sort((a, b) => a - b);
  return {
    count: sorted.length,
    mean: roundHalfUp2(sorted.reduce((s, x) => s + x, 0) / sorted.length),
    min: sorted[0]!,
    q1: roundHalfUp2(quantile(sorted, 0.25)),
    median: roundHalfUp2(quantile(sorted, 0.5)),
    q3: roundHalfUp2(quantile(sorted, 0.75)),
    max: sorted[sorted.length - 1]!,
  };
}

/** Score bands of a distribution (分数段): below 60, then tens up to 100. */
export const scoreBands = ['<60', '60–70', '70–80', '80–90', '90–100'] as const;
export function scoreBandCounts(scores: number[]): number[] {
  const counts = scoreBands.map(() => 0);
  for (const s of scores) counts[s < 60 ? 0 : Math.min(4, Math.floor((s - 50) / 10))]!++;
  return counts;
}

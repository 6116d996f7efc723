// What a decider should look at twice (县级审核、市级审批): a composite far from the
// county's others, or a large move from the manager's previous period. Defaults below.
import { roundHalfUp2 } from './rounding';

export interface ScoreRow {
  id: string;
  score: number | null;
  previous: number | null;
}
export type OutlierReason = 'low' | 'high' | 'jump';

export const outlierDefaults = { deviations: 2, minCohort: 4, jumpPoints: 10 };

/** Each row's reasons to look twice: ≥ 2 standard deviations from the mean, or ≥ 10 points from last period. */
export function scoreOutliers(rows: ScoreRow[], settings = outlierDefaults): Map<string, OutlierReason[]> {
  const scores = rows.map((r) => r.score).filter((s): s is number => s !== null);
  const mean = scores.reduce((a, b) => a + b, 0) / Math.max(1, scores.length);
  const sd = Math.sqrt(scores.reduce((a, s) => a + (s - mean) ** 2, 0) / Math.max(1, scores.length));
  const out = new Map<string, OutlierReason[]>();
  for (const r of rows) {
    const reasons: OutlierReason[] = [];
    if (r.score !== null && scores.length >= settings.minCohort && sd > 0) {
      if (r.score <= mean - settings.deviations * sd) reasons.push('low');
      if (r.score >= mean + settings.deviations * sd) reasons.push('high');
    }
    if (r.score !== null && r.previous !== null && Math.abs(r.score - r.previous) >= settings.jumpPoints)
      reasons.push('jump');
    if (reasons.length) out.set(r.id, reasons);
  }
  return out;
}

/** The change from the previous period, to two decimals (null when either is missing). */
export function scoreChange(score: number | null, previous: number | null): number | null {
  return score === null || previous === null ? null : roundHalfUp2(score - previous);
}

// Marketing department review (营销部审核评价) with the month's KPIs (经营业绩):
// sales volume completion rate, order success rate (访销成功率), basic data maintenance.
import { z } from 'zod';
import { lazySchema } from './lazySchema';
import { roundHalfUp2 } from './rounding';
import { multiLine } from './text';

export const kpiNames = ['salesVolumeCompletion', 'orderSuccessRate', 'basicDataMaintenance'] as const;
export type KpiName = (typeof kpiNames)[number];

export const kpisSchema = lazySchema(() =>
  z.object({
    /** Percent of the sales volume target reached; may exceed 100. */
    salesVolumeCompletion: z.number().min(0).max(300),
    orderSuccessRate: z.number().min(0).max(100),
    basicDataMaintenance: z.number().min(0).max(100),
  }),
);
export type Kpis = z.infer<typeof kpisSchema>;

export const marketingReviewSchema = lazySchema(() =>
  z.object({
    kpis: kpisSchema,
    /** The department's review score, 0–100. */
    reviewScore: z.number().min(0).max(100),
    comment: multiLine().min(2).max(2000),
  }),
);
export type MarketingReview = z.infer<typeof marketingReviewSchema>;

export const defaultKpiWeights: Record<KpiName, number> = {
  salesVolumeCompletion: 50,
  orderSuccessRate: 30,
  basicDataMaintenance: 20,
};

/**
 * The business performance component (0–100): KPIs capped at 100, weighted. A template may add
 * the weekly sheets sent on time (一张纸按时提交率, in percent) as one more KPI with its weight.
 */
export function performanceScore(
  kpis: Kpis,
  weights: Record<KpiName, number> = defaultKpiWeights,
  sheets: { onTimeRate: number; weight: number } = { onTimeRate: 0, weight: 0 },
): number {
  const total = kpiNames.reduce((s, k) => s + weights[k], 0) + sheets.weight;
  if (total === 0) return 0;
  const kpiPoints = kpiNames.reduce((s, k) => s + weights[k] * Math.min(100, kpis[k]), 0);
  return roundHalfUp2((kpiPoints + sheets.weight * Math.min(100, sheets.onTimeRate)) / total);
}

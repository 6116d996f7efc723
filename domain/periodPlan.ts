// 三自定 (自定目标、自定计划、自定重点): at the start of a period each manager sets their own
// targets for the month's KPIs, a plan and the focus of their work. The self-assessment
// at the end reviews the period against it; the results set the targets beside what the
// marketing review recorded.
import { z } from 'zod';
import { kpiNames, kpisSchema, type KpiName, type Kpis } from './marketingReview';
import { multiLine, oneLine } from './text';

export const periodPlanSchema = z.object({
  /** The KPI levels the manager aims for, in percent (sales volume completion may exceed 100). */
  targets: kpisSchema,
  plan: multiLine().min(10).max(2000), // 自定计划
  focus: oneLine().min(2).max(1000), // 自定重点
});
export type PeriodPlan = z.infer<typeof periodPlanSchema>;

/**
 * The plan belongs to the start of the period: the manager may set and change it while
 * their evaluation's tasks are open and until they submit the self-assessment (a cycle
 * without one: until the evaluation is scored). After that it is the record.
 */
export function periodPlanEditable(evaluationStage: string, selfAssessmentStatus: string | null): boolean {
  if (evaluationStage !== 'TASKS_OPEN') return false;
  return selfAssessmentStatus === null || selfAssessmentStatus === 'OPEN';
}

export interface TargetOutcome {
  kpi: KpiName;
  target: number;
  actual: number | null;
  met: boolean | null;
}

/** Each KPI's target beside the actual figure of the marketing review (null until it is in). */
export function targetsAgainstActual(targets: Kpis, actual: Kpis | null): TargetOutcome[] {
  return kpiNames.map((kpi) => {
    const value = actual ? actual[kpi] : null;
    return { kpi, target: targets[kpi], actual: value, met: value === null ? null : value >= targets[kpi] };
  });
}

import { periodPlanEditable, periodPlanSchema, targetsAgainstActual } from '../../domain/periodPlan';

describe("三自定: the manager's own targets, plan and focus for the period", () => {
  const plan = {
    targets: { salesVolumeCompletion: 105, orderSuccessRate: 90, basicDataMaintenance: 95 },
    plan: '每周走访全部零售客户一次，月中复盘订货情况。',
    focus: '新品推介',
  };

  test('targets are the three KPIs in percent; plan and focus are required text', () => {
    expect(periodPlanSchema.parse(plan)).toEqual(plan);
    expect(periodPlanSchema.safeParse({ ...plan, targets: { ...plan.targets, orderSuccessRate: 101 } }).success).toBe(
      false,
    );
    expect(periodPlanSchema.safeParse({ ...plan, targets: { salesVolumeCompletion: 100 } }).success).toBe(false);
    expect(periodPlanSchema.safeParse({ ...plan, plan: '太短' }).success).toBe(false);
    expect(periodPlanSchema.safeParse({ ...plan, focus: ' ' }).success).toBe(false);
  });

  test('editable while the tasks are open and until the self-assessment is submitted', () => {
    expect(periodPlanEditable('TASKS_OPEN', 'OPEN')).toBe(true);
    expect(periodPlanEditable('TASKS_OPEN', null)).toBe(true); // a cycle without a self-assessment
    expect(periodPlanEditable('TASKS_OPEN', 'SUBMITTED')).toBe(false);
    expect(periodPlanEditable('TASKS_OPEN', 'CLOSED_MISSING')).toBe(false);
    expect(periodPlanEditable('SCORED', null)).toBe(false);
    expect(periodPlanEditable('PUBLISHED', 'SUBMITTED')).toBe(false);
  });

  test("targets beside the marketing review's figures: met when the actual reaches the target", () => {
    expect(targetsAgainstActual(plan.targets, null).map((o) => o.met)).toEqual([null, null, null]);
    expect(
      targetsAgainstActual(plan.targets, {
        salesVolumeCompletion: 108.5,
        orderSuccessRate: 90,
        basicDataMaintenance: 94,
      }),
    ).toEqual([
      { kpi: 'salesVolumeCompletion', target: 105, actual: 108.5, met: true },
      { kpi: 'orderSuccessRate', target: 90, actual: 90, met: true },
      { kpi: 'basicDataMaintenance', target: 95, actual: 94, met: false },
    ]);
  });
});

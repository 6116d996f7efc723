// The weekly one-sheet's rules (一张纸): the 5-item limit, what a submission must hold, the
// week's targets from the month's, last week's open problems, on time, the month's summary.
import {
  carriedProblems,
  monthOfWeek,
  sheetDraftBodySchema,
  sheetSubmissionSchema,
  submittedOnTime,
  summariseMonth,
  summariseMonths,
  targetGaps,
  weekTargets,
  weeksBelongingTo,
} from '../../domain/weeklySheet';
import { dueAtOf } from '../../domain/taskDeadlines';
import { performanceScore } from '../../domain/marketingReview';

const tick = (category: string, item: string) => ({ category, item, how: '逐户上门讲解' });
const five = [
  tick('SERVE_CUSTOMERS', 'KEY_CUSTOMER_VISITS'),
  tick('SERVE_CUSTOMERS', 'ORDERING_GUIDANCE'),
  tick('MARKET_ANALYSIS', 'PRICE_CHECK'),
  tick('INFORMATION_GATHERING', 'CUSTOMER_DATA'),
  tick('OTHER', 'TEMPORARY'),
];

test('at most 5 ticked tasks a week: the 6th is refused with the reason', () => {
  expect(sheetDraftBodySchema.safeParse({ ticked: five }).success).toBe(true);
  const six = sheetDraftBodySchema.safeParse({ ticked: [...five, tick('TERMINAL_BUILDING', 'DISPLAY')] });
  expect(six.success).toBe(false);
  expect(six.error!.issues[0]!.path).toEqual(['ticked']);
  expect(six.error!.issues[0]!.message).toContain('最多勾选 5 项');
  // An item of another category, or the same item twice, is refused too; 其他 may repeat.
  expect(sheetDraftBodySchema.safeParse({ ticked: [tick('SERVE_CUSTOMERS', 'DISPLAY')] }).success).toBe(false);
  expect(sheetDraftBodySchema.safeParse({ ticked: [five[0], five[0]] }).success).toBe(false);
  expect(sheetDraftBodySchema.safeParse({ ticked: [five[4], five[4]] }).success).toBe(true);
});

test('a submitted sheet holds its focus, at least one ticked task and the week’s main work', () => {
  const r = sheetSubmissionSchema.safeParse({});
  expect(r.success).toBe(false);
  expect(r.error!.issues.map((i) => i.path[0]).sort()).toEqual(['focus', 'mainWork', 'ticked']);
  expect(
    sheetSubmissionSchema.safeParse({ focus: '新品铺货', ticked: [five[0]], mainWork: '走访 45 户' }).success,
  ).toBe(true);
});

test('a week belongs to the month of its Thursday', () => {
  expect(monthOfWeek('2026-11-30')).toBe('2026-12'); // Mon 30 Nov – Sun 6 Dec, Thursday 3 Dec
  expect(monthOfWeek('2026-12-28')).toBe('2026-12'); // Thursday 31 Dec
  expect(weeksBelongingTo('2026-12')).toEqual(['2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28']);
});

test('the week’s targets: sales volume pro rata to the days gone, the rates as the month’s', () => {
  const month = { salesVolumeCompletion: 100, orderSuccessRate: 95, basicDataMaintenance: 98 };
  // December has 31 days; the week of 7 December ends on the 13th: 13/31 of 100% = 41.94%.
  expect(weekTargets(month, '2026-12-07')).toEqual({
    salesVolumeCompletion: 41.94,
    orderSuccessRate: 95,
    basicDataMaintenance: 98,
  });
  expect(weekTargets(month, '2026-12-28')!.salesVolumeCompletion).toBe(100); // ends 3 January: the whole month
  expect(weekTargets(null, '2026-12-07')).toBeNull();
  expect(targetGaps(weekTargets(month, '2026-12-07'), { salesVolumeCompletion: 40, orderSuccessRate: 96 })).toEqual([
    { kpi: 'salesVolumeCompletion', target: 41.94, actual: 40, gap: -1.94 },
    { kpi: 'orderSuccessRate', target: 95, actual: 96, gap: 1 },
    { kpi: 'basicDataMaintenance', target: 98, actual: null, gap: null },
  ]);
});

test('last week’s open problems come in on their own: unresolved, each once', () => {
  expect(
    carriedProblems({
      carriedIn: [
        { text: '城关两户断货', resolved: false },
        { text: '价格偏高', resolved: true },
      ],
      problems: [
        { text: '城关两户断货', resolved: false },
        { text: '新店未建档', resolved: false },
      ],
    }),
  ).toEqual([
    { text: '城关两户断货', resolved: false },
    { text: '新店未建档', resolved: false },
  ]);
  expect(carriedProblems(null)).toEqual([]);
});

test('on time is by the end of the Sunday (Shanghai); the month’s sheets summarise into the self-assessment', () => {
  const due = dueAtOf('2026-12-13');
  expect(submittedOnTime(new Date('2026-12-13T15:59:00Z'), due)).toBe(true); // 23:59 Sunday in Shanghai
  expect(submittedOnTime(new Date('2026-12-13T16:01:00Z'), due)).toBe(false);
  const sheet = (weekStart: string, onTime: boolean | null, mainWork: string) => ({
    weekStart,
    submittedAt: onTime === null ? null : new Date(),
    onTime,
    content: { mainWork } as never,
  });
  const m = summariseMonth('2026-12', [
    sheet('2026-11-30', true, '走访 45 户'),
    sheet('2026-12-07', false, '新品铺货 12 户'),
    sheet('2026-12-14', null, ''),
    sheet('2026-11-23', true, '上月的一周'),
  ]);
  expect(m).toEqual({
    weeks: 5,
    submitted: 2,
    onTime: 1,
    onTimeRate: 20,
    summary: '11-30：走访 45 户\n12-07：新品铺货 12 户',
  });
});

test('a quarter’s self-assessment reads its three months of sheets', () => {
  const sheet = (weekStart: string, mainWork: string) => ({
    weekStart,
    submittedAt: new Date(),
    onTime: true,
    content: { mainWork } as never,
  });
  const q = summariseMonths(
    ['2026-10', '2026-11', '2026-12'],
    [sheet('2026-10-05', '十月一周'), sheet('2026-12-07', '十二月一周')],
  );
  expect(q.weeks).toBe(14); // 5 + 4 + 5 weeks, each in the month of its Thursday
  expect(q).toMatchObject({ submitted: 2, onTime: 2, summary: '10-05：十月一周\n12-07：十二月一周' });
});

test('weekly sheets on time as a KPI: 100, 96, 90 (50/30/20) with half the weeks on time at weight 20 give 89', () => {
  const kpis = { salesVolumeCompletion: 104, orderSuccessRate: 96, basicDataMaintenance: 90 };
  const weights = { salesVolumeCompletion: 50, orderSuccessRate: 30, basicDataMaintenance: 20 };
  expect(performanceScore(kpis, weights)).toBe(96.8); // without the sheets (sales capped at 100)
  // (50×100 + 30×96 + 20×90 + 20×50) / 120 = 10680 / 120
  expect(performanceScore(kpis, weights, { onTimeRate: 50, weight: 20 })).toBe(89);
  expect(performanceScore(kpis, weights, { onTimeRate: 50, weight: 0 })).toBe(96.8);
});

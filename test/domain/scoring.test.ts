import { supervisorScore } from '../../domain/taskKinds/supervisorReview';
import { roundHalfUp2 } from '../../domain/rounding';
import { compositeBreakdown, compositeScore, inspectionScore } from '../../domain/scoring';
import { bottomRankFlags, monthlyStars, rankCohort, starMoves } from '../../domain/ranking';
import { defaultTemplateConfig, defaultWeights } from '../../domain/templates';

describe('inspection (督察): 100 minus deductions per failed check item', () => {
  test('two failed items of 5 and 3 points give 92', () => {
    expect(
      inspectionScore([
        { item: 'FIRST_LAST_CHECK_IN', passed: false, deduction: 5 },
        { item: 'PHONE_SPOT_CHECK', passed: true, deduction: 4 },
        { item: 'ON_SITE_CHECK', passed: false, deduction: 3 },
        { item: 'VISIT_LOG_AND_HANDBOOK', passed: true, deduction: 0 },
      ]),
    ).toBe(92);
  });
  test('never below 0', () => {
    expect(inspectionScore([{ item: 'ON_SITE_CHECK', passed: false, deduction: 120 }])).toBe(0);
  });
});

describe('composite (综合得分): weights 40/20/10/10/20, inspection deductions on top', () => {
  const all = ['performance', 'customer', 'industry', 'selfEvaluation', 'marketingReview'] as const;
  test('a quarterly cycle with all five evaluations', () => {
    const scores = { performance: 90, customer: 95, industry: 80, selfEvaluation: 85, marketingReview: 88 };
    // 0.4·90 + 0.2·95 + 0.1·80 + 0.1·85 + 0.2·88 = 36 + 19 + 8 + 8.5 + 17.6 = 89.1
    expect(compositeScore(defaultWeights, scores, [...all])).toBe(89.1);
    expect(compositeScore(defaultWeights, scores, [...all], 8)).toBe(81.1);
  });
  test('a missing component counts 0', () => {
    expect(
      compositeScore(defaultWeights, { performance: 90, customer: 95, industry: 80, marketingReview: 88 }, [...all]),
    ).toBe(80.6);
  });
  test('a monthly cycle gathering performance, self-evaluation and marketing review is scored out of 100 by their weights', () => {
    // (40·90 + 10·85 + 20·88) / 70 = 6210 / 70 = 88.714… → 88.71
    expect(
      compositeScore(defaultWeights, { performance: 90, selfEvaluation: 85, marketingReview: 88 }, [
        'performance',
        'selfEvaluation',
        'marketingReview',
      ]),
    ).toBe(88.71);
  });
  test('half up to 2 decimals', () => {
    expect(roundHalfUp2(85.005)).toBe(85.01);
    expect(roundHalfUp2(85.004)).toBe(85);
  });
});

const cohort = (scores: number[]) =>
  rankCohort(scores.map((score, i) => ({ managerId: `m${String(i + 1).padStart(2, '0')}`, score })));

describe('ranking per cohort', () => {
  test('ties share a rank', () => {
    const r = cohort([90, 95, 90, 70]);
    expect(r.map((x) => [x.managerId, x.rank, x.rankFromBottom])).toEqual([
      ['m02', 1, 4],
      ['m01', 2, 2],
      ['m03', 2, 2],
      ['m04', 4, 1],
    ]);
  });
  test('the monthly star is the top of the cohort; on a tie, all of them', () => {
    expect(monthlyStars(cohort([90, 95, 80]))).toEqual(['m02']);
    expect(monthlyStars(cohort([95, 95, 80]))).toEqual(['m01', 'm02']);
  });
});

describe('quarterly star rating: top 20% +1, bottom 10% −1, within 1–5', () => {
  test('a county of 23: the top 5 (4.6 → 5) go up, the bottom 2 (2.3 → 2) go down', () => {
    const r = cohort(Array.from({ length: 23 }, (_, i) => 100 - i));
    const current = Object.fromEntries(r.map((x) => [x.managerId, 3]));
    const moves = starMoves(r, current);
    expect(moves.filter((m) => m.to === 4).map((m) => m.managerId)).toEqual(['m01', 'm02', 'm03', 'm04', 'm05']);
    expect(moves.filter((m) => m.to === 2).map((m) => m.managerId)).toEqual(['m22', 'm23']);
  });
  test("the shares are the template's to set: top 50% up, bottom 25% down in a cohort of 4", () => {
    const r = cohort([90, 80, 70, 60]);
    const current = Object.fromEntries(r.map((x) => [x.managerId, 3]));
    expect(
      starMoves(r, current, { topShare: 0.5, bottomShare: 0.25, min: 1, max: 5 }).map((m) => [m.managerId, m.to]),
    ).toEqual([
      ['m01', 4],
      ['m02', 4],
      ['m04', 2],
    ]);
    expect(defaultTemplateConfig('QUARTERLY').starMoves).toEqual({ topShare: 0.2, bottomShare: 0.1 });
  });
  test('5 stars stay 5; 1 star stays 1', () => {
    const r = cohort(Array.from({ length: 10 }, (_, i) => 100 - i));
    const current = Object.fromEntries(r.map((x, i) => [x.managerId, i < 2 ? 5 : i === 9 ? 1 : 3]));
    expect(starMoves(r, current)).toEqual([]);
  });
});

describe('bottom-ranking (末位淘汰)', () => {
  const month = (period: string, bottom: Record<string, number>) => ({ period, rankFromBottom: bottom });
  test('bottom 2 in 2 consecutive months is flagged', () => {
    const history = [month('2026-03', { a: 2, b: 5 }), month('2026-04', { a: 1, b: 2 })];
    expect(bottomRankFlags(history, '2026-04')).toEqual([{ managerId: 'a', rules: ['consecutive'] }]);
  });
  test('consecutive across a year end: December then January', () => {
    expect(bottomRankFlags([month('2025-12', { a: 1 }), month('2026-01', { a: 2 })], '2026-01')).toEqual([
      { managerId: 'a', rules: ['consecutive'] },
    ]);
  });
  test('bottom 2 in two months that are not consecutive is not', () => {
    expect(
      bottomRankFlags([month('2026-02', { a: 1 }), month('2026-03', { a: 6 }), month('2026-04', { a: 1 })], '2026-04'),
    ).toEqual([]);
  });
  test('bottom 3 three times within a calendar year is flagged, the third time', () => {
    const history = [
      month('2026-01', { a: 3 }),
      month('2026-02', { a: 8 }),
      month('2026-05', { a: 3 }),
      month('2026-06', { a: 7 }),
      month('2026-09', { a: 3 }),
    ];
    expect(bottomRankFlags(history, '2026-05')).toEqual([]);
    expect(bottomRankFlags(history, '2026-09')).toEqual([{ managerId: 'a', rules: ['yearly'] }]);
  });
  test('times in the previous year do not count', () => {
    const history = [
      month('2025-11', { a: 3 }),
      month('2025-12', { a: 9 }),
      month('2026-01', { a: 3 }),
      month('2026-03', { a: 3 }),
    ];
    expect(bottomRankFlags(history, '2026-03')).toEqual([]);
  });
});

describe('the composite, line by line (得分说明)', () => {
  test('a monthly cycle gathering performance, self-evaluation and the marketing review: 87.74', () => {
    const weights = {
      performance: 40,
      customer: 20,
      industry: 10,
      selfEvaluation: 10,
      marketingReview: 20,
      skill: 0,
      supervisor: 0,
      peer: 0,
    };
    const b = compositeBreakdown(
      weights,
      { performance: 96.8, selfEvaluation: 85, marketingReview: 88.5 },
      ['performance', 'selfEvaluation', 'marketingReview'],
      5,
    );
    expect(b.lines.map((l) => [l.component, l.weight, Math.round(l.share * 1000) / 1000, l.score, l.points])).toEqual([
      ['performance', 40, 0.571, 96.8, 55.31],
      ['selfEvaluation', 10, 0.143, 85, 12.14],
      ['marketingReview', 20, 0.286, 88.5, 25.29],
    ]);
    // (40·96.8 + 10·85 + 20·88.5) / 70 = 92.74; minus the 5 points of a failed check item.
    expect([b.weighted, b.deductions, b.composite]).toEqual([92.74, 5, 87.74]);
  });
});

test('the supervisor review (上级考评) is the mean of its four items', () => {
  expect(supervisorScore({ attitude: 80, execution: 84, teamwork: 88, competence: 92 })).toBe(86);
  expect(supervisorScore({ attitude: 85, execution: 86, teamwork: 86, competence: 86 })).toBe(85.75);
});

import { scoreBandCounts, scoreSummary } from '../../domain/analytics';
import { bottomRankWatch, monthsEndingAt, nextMonth } from '../../domain/ranking';

describe('score summary (分数分布)', () => {
  test('five numbers and the mean as Excel computes them', () => {
    // QUARTILE.INC({78, 82.5, 85, 90, 96}) = 82.5, 85, 90; mean 86.3.
    expect(scoreSummary([90, 78, 96, 85, 82.5])).toEqual({
      count: 5,
      mean: 86.3,
      min: 78,
      q1: 82.5,
      median: 85,
      q3: 90,
      max: 96,
    });
    // Between ranks: {80, 84, 88, 92} → Q1 83, median 86, Q3 89.
    expect(scoreSummary([92, 80, 88, 84])).toMatchObject({ q1: 83, median: 86, q3: 89, mean: 86 });
  });
  test('no scores, no numbers', () => {
    expect(scoreSummary([])).toEqual({ count: 0, mean: null, min: null, q1: null, median: null, q3: null, max: null });
  });
  test('bands: below 60, then tens; 100 in the top band', () => {
    expect(scoreBandCounts([59.99, 60, 69.5, 75, 89.99, 90, 100])).toEqual([1, 2, 1, 1, 2]);
  });
});

describe('bottom-ranking watch list (末位预警)', () => {
  const month = (period: string, bottom: Record<string, number>) => ({ period, rankFromBottom: bottom });
  test('month arithmetic across a year end', () => {
    expect(monthsEndingAt('2026-01', 3)).toEqual(['2026-01', '2025-12', '2025-11']);
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-09')).toBe('2026-10');
  });
  test('bottom 2 this month: bottom 2 again next month flags (2 consecutive months)', () => {
    const watch = bottomRankWatch([month('2026-10', { a: 1, b: 2, c: 3, d: 4 })], '2026-10');
    expect(watch).toEqual([
      { managerId: 'a', nextPeriod: '2026-11', risks: [{ rule: 'consecutive', bottom: 2 }] },
      { managerId: 'b', nextPeriod: '2026-11', risks: [{ rule: 'consecutive', bottom: 2 }] },
    ]);
  });
  test('bottom 3 twice this year: a third time flags; both rules at once', () => {
    const history = [
      month('2026-03', { a: 3, b: 3 }),
      month('2026-07', { a: 5, b: 6 }),
      month('2026-08', { a: 2, b: 3 }),
    ];
    expect(bottomRankWatch(history, '2026-08')).toEqual([
      {
        managerId: 'a',
        nextPeriod: '2026-09',
        risks: [
          { rule: 'consecutive', bottom: 2 },
          { rule: 'yearly', bottom: 3, times: 2 },
        ],
      },
      { managerId: 'b', nextPeriod: '2026-09', risks: [{ rule: 'yearly', bottom: 3, times: 2 }] },
    ]);
  });
  test('once in the bottom 3 and then safe: not on the list', () => {
    expect(bottomRankWatch([month('2026-05', { a: 3 }), month('2026-06', { a: 7 })], '2026-06')).toEqual([]);
  });
  test('after December the yearly count starts again; the consecutive rule crosses the year', () => {
    const history = [month('2026-02', { a: 3 }), month('2026-06', { a: 3 }), month('2026-12', { a: 2 })];
    expect(bottomRankWatch(history, '2026-12')).toEqual([
      { managerId: 'a', nextPeriod: '2027-01', risks: [{ rule: 'consecutive', bottom: 2 }] },
    ]);
  });
  test('a stricter template: bottom 1 for 3 months', () => {
    const policy = { consecutiveBottom: 1, consecutiveMonths: 3, yearlyBottom: 3, yearlyTimes: 4 };
    const history = [month('2026-04', { a: 1, b: 1 }), month('2026-05', { a: 1, b: 2 })];
    expect(bottomRankWatch(history, '2026-05', policy)).toEqual([
      { managerId: 'a', nextPeriod: '2026-06', risks: [{ rule: 'consecutive', bottom: 1 }] },
    ]);
  });
});

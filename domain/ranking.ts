// Rankings per cohort (排名): the county by default, or the whole city. Ties share a
// rank (1, 2, 2, 4). Monthly star (每月之星), quarterly star-rating moves (星级升降)
// and bottom-ranking flags (末位淘汰) follow from it.
import { roundHalfUp } from './rounding';

export interface Scored {
  managerId: string;
  score: number;
}
export interface Ranked extends Scored {
  rank: number;
  /** 1 = last; ties share */ rankFromBottom: number;
  cohortSize: number;
}

export function rankCohort(members: Scored[]): Ranked[] {
  const sorted = [...members].sort((a, b) => b.score - a.score || a.managerId.localeCompare(b.managerId));
  const n = sorted.length;
  return sorted.map((m) => ({
    ...m,
    rank: 1 + sorted.filter((o) => o.score > m.score).length,
    rankFromBottom: 1 + sorted.filter((o) => o.score < m.score).length,
    cohortSize: n,
  }));
}

/** The monthly star: the top-ranked manager(s) of the cohort (all of them on a tie). */
export function monthlyStars(ranked: Ranked[]): string[] {
  return ranked.filter((r) => r.rank === 1).map((r) => r.managerId);
}

export interface StarMovePolicy {
  topShare: number;
  bottomShare: number;
  min: number;
  max: number;
}
export const defaultStarMovePolicy: StarMovePolicy = { topShare: 0.2, bottomShare: 0.1, min: 1, max: 5 };

/**
 * Quarterly star rating moves: the top `topShare` of the cohort (count rounded half up)
 * go up one star, the bottom `bottomShare` down one, within 1–5. A tie at the edge
 * takes in everyone tied.
 */
export function starMoves(
  ranked: Ranked[],
  current: Record<string, number>,
  policy: StarMovePolicy = defaultStarMovePolicy,
): Array<{ managerId: string; from: number; to: number }> {
  const n = ranked.length;
  const up = roundHalfUp(n * policy.topShare);
  const down = roundHalfUp(n * policy.bottomShare);
  const moves: Array<{ managerId: string; from: number; to: number }> = [];
  for (const r of ranked) {
    const from = current[r.managerId] ?? policy.min;
    let to = from;
    if (up > 0 && r.rank <= up) to = Math.min(policy.max, from + 1);
    else if (down > 0 && r.rankFromBottom <= down) to = Math.max(policy.min, from - 1);
    if (to !== from) moves.push({ managerId: r.managerId, from, to });
  }
  return moves;
}

/** A month's bottom positions: managerId → rank from the bottom. */
export type MonthlyBottom = { period: string; rankFromBottom: Record<string, number> };

export interface BottomRankPolicy {
  consecutiveBottom: number;
  consecutiveMonths: number;
  yearlyBottom: number;
  yearlyTimes: number;
}
export const defaultBottomRankPolicy: BottomRankPolicy = {
  consecutiveBottom: 2,
  consecutiveMonths: 2,
  yearlyBottom: 3,
  yearlyTimes: 3,
};

export type BottomRankRule = 'consecutive' | 'yearly';

/**
 * 末位淘汰 flags for `period` (YYYY-MM), from the monthly rankings up to and including it:
 * bottom 2 of the cohort in 2 consecutive months, or bottom 3 three times within the
 * calendar year. The engine only flags; HR decides and the city approves.
 */
export function bottomRankFlags(
  history: MonthlyBottom[],
  period: string,
  policy: BottomRankPolicy = defaultBottomRankPolicy,
): Array<{ managerId: string; rules: BottomRankRule[] }> {
  const byPeriod = new Map(history.map((h) => [h.period, h.rankFromBottom]));
  const current = byPeriod.get(period);
  if (!current) return [];
  const year = period.slice(0, 4);
  const flags: Array<{ managerId: string; rules: BottomRankRule[] }> = [];
  for (const managerId of Object.keys(current)) {
    const rules: BottomRankRule[] = [];
    const run = monthsEndingAt(period, policy.consecutiveMonths);
    if (run.every((p) => (byPeriod.get(p)?.[managerId] ?? Infinity) <= policy.consecutiveBottom))
      rules.push('consecutive');
    const times = history.filter(
      (h) =>
        h.period.startsWith(`${year}-`) &&
        h.period <= period &&
        (h.rankFromBottom[managerId] ?? Infinity) <= policy.yearlyBottom,
    ).length;
    if ((current[managerId] ?? Infinity) <= policy.yearlyBottom && times >= policy.yearlyTimes) rules.push('yearly');
    if (rules.length) flags.push({ managerId, rules });
  }
  return flags;
}

/** `k` months ending at `period` (YYYY-MM), newest first: 2026-01, 2 → [2026-01, 2025-12]. */
export function monthsEndingAt(period: string, k: number): string[] {
  const out: string[] = [];
  let [y, m] = period.split('-').map(Number) as [number, number];
  for (let i = 0; i < k; i++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

/** The month after `period` (YYYY-MM). */
export function nextMonth(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** What would flag a manager next month: a rule and the bottom place that triggers it. */
export interface WatchRisk {
  rule: BottomRankRule;
  /** Flagged if next month's rank from the bottom is at most this. */
  bottom: number;
  /** The yearly rule: times in the bottom so far this year (the next one is the last). */
  times?: number;
}

/**
 * The bottom-ranking watch list (末位预警) after `period`: the managers one bad month from a
 * flag (末位淘汰), found by asking bottomRankFlags what next month would say if each of them
 * ranked last. Next month in January starts a new year for the yearly rule.
 */
export function bottomRankWatch(
  history: MonthlyBottom[],
  period: string,
  policy: BottomRankPolicy = defaultBottomRankPolicy,
): Array<{ managerId: string; nextPeriod: string; risks: WatchRisk[] }> {
  const next = nextMonth(period);
  const managers = new Set(history.filter((h) => h.period <= period).flatMap((h) => Object.keys(h.rankFromBottom)));
  const earlier = history.filter((h) => h.period <= period);
  const out: Array<{ managerId: string; nextPeriod: string; risks: WatchRisk[] }> = [];
  for (const managerId of [...managers].sort()) {
    const risks: WatchRisk[] = [];
    for (const [rule, bottom] of [
      ['consecutive', policy.consecutiveBottom],
      ['yearly', policy.yearlyBottom],
    ] as const) {
      const flags = bottomRankFlags(
        [...earlier, { period: next, rankFromBottom: { [managerId]: bottom } }],
        next,
        policy,
      );
      if (!flags.some((f) => f.rules.includes(rule))) continue;
      const times = earlier.filter(
        (h) =>
          h.period.startsWith(next.slice(0, 5)) && (h.rankFromBottom[managerId] ?? Infinity) <= policy.yearlyBottom,
      ).length;
      risks.push(rule === 'yearly' ? { rule, bottom, times } : { rule, bottom });
    }
    if (risks.length) out.push({ managerId, nextPeriod: next, risks });
  }
  return out;
}

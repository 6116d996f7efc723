// City analytics (全市分析): a period's published results across the counties, the trend over
// earlier periods, managers' trajectories and the bottom-ranking watch list (末位预警). Read
// from the database; the figures come from domain/analytics and domain/ranking.
import { Router } from 'express';
import { z } from 'zod';
import { scoreBandCounts, scoreSummary } from '../../domain/analytics';
import { cycleTypeSchema, isValidPeriod } from '../../domain/cycles';
import { bilingual } from '../../domain/issueText';
import { bottomRankWatch, defaultBottomRankPolicy, monthsEndingAt, type MonthlyBottom } from '../../domain/ranking';
import { analyticsReaders } from '../../domain/roles';
import type { PrismaClient } from '../../generated/prisma/client';
import { actorOf, authenticate, countiesInScope } from '../auth';
import type { ApiContext } from '../context';
import { parseInput, problems, requestLanguage } from '../problems';

const analyticsText = { 'zh-CN': '全市分析', en: 'City analytics' };
/** How many earlier periods the trend goes back (a year of months, three years of quarters). */
const trendLength = 12;

export const cityAnalyticsQuery = z
  .object({
    type: cycleTypeSchema.default('MONTHLY'),
    period: z.string().max(10).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.period !== undefined && !isValidPeriod(v.type, v.period))
      ctx.addIssue({
        code: 'custom',
        path: ['period'],
        message: bilingual('周期格式不对', 'not a period of this type'),
      });
  });

export const trajectoryQuery = z.object({
  type: cycleTypeSchema.default('MONTHLY'),
  /** Comma-separated, at most 10 (a chart with more lines is not read). */
  managerIds: z
    .string()
    .max(400)
    .transform((s) => [...new Set(s.split(',').filter(Boolean))])
    .pipe(z.array(z.uuid()).min(1).max(10)),
  last: z.coerce.number().int().min(2).max(36).default(12),
});

type Scope = 'all' | string[];
const inScope = (scope: Scope) => (scope === 'all' ? {} : { countyId: { in: scope } });

/** Periods of a type with published results in scope, newest first. */
async function publishedPeriods(prisma: PrismaClient, type: string, scope: Scope, take: number) {
  const rows = await prisma.cycle.findMany({
    where: { type: type as never, evaluations: { some: { stage: 'PUBLISHED', ...inScope(scope) } } },
    select: { period: true },
    distinct: ['period'],
    orderBy: { period: 'desc' },
    take,
  });
  return rows.map((r) => r.period);
}

async function countyDistribution(prisma: PrismaClient, type: string, period: string, scope: Scope) {
  const evaluations = await prisma.evaluation.findMany({
    where: {
      stage: 'PUBLISHED',
      compositeScore: { not: null },
      cycle: { type: type as never, period },
      ...inScope(scope),
    },
    select: { countyId: true, compositeScore: true },
  });
  const byCounty = new Map<string, number[]>();
  for (const e of evaluations) {
    const list = byCounty.get(e.countyId) ?? [];
    list.push(Number(e.compositeScore));
    byCounty.set(e.countyId, list);
  }
  const all = evaluations.map((e) => Number(e.compositeScore));
  return {
    city: { ...scoreSummary(all), bands: scoreBandCounts(all) },
    counties: [...byCounty].map(([countyId, scores]) => ({
      countyId,
      ...scoreSummary(scores),
      bands: scoreBandCounts(scores),
    })),
  };
}

/** Each county's mean per period over the trend's periods (oldest first), from one grouped query. */
async function countyTrend(prisma: PrismaClient, type: string, periods: string[], scope: Scope) {
  const cycles = await prisma.cycle.findMany({
    where: { type: type as never, period: { in: periods } },
    select: { id: true, period: true },
  });
  const periodOf = new Map(cycles.map((c) => [c.id, c.period]));
  const groups = await prisma.evaluation.groupBy({
    by: ['countyId', 'cycleId'],
    where: { stage: 'PUBLISHED', cycleId: { in: cycles.map((c) => c.id) }, ...inScope(scope) },
    _avg: { compositeScore: true },
    _count: { compositeScore: true },
  });
  // A city-wide cycle and a county's own cycle of the same period both count: weigh by size.
  const sums = new Map<string, { sum: number; n: number }>();
  for (const g of groups) {
    const key = `${g.countyId}/${periodOf.get(g.cycleId)}`;
    const s = sums.get(key) ?? { sum: 0, n: 0 };
    s.sum += Number(g._avg.compositeScore ?? 0) * g._count.compositeScore;
    s.n += g._count.compositeScore;
    sums.set(key, s);
  }
  const ordered = [...periods].sort();
  const countyIds = [...new Set(groups.map((g) => g.countyId))];
  return {
    periods: ordered,
    counties: countyIds.map((countyId) => ({
      countyId,
      means: ordered.map((p) => {
        const s = sums.get(`${countyId}/${p}`);
        return s && s.n ? Math.round((100 * s.sum) / s.n) / 100 : null;
      }),
    })),
  };
}

/**
 * The managers one bad month from a 末位淘汰 flag after `period`: their monthly ranks from the
 * bottom this calendar year and the months the consecutive rule looks back over.
 */
async function watchList(prisma: PrismaClient, period: string, scope: Scope) {
  const policy = defaultBottomRankPolicy;
  const back = monthsEndingAt(period, Math.max(1, policy.consecutiveMonths - 1));
  const evaluations = await prisma.evaluation.findMany({
    where: {
      stage: 'PUBLISHED',
      rankFromBottom: { not: null },
      manager: { active: true },
      cycle: {
        type: 'MONTHLY',
        OR: [{ period: { in: back } }, { period: { gte: `${period.slice(0, 4)}-01`, lte: period } }],
      },
      ...inScope(scope),
    },
    select: {
      managerId: true,
      rankFromBottom: true,
      cohortSize: true,
      cycle: { select: { period: true } },
    },
  });
  const history = new Map<string, MonthlyBottom>();
  for (const e of evaluations) {
    const month = history.get(e.cycle.period) ?? { period: e.cycle.period, rankFromBottom: {} };
    month.rankFromBottom[e.managerId] = e.rankFromBottom!;
    history.set(e.cycle.period, month);
  }
  const watch = bottomRankWatch([...history.values()], period, policy);
  const [managers, flags] = await Promise.all([
    prisma.manager.findMany({
      where: { id: { in: watch.map((w) => w.managerId) } },
      select: { id: true, name: true, employeeNo: true, countyId: true, employment: true },
    }),
    prisma.bottomRankFlag.findMany({
      where: { period, liftedAt: null, managerId: { in: watch.map((w) => w.managerId) } },
      select: { managerId: true },
    }),
  ]);
  const flaggedNow = new Set(flags.map((f) => f.managerId));
  const managerById = new Map(managers.map((m) => [m.id, m]));
  const monthsOf = new Map<string, typeof evaluations>();
  for (const e of evaluations) monthsOf.set(e.managerId, [...(monthsOf.get(e.managerId) ?? []), e]);
  return watch
    .filter((w) => managerById.has(w.managerId))
    .map((w) => {
      const mine = (monthsOf.get(w.managerId) ?? []).sort((a, b) => a.cycle.period.localeCompare(b.cycle.period));
      return {
        ...w,
        manager: managerById.get(w.managerId)!,
        months: mine.map((e) => ({
          period: e.cycle.period,
          rankFromBottom: e.rankFromBottom!,
          cohortSize: e.cohortSize,
        })),
        /** Already flagged (末位淘汰) this month: a case is open or decided. */
        flaggedNow: flaggedNow.has(w.managerId),
      };
    })
    .sort(
      (a, b) =>
        (a.months.at(-1)?.rankFromBottom ?? 99) - (b.months.at(-1)?.rankFromBottom ?? 99) ||
        a.manager.employeeNo.localeCompare(b.manager.employeeNo),
    );
}

export function analyticsRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.use('/analytics', authenticate(ctx.prisma));

  const scopeOf = async (req: Parameters<typeof actorOf>[0]) => {
    const scope = await countiesInScope(ctx.prisma, actorOf(req), analyticsReaders);
    if (scope !== 'all' && scope.length === 0) throw problems.forbidden(analyticsText);
    return scope;
  };

  router.get('/analytics/city', async (req, res) => {
    const query = parseInput(cityAnalyticsQuery, req.query, 'query', requestLanguage(req));
    const scope = await scopeOf(req);
    const [periods, counties, lastMonth] = await Promise.all([
      publishedPeriods(ctx.prisma, query.type, scope, 36),
      ctx.prisma.orgUnit.findMany({
        where: { kind: 'COUNTY', ...(scope === 'all' ? {} : { id: { in: scope } }) },
        select: { id: true, code: true, name: true, nameEn: true },
        orderBy: { code: 'asc' },
      }),
      query.type === 'MONTHLY' ? Promise.resolve([]) : publishedPeriods(ctx.prisma, 'MONTHLY', scope, 1),
    ]);
    const period = query.period ?? periods[0] ?? null;
    if (!period) return void res.json({ type: query.type, period: null, periods, counties, distribution: null });
    const trendPeriods = periods.filter((p) => p <= period).slice(0, trendLength);
    if (!trendPeriods.includes(period)) trendPeriods.unshift(period);
    // The watch list follows the monthly rankings: this month, or the latest one on other pages.
    const watchPeriod = query.type === 'MONTHLY' ? period : (lastMonth[0] ?? null);
    const [distribution, trend, watch] = await Promise.all([
      countyDistribution(ctx.prisma, query.type, period, scope),
      countyTrend(ctx.prisma, query.type, trendPeriods, scope),
      watchPeriod ? watchList(ctx.prisma, watchPeriod, scope) : Promise.resolve([]),
    ]);
    res.json({
      type: query.type,
      period,
      periods,
      counties,
      distribution,
      trend,
      watch: { period: watchPeriod, policy: defaultBottomRankPolicy, managers: watch },
    });
  });

  /** Managers' trajectories (成绩轨迹): score and rank per published period, oldest first. */
  router.get('/analytics/trajectories', async (req, res) => {
    const query = parseInput(trajectoryQuery, req.query, 'query', requestLanguage(req));
    const scope = await scopeOf(req);
    const managers = await ctx.prisma.manager.findMany({
      where: { id: { in: query.managerIds } },
      select: { id: true, name: true, employeeNo: true, countyId: true },
    });
    if (managers.length < query.managerIds.length) throw problems.notFound({ 'zh-CN': '客户经理', en: 'Manager' });
    if (scope !== 'all' && managers.some((m) => !scope.includes(m.countyId))) throw problems.forbidden(analyticsText);
    const periods = (await publishedPeriods(ctx.prisma, query.type, scope, query.last)).sort();
    const evaluations = await ctx.prisma.evaluation.findMany({
      where: {
        managerId: { in: query.managerIds },
        stage: 'PUBLISHED',
        cycle: { type: query.type, period: { in: periods } },
      },
      select: {
        managerId: true,
        compositeScore: true,
        rank: true,
        cohortSize: true,
        flagged: true,
        cycle: { select: { period: true } },
      },
    });
    res.json({
      type: query.type,
      periods,
      managers: managers.map((m) => ({
        ...m,
        points: periods.map((p) => {
          const e = evaluations.find((x) => x.managerId === m.id && x.cycle.period === p);
          return {
            period: p,
            compositeScore: e?.compositeScore == null ? null : Number(e.compositeScore),
            rank: e?.rank ?? null,
            cohortSize: e?.cohortSize ?? null,
            flagged: e?.flagged ?? false,
          };
        }),
      })),
    });
  });

  return router;
}

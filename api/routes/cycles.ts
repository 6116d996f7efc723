// HR opens cycles and watches them; every change goes through Temporal.
import { Router, type Request } from 'express';
import { z } from 'zod';
import { cycleTypeSchema, isValidPeriod, periodExamples } from '../../domain/cycles';
import { startWorkflowOnce } from '../../workflows/client/startOnce';
import { openCycleWorkflowId } from '../../workflows/openCycle.messages';
import { openCycleWorkflow } from '../../workflows/openCycle';
import { actorOf, authenticate, countiesInScope, hasRole } from '../auth';
import type { ApiContext } from '../context';
import { Prisma } from '../../generated/prisma/client';
import { exportFormat, sendTable } from '../exports';
import { findOr404, parseInput, problems, requestLanguage } from '../problems';
import { evaluationReaders } from '../../domain/roles';
import { oneLine } from '../../domain/text';
import { bilingual } from '../../domain/issueText';

import { resultWithin } from '../workflowUpdates';
import { openIncidentCount } from './incidents';
import { resultsTable, type RankedRow } from '../resultsExport';
import { loadResultSheets, resultSheetQuery, sendResultSheets } from '../resultSheet';
import { cycleLabel } from '../../domain/notifications';
import { reassignable, taskKinds } from '../../domain/taskKinds';

export const openCycleBody = z
  .object({
    type: cycleTypeSchema,
    period: oneLine(),
    /** The county the cycle covers; omitted: the whole city. */
    countyId: z.uuid().optional(),
  })
  .superRefine((v, ctx) => {
    if (!isValidPeriod(v.type, v.period))
      ctx.addIssue({
        code: 'custom',
        path: ['period'],
        message: bilingual(`应形如 ${periodExamples[v.type]}`, `expected like ${periodExamples[v.type]}`),
      });
  });

const cycleIdParams = z.object({ id: z.string() });
export const resultsQuery = z.object({ format: exportFormat });
export const cycleListQuery = z.object({
  status: z.enum(['OPENING', 'OPEN', 'EVALUATIONS_COMPLETE', 'CLOSED']).optional(),
  type: cycleTypeSchema.optional(),
});

const cycleText = { 'zh-CN': '考评周期', en: 'Cycle' };
const countyText = { 'zh-CN': '县区', en: 'County' };
export const sheetsQuery = resultSheetQuery.extend({ countyId: z.string().max(64).optional() });

/** Who has not submitted yet (未提交名单): the cycle's open tasks, by kind, county and lateness. */
export const outstandingQuery = z.object({
  kind: z.enum(taskKinds).optional(),
  countyId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Manager's name or employee number, or the assignee's name. */
  q: oneLine().max(50).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export function cycleRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.use('/cycles', authenticate(ctx.prisma));

  router.post('/cycles', async (req, res) => {
    const actor = actorOf(req);
    const lang = requestLanguage(req);
    if (!hasRole(actor, 'HR'))
      throw problems.forbidden({ 'zh-CN': '只有人力资源部可以开启考评', en: 'only HR opens cycles' });
    const body = parseInput(openCycleBody, req.body, 'body', lang);
    const city = await ctx.prisma.orgUnit.findFirst({ where: { kind: 'CITY' } });
    const scope = body.countyId
      ? await ctx.prisma.orgUnit.findFirst({ where: { id: body.countyId, kind: 'COUNTY' } })
      : city;
    if (!scope) throw problems.notFound({ 'zh-CN': '县级营销部', en: 'County' });
    const hrScope = await countiesInScope(ctx.prisma, actor, ['HR']);
    if (hrScope !== 'all' && !(scope.kind === 'COUNTY' && hrScope.includes(scope.id))) {
      throw problems.forbidden({ 'zh-CN': '不在您的管辖范围', en: 'outside your scope' });
    }
    const existing = await ctx.prisma.cycle.findUnique({
      where: { type_period_scopeId: { type: body.type, period: body.period, scopeId: scope.id } },
      include: { scope: true },
    });
    // A cycle row is written by the opening workflow, which then also starts the cycle.
    if (existing) return void res.status(200).json(existing);
    const request = { type: body.type, period: body.period, scopeId: scope.id, openedById: actor.id };
    const opening = await startWorkflowOnce(ctx.temporal, openCycleWorkflow, {
      workflowId: openCycleWorkflowId(body.type, body.period, scope.id),
      taskQueue: ctx.taskQueue,
      args: [request],
    });
    const opened = await resultWithin(opening.result());
    if (!opened) throw problems.busy(5); // the opening goes on; asking again is safe
    const { cycleId, created } = opened;
    const cycle = await ctx.prisma.cycle.findUniqueOrThrow({ where: { id: cycleId }, include: { scope: true } });
    res.status(created ? 201 : 200).json(cycle);
  });

  router.get('/cycles', async (req, res) => {
    const actor = actorOf(req);
    const query = parseInput(cycleListQuery, req.query, 'query', requestLanguage(req));
    const counties = await countiesInScope(ctx.prisma, actor, evaluationReaders);
    if (counties !== 'all' && counties.length === 0) throw problems.forbidden(cycleText);
    const cycles = await ctx.prisma.cycle.findMany({
      where: {
        ...query,
        ...(counties === 'all' ? {} : { OR: [{ scopeId: { in: counties } }, { scope: { kind: 'CITY' } }] }),
      },
      include: { scope: true },
      orderBy: { openedAt: 'desc' },
      take: 200,
    });
    res.json({ cycles });
  });

  /** The cycle of `:id` and the counties of it the signed-in user may see (404, 403 otherwise). */
  async function cycleInScope(req: Request) {
    const { id } = parseInput(cycleIdParams, req.params, 'params');
    const cycle = await findOr404(id, cycleText, (id) =>
      ctx.prisma.cycle.findUnique({ where: { id }, include: { scope: true } }),
    );
    const counties = await countiesInScope(ctx.prisma, actorOf(req), evaluationReaders);
    if (counties !== 'all' && counties.length === 0) throw problems.forbidden(cycleText);
    if (counties !== 'all' && cycle.scope.kind === 'COUNTY' && !counties.includes(cycle.scopeId))
      throw problems.forbidden(cycleText);
    return { id, cycle, countyFilter: counties === 'all' ? {} : { countyId: { in: counties } } };
  }

  /** The open tasks past their due date or escalated, most overdue first: who has them, how late, how often escalated. */
  router.get('/cycles/:id/overdue', async (req, res) => {
    const { id, countyFilter } = await cycleInScope(req);
    const where = {
      cycleId: id,
      status: 'OPEN' as const,
      OR: [
        { overdueSince: { not: null } },
        { escalationLevel: { gt: 0 } },
        { dueAt: { lt: new Date() } },
        { wantedRole: { not: null } }, // 无人可办: nobody of its role, sent up the chain
      ],
      ...countyFilter,
    };
    const [total, tasks, units, openIncidents] = await Promise.all([
      ctx.prisma.task.count({ where }),
      ctx.prisma.task.findMany({
        where,
        orderBy: { dueAt: 'asc' },
        take: 200,
        select: {
          id: true,
          kind: true,
          countyId: true,
          dueDate: true,
          escalationLevel: true,
          overdueSince: true,
          wantedRole: true,
          round: true,
          assignee: { select: { id: true, displayName: true } },
          evaluation: { select: { manager: { select: { id: true, employeeNo: true, name: true } } } },
        },
      }),
      ctx.prisma.orgUnit.findMany({
        where: { kind: 'COUNTY' },
        select: { id: true, code: true, name: true, nameEn: true },
      }),
      openIncidentCount(ctx.prisma, id, countyFilter),
    ]);
    const countyById = new Map(units.map((u) => [u.id, u]));
    res.json({ total, openIncidents, tasks: tasks.map((t) => ({ ...t, county: countyById.get(t.countyId) ?? null })) });
  });

  router.get('/cycles/:id/outstanding', async (req, res) => {
    const { id, countyFilter } = await cycleInScope(req);
    const query = parseInput(outstandingQuery, req.query, 'query', requestLanguage(req));
    const now = new Date();
    const text = query.q
      ? {
          OR: [
            { evaluation: { manager: { name: { contains: query.q } } } },
            { evaluation: { manager: { employeeNo: { contains: query.q } } } },
            { assignee: { displayName: { contains: query.q } } },
          ],
        }
      : {};
    // The kind counts follow every filter but the kind itself.
    const filters = {
      cycleId: id,
      status: 'OPEN' as const,
      ...countyFilter,
      ...(query.countyId ? { AND: [{ countyId: query.countyId }] } : {}),
      ...(query.overdue === 'true' ? { dueAt: { lt: now } } : {}),
      ...text,
    };
    const where = { ...filters, ...(query.kind ? { kind: query.kind } : {}) };
    const [rows, total, byKind, overdue] = await Promise.all([
      ctx.prisma.task.findMany({
        where,
        orderBy: [{ dueAt: 'asc' }, { countyId: 'asc' }, { id: 'asc' }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
        select: {
          id: true,
          kind: true,
          countyId: true,
          dueDate: true,
          dueAt: true,
          remindersSent: true,
          escalationLevel: true,
          wantedRole: true,
          assignee: { select: { id: true, displayName: true } },
          evaluation: { select: { id: true, manager: { select: { id: true, employeeNo: true, name: true } } } },
        },
      }),
      ctx.prisma.task.count({ where }),
      ctx.prisma.task.groupBy({ by: ['kind'], where: filters, _count: { _all: true } }),
      ctx.prisma.task.count({ where: { ...where, dueAt: { lt: now } } }),
    ]);
    const counties = await ctx.prisma.orgUnit.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.countyId))] } },
      select: { id: true, code: true, name: true, nameEn: true },
    });
    res.json({
      tasks: rows.map(({ evaluation, ...t }) => ({
        ...t,
        manager: evaluation?.manager ?? null,
        county: counties.find((c) => c.id === t.countyId) ?? null,
        overdueDays: t.dueAt < now ? Math.ceil((now.getTime() - t.dueAt.getTime()) / 86_400_000) : 0,
        reassignable: reassignable[t.kind],
      })),
      byKind: Object.fromEntries(byKind.map((g) => [g.kind, g._count._all])),
      total,
      overdue,
      page: query.page,
      pageSize: query.pageSize,
    });
  });

  /** What the status page counts per county and kind (无人可办: open, nobody of its role). */
  const countNames = ['total', 'open', 'submitted', 'overdue', 'escalated', 'unassigned', 'closedMissing'] as const;
  type Counts = Record<(typeof countNames)[number], number>;

  /**
   * Per county and kind, the counts of the cycle's status page in one scan of its tasks
   * (HR reads it every few seconds while a cycle of thousands opens).
   */
  function taskCounts(cycleId: string, countyIds: string[] | undefined) {
    const inScope = countyIds ? Prisma.sql`AND "countyId" IN (${Prisma.join(countyIds)})` : Prisma.empty;
    return ctx.prisma.$queryRaw<Array<{ countyId: string; kind: string } & Record<keyof Counts, bigint>>>`
      SELECT "countyId", "kind"::text AS "kind",
        count(*) AS "total",
        count(*) FILTER (WHERE "status" = 'OPEN') AS "open",
        count(*) FILTER (WHERE "status" = 'SUBMITTED') AS "submitted",
        count(*) FILTER (WHERE "status" = 'OPEN' AND "overdueSince" IS NOT NULL) AS "overdue",
        count(*) FILTER (WHERE "escalationLevel" > 0) AS "escalated",
        count(*) FILTER (WHERE "status" = 'OPEN' AND "wantedRole" IS NOT NULL) AS "unassigned",
        count(*) FILTER (WHERE "status" = 'CLOSED_MISSING') AS "closedMissing"
      FROM "Task"
      WHERE "cycleId" = ${cycleId} ${inScope}
      GROUP BY "countyId", "kind"
      ORDER BY "countyId", "kind"`;
  }

  /** Per county: how many tasks are open, submitted, overdue, escalated and closed by policy. */
  router.get('/cycles/:id/status', async (req, res) => {
    const { id, cycle, countyFilter } = await cycleInScope(req);
    const [counted, units, openIncidents] = await Promise.all([
      taskCounts(id, countyFilter.countyId?.in),
      ctx.prisma.orgUnit.findMany({
        where: { kind: 'COUNTY' },
        select: { id: true, code: true, name: true, nameEn: true },
      }),
      openIncidentCount(ctx.prisma, id, countyFilter),
    ]);
    const countyById = new Map(units.map((u) => [u.id, u]));
    const stages = counted.map((r) => ({
      countyId: r.countyId,
      kind: r.kind,
      ...(Object.fromEntries(countNames.map((name) => [name, Number(r[name])])) as Counts),
      county: countyById.get(r.countyId),
    }));
    const totals = Object.fromEntries(
      countNames.map((name) => [name, stages.reduce((sum, r) => sum + r[name], 0)]),
    ) as Counts;
    res.json({ cycle, totals, openIncidents, byCountyAndStage: stages });
  });

  /**
   * A county's result sheets (考评表) in one document, a page per manager by rank: the
   * printable page or one PDF. A city-wide cycle names the county (`countyId`).
   */
  router.get('/cycles/:id/sheets', async (req, res) => {
    const lang = requestLanguage(req);
    const { id, cycle, countyFilter } = await cycleInScope(req);
    const query = parseInput(sheetsQuery, req.query, 'query', lang);
    const countyId = query.countyId ?? (cycle.scope.kind === 'COUNTY' ? cycle.scopeId : undefined);
    if (!countyId)
      throw problems.badRequest([
        { field: 'query.countyId', message: lang === 'en' ? 'choose a county' : '请选择县区' },
      ]);
    const county = await findOr404(countyId, countyText, (id) =>
      ctx.prisma.orgUnit.findFirst({ where: { id, kind: 'COUNTY' } }),
    );
    if (countyFilter.countyId && !countyFilter.countyId.in.includes(county.id)) throw problems.forbidden(countyText);
    const sheets = await loadResultSheets(ctx.prisma, {
      cycleId: id,
      countyId: county.id,
      stage: { not: 'WITHDRAWN' },
    });
    const label = cycleLabel(cycle.type, cycle.period, lang);
    const place = lang === 'en' ? county.nameEn : county.name;
    await sendResultSheets(
      res,
      {
        sheets,
        lang,
        format: query.format,
        title: lang === 'en' ? `${label}: ${place}` : `${label} · ${place}`,
        fileName: `${cycle.period}-${place}`,
      },
      ctx.pdf,
    );
  });

  /** The results: per county, ranked, with stars, flags, bottom-rank flags and the county's recommendation. */
  router.get('/cycles/:id/results', async (req, res) => {
    const { id, cycle, countyFilter } = await cycleInScope(req);
    const { format } = parseInput(resultsQuery, req.query, 'query', requestLanguage(req));
    const [evaluations, reviews, flags, units, stars, earlier] = await Promise.all([
      ctx.prisma.evaluation.findMany({
        where: { cycleId: id, ...countyFilter },
        include: {
          manager: { select: { id: true, employeeNo: true, name: true, grade: true, starRating: true, area: true } },
        },
        orderBy: [{ countyId: 'asc' }, { rank: 'asc' }],
      }),
      ctx.prisma.countyReview.findMany({ where: { cycleId: id, ...countyFilter } }),
      ctx.prisma.bottomRankFlag.findMany({ where: { cycleId: id } }),
      ctx.prisma.orgUnit.findMany({
        where: { kind: 'COUNTY' },
        select: { id: true, code: true, name: true, nameEn: true },
      }),
      ctx.prisma.starHistory.findMany({ where: { cycleId: id } }),
      // The period before this one (of the same type), for the trend against it.
      ctx.prisma.cycle.findFirst({
        where: { type: cycle.type, period: { lt: cycle.period } },
        orderBy: { period: 'desc' },
        select: { period: true },
      }),
    ]);
    const previous = earlier
      ? await ctx.prisma.evaluation.findMany({
          where: {
            managerId: { in: evaluations.map((e) => e.managerId) },
            cycle: { type: cycle.type, period: earlier.period },
            stage: { not: 'WITHDRAWN' },
          },
          select: { managerId: true, compositeScore: true, rank: true, cohortSize: true },
        })
      : [];
    const previousOf = new Map(previous.map((p) => [p.managerId, p]));
    const starOf = new Map(stars.map((s) => [s.managerId, s]));
    // Maps, not scans: a city-wide cycle has 10,000 evaluations in hundreds of counties.
    const countyById = new Map(units.map((u) => [u.id, u]));
    const reviewByCounty = new Map(reviews.map((r) => [r.countyId, r]));
    const flagRulesByManager = new Map(flags.map((f) => [f.managerId, f.rules]));
    const evaluationsByCounty = new Map<string, typeof evaluations>();
    for (const e of evaluations) {
      if (!evaluationsByCounty.has(e.countyId)) evaluationsByCounty.set(e.countyId, []);
      evaluationsByCounty.get(e.countyId)!.push(e);
    }
    const byCounty = [...evaluationsByCounty].map(([countyId, countyEvaluations]) => {
      const review = reviewByCounty.get(countyId);
      return {
        county: countyById.get(countyId),
        review: review
          ? { status: review.status, round: review.round, recommendedManagerId: review.recommendedManagerId }
          : null,
        ranking: countyEvaluations.map((e) => ({
          evaluationId: e.id,
          manager: e.manager,
          stage: e.stage,
          compositeScore: e.compositeScore === null ? null : Number(e.compositeScore),
          rank: e.rank,
          rankFromBottom: e.rankFromBottom,
          cohortSize: e.cohortSize,
          monthlyStar: e.monthlyStar,
          flagged: e.flagged,
          flagReasons: e.flagReasons,
          bottomRankFlag: flagRulesByManager.get(e.managerId) ?? null,
          starMove: starOf.has(e.managerId)
            ? { from: starOf.get(e.managerId)!.fromStars, to: starOf.get(e.managerId)!.toStars }
            : null,
          previous: previousOf.has(e.managerId)
            ? {
                period: earlier!.period,
                compositeScore:
                  previousOf.get(e.managerId)!.compositeScore === null
                    ? null
                    : Number(previousOf.get(e.managerId)!.compositeScore),
                rank: previousOf.get(e.managerId)!.rank,
              }
            : null,
        })),
      };
    });
    if (format === 'csv' || format === 'xlsx') {
      const ranked: RankedRow[] = byCounty.flatMap((c) =>
        c.ranking.map((r) => ({ ...r, county: c.county, managerId: r.manager.id })),
      );
      const table = await resultsTable(ctx.prisma, cycle, ranked, requestLanguage(req));
      return sendTable(
        res,
        format,
        { name: `results-${cycle.type.toLowerCase()}-${cycle.period}`, sheet: table.sheet, title: table.title },
        table.columns,
        table.cells,
      );
    }
    res.json({ cycle, previousPeriod: earlier?.period ?? null, counties: byCounty });
  });

  return router;
}

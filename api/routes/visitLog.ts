// The visit log (工作本) and check-ins (首末签到): a manager's month of visit days, entered by
// the manager or recorded by the county's inspector, with the month's facts; and the facts
// of a cycle's managers for the inspector's grid.
import { Router } from 'express';
import { z } from 'zod';
import { shanghaiDate } from '../../domain/calendar';
import { calendarMonthSchema } from '../../domain/calendarDate';
import { evaluationReaders, visitLogRecorders, visitLogReviewers } from '../../domain/roles';
import {
  monthFacts,
  monthsOfPeriod,
  visitDateProblem,
  visitDateSchema,
  visitDaySchema,
  weekReviewProblem,
  weekReviewSchema,
  weeksOfMonth,
  type VisitDayFacts,
} from '../../domain/visitLog';
import type { PrismaClient } from '../../generated/prisma/client';
import { recordAudit } from '../../prisma/audit';
import { actorOf, authenticate, countiesInScope, type Actor } from '../auth';
import type { ApiContext } from '../context';
import { findOr404, parseInput, problems, requestLanguage } from '../problems';

const managerText = { 'zh-CN': '客户经理', en: 'Manager' };
const logText = { 'zh-CN': '工作本', en: 'Visit log' };
const cycleText = { 'zh-CN': '考评周期', en: 'Cycle' };

export const visitLogQuery = z.object({ managerId: z.uuid(), month: calendarMonthSchema.optional() });
export const visitFactsQuery = z.object({ cycleId: z.uuid(), countyId: z.uuid().optional() });
export { visitDaySchema as visitDayBody, weekReviewSchema as weekReviewBody };

type VisitDayRow = {
  date: string;
  plannedCustomerIds: string[];
  visitedCustomerIds: string[];
  mileageKm: { toString(): string };
  firstCheckInTime: string | null;
  firstCheckInPlace: string | null;
  lastCheckInTime: string | null;
  lastCheckInPlace: string | null;
};

/** A stored day as the month's facts read it. */
export function factsOfRow(d: VisitDayRow): VisitDayFacts {
  const checkIn = (t: string | null, place: string | null) => (t ? { time: t, place: place ?? '' } : null);
  return {
    date: d.date,
    plannedCustomerIds: d.plannedCustomerIds,
    visitedCustomerIds: d.visitedCustomerIds,
    mileageKm: Number(d.mileageKm),
    firstCheckIn: checkIn(d.firstCheckInTime, d.firstCheckInPlace),
    lastCheckIn: checkIn(d.lastCheckInTime, d.lastCheckInPlace),
  };
}

/** The months' facts of several managers at once (the inspector's grid, a task's context). */
export async function visitFactsOf(prisma: PrismaClient, managerIds: string[], months: string[]) {
  const rows = await prisma.visitDay.findMany({ where: { managerId: { in: managerIds }, month: { in: months } } });
  return Object.fromEntries(
    managerIds.map((id) => [id, monthFacts(rows.filter((r) => r.managerId === id).map(factsOfRow))]),
  );
}

async function scopeOf(prisma: PrismaClient, actor: Actor, manager: { id: string; countyId: string }) {
  const own = actor.managerId === manager.id;
  const readers = await countiesInScope(prisma, actor, evaluationReaders);
  const recorders = await countiesInScope(prisma, actor, visitLogRecorders);
  const reviewers = await countiesInScope(prisma, actor, visitLogReviewers);
  const inScope = (c: 'all' | string[]) => c === 'all' || c.includes(manager.countyId);
  return { read: own || inScope(readers), write: own || inScope(recorders), review: !own && inScope(reviewers) };
}

export function visitLogRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.use('/visit-log', authenticate(ctx.prisma));

  /** A manager's month: every visit day, the month's facts, and their customers for the form. */
  router.get('/visit-log', async (req, res) => {
    const actor = actorOf(req);
    const query = parseInput(visitLogQuery, req.query, 'query', requestLanguage(req));
    const manager = await findOr404(query.managerId, managerText, (id) =>
      ctx.prisma.manager.findUnique({
        where: { id },
        select: {
          id: true,
          name: true,
          employeeNo: true,
          countyId: true,
          county: { select: { name: true, nameEn: true } },
        },
      }),
    );
    const scope = await scopeOf(ctx.prisma, actor, manager);
    if (!scope.read) throw problems.forbidden(logText);
    const at = query.month ?? shanghaiDate(new Date()).slice(0, 7);
    const weeks = weeksOfMonth(at);
    const [days, customers, reviews] = await Promise.all([
      ctx.prisma.visitDay.findMany({ where: { managerId: manager.id, month: at }, orderBy: { date: 'asc' } }),
      ctx.prisma.retailCustomer.findMany({
        where: { managerId: manager.id, active: true },
        select: { id: true, name: true, licenceNo: true },
        orderBy: { licenceNo: 'asc' },
      }),
      ctx.prisma.visitWeekReview.findMany({ where: { managerId: manager.id, weekStart: { in: weeks } } }),
    ]);
    const people = await ctx.prisma.user.findMany({
      where: {
        id: {
          in: [
            ...new Set([
              ...days.flatMap((d) => [d.firstCheckInById, d.lastCheckInById, d.updatedById]),
              ...reviews.map((r) => r.reviewerId),
            ]),
          ].filter((x): x is string => !!x),
        },
      },
      select: { id: true, displayName: true },
    });
    const nameOf = new Map(people.map((p) => [p.id, p.displayName]));
    res.json({
      manager,
      month: at,
      canRecord: scope.write,
      canReview: scope.review,
      // The county's weekly review (按周批阅) of each week with days in the month.
      weeks: weeks.map((weekStart) => {
        const r = reviews.find((x) => x.weekStart === weekStart);
        return {
          weekStart,
          review: r ? { reviewer: nameOf.get(r.reviewerId) ?? null, comment: r.comment, at: r.updatedAt } : null,
        };
      }),
      facts: monthFacts(days.map(factsOfRow)),
      customers,
      days: days.map((d) => ({
        ...factsOfRow(d),
        route: d.route,
        note: d.note,
        firstCheckInBy: d.firstCheckInById ? (nameOf.get(d.firstCheckInById) ?? null) : null,
        lastCheckInBy: d.lastCheckInById ? (nameOf.get(d.lastCheckInById) ?? null) : null,
        updatedBy: nameOf.get(d.updatedById) ?? null,
        updatedAt: d.updatedAt,
      })),
    });
  });

  /** Records one visit day (the same day again replaces it); each check-in keeps who recorded it. */
  router.put('/visit-log/:managerId/:date', async (req, res) => {
    const actor = actorOf(req);
    const lang = requestLanguage(req);
    const { date } = parseInput(z.object({ date: visitDateSchema }), { date: String(req.params.date) }, 'params', lang);
    const manager = await findOr404(String(req.params.managerId), managerText, (id) =>
      ctx.prisma.manager.findUnique({ where: { id }, select: { id: true, countyId: true, active: true } }),
    );
    const scope = await scopeOf(ctx.prisma, actor, manager);
    if (!scope.write)
      throw problems.forbidden({
        'zh-CN': '只有本人或本县督察员可以记录',
        en: 'only the manager or the county’s inspector records it',
      });
    const body = parseInput(visitDaySchema, req.body, 'body', lang);
    const dateProblem = visitDateProblem(date, shanghaiDate(new Date()));
    if (dateProblem) throw problems.badRequest([{ field: 'params.date', message: dateProblem[lang] }]);
    const ids = [...new Set([...body.plannedCustomerIds, ...body.visitedCustomerIds])];
    const own = await ctx.prisma.retailCustomer.count({ where: { id: { in: ids }, managerId: manager.id } });
    if (own !== ids.length)
      throw problems.badRequest([
        {
          field: 'body.plannedCustomerIds',
          message: lang === 'en' ? 'only the manager’s own customers' : '只能选择本人辖区的客户',
        },
      ]);
    const saved = await ctx.prisma.$transaction(async (tx) => {
      const prior = await tx.visitDay.findUnique({ where: { managerId_date: { managerId: manager.id, date } } });
      const by = (
        now: { time: string; place: string } | null,
        time: string | null,
        place: string | null,
        was: string | null,
      ) => (!now ? null : now.time === time && now.place === place ? was : actor.id);
      const data = {
        countyId: manager.countyId,
        month: date.slice(0, 7),
        route: body.route,
        plannedCustomerIds: body.plannedCustomerIds,
        visitedCustomerIds: body.visitedCustomerIds,
        mileageKm: body.mileageKm,
        firstCheckInTime: body.firstCheckIn?.time ?? null,
        firstCheckInPlace: body.firstCheckIn?.place ?? null,
        firstCheckInById: by(
          body.firstCheckIn,
          prior?.firstCheckInTime ?? null,
          prior?.firstCheckInPlace ?? null,
          prior?.firstCheckInById ?? null,
        ),
        lastCheckInTime: body.lastCheckIn?.time ?? null,
        lastCheckInPlace: body.lastCheckIn?.place ?? null,
        lastCheckInById: by(
          body.lastCheckIn,
          prior?.lastCheckInTime ?? null,
          prior?.lastCheckInPlace ?? null,
          prior?.lastCheckInById ?? null,
        ),
        note: body.note,
        updatedById: actor.id,
      };
      const day = await tx.visitDay.upsert({
        where: { managerId_date: { managerId: manager.id, date } },
        update: data,
        create: { managerId: manager.id, date, ...data },
      });
      await recordAudit(tx, {
        at: new Date(),
        actorId: actor.id,
        action: prior ? 'visitDay.updated' : 'visitDay.recorded',
        entityType: 'manager',
        entityId: manager.id,
        details: {
          date,
          firstCheckIn: body.firstCheckIn,
          lastCheckIn: body.lastCheckIn,
          visits: body.visitedCustomerIds.length,
        },
      });
      return day;
    });
    res.status(200).json(factsOfRow(saved));
  });

  /** The county reviews a week of the work book (按周批阅): its comment; again, a new comment. */
  router.put('/visit-log/:managerId/weeks/:weekStart/review', async (req, res) => {
    const actor = actorOf(req);
    const lang = requestLanguage(req);
    const { weekStart } = parseInput(
      z.object({ weekStart: visitDateSchema }),
      { weekStart: String(req.params.weekStart) },
      'params',
      lang,
    );
    const manager = await findOr404(String(req.params.managerId), managerText, (id) =>
      ctx.prisma.manager.findUnique({ where: { id }, select: { id: true, countyId: true } }),
    );
    if (!(await scopeOf(ctx.prisma, actor, manager)).review)
      throw problems.forbidden({
        'zh-CN': '只有本县负责人或督察员可以批阅',
        en: 'only the county’s head or inspector reviews it',
      });
    const body = parseInput(weekReviewSchema, req.body, 'body', lang);
    const problem = weekReviewProblem(weekStart, shanghaiDate(new Date()));
    if (problem) throw problems.badRequest([{ field: 'params.weekStart', message: problem[lang] }]);
    const review = await ctx.prisma.$transaction(async (tx) => {
      const saved = await tx.visitWeekReview.upsert({
        where: { managerId_weekStart: { managerId: manager.id, weekStart } },
        update: { comment: body.comment, reviewerId: actor.id },
        create: {
          managerId: manager.id,
          countyId: manager.countyId,
          weekStart,
          reviewerId: actor.id,
          comment: body.comment,
        },
      });
      await recordAudit(tx, {
        at: new Date(),
        actorId: actor.id,
        action: 'visitWeek.reviewed',
        entityType: 'manager',
        entityId: manager.id,
        details: { weekStart, comment: body.comment },
      });
      return saved;
    });
    res.json({ weekStart: review.weekStart, comment: review.comment, at: review.updatedAt });
  });

  /** The month's facts of every manager of a cycle's county, for the inspector's grid. */
  router.get('/visit-log/facts', async (req, res) => {
    const actor = actorOf(req);
    const query = parseInput(visitFactsQuery, req.query, 'query', requestLanguage(req));
    const cycle = await findOr404(query.cycleId, cycleText, (id) => ctx.prisma.cycle.findUnique({ where: { id } }));
    const counties = await countiesInScope(ctx.prisma, actor, evaluationReaders);
    if (counties !== 'all' && counties.length === 0) throw problems.forbidden(logText);
    const countyFilter =
      counties === 'all'
        ? query.countyId
          ? { countyId: query.countyId }
          : {}
        : { countyId: { in: query.countyId ? counties.filter((c) => c === query.countyId) : counties } };
    const evaluations = await ctx.prisma.evaluation.findMany({
      where: { cycleId: cycle.id, ...countyFilter },
      select: { managerId: true },
    });
    const months = monthsOfPeriod(cycle.type, cycle.period);
    res.json({
      months,
      facts: await visitFactsOf(
        ctx.prisma,
        evaluations.map((e) => e.managerId),
        months,
      ),
    });
  });

  return router;
}

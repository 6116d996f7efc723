// The weekly one-sheet (一张纸): the list (a county's week, a manager's weeks), one sheet with
// what it is filled from (the week's targets from the month's plan, last week's open
// problems, the manager's customers), the draft saved through the week, and HR opening
// this week's sheets by hand. Submitting and reviewing go through the sheet's tasks.
import { Router } from 'express';
import { z } from 'zod';
import { addDays, shanghaiDate } from '../../domain/calendar';
import { calendarDateSchema, calendarMonthSchema } from '../../domain/calendarDate';
import type { Kpis } from '../../domain/marketingReview';
import type { Language } from '../../domain/language';
import { evaluationReaders } from '../../domain/roles';
import { weekStartOf } from '../../domain/visitLog';
import {
  carriedProblems,
  sheetDraftBodySchema,
  sheetDraftSchema,
  summariseMonth,
  targetGaps,
  weekEndOf,
  weekTargets,
  type SheetContent,
} from '../../domain/weeklySheet';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { recordAudit } from '../../prisma/audit';
import { openThisWeekSheets } from '../../workflows/client/schedules';
import { actorOf, authenticate, countiesInScope, hasRole, type Actor } from '../auth';
import type { ApiContext } from '../context';
import { findOr404, parseInput, problems, requestLanguage } from '../problems';

const sheetText = { 'zh-CN': '一张纸', en: 'Weekly sheet' };
const statuses = ['OPEN', 'SUBMITTED', 'RETURNED', 'REVIEWED', 'MISSED'] as const;

export const weeklySheetListQuery = z.object({
  /** The week (its Monday; any day of it is taken as its week). */
  week: calendarDateSchema.optional(),
  month: calendarMonthSchema.optional(),
  countyId: z.uuid().optional(),
  managerId: z.uuid().optional(),
  status: z.enum(statuses).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export { sheetDraftBodySchema as weeklySheetDraftBody };

/** Who reads a sheet: its manager, and the city's and the county's people who read evaluations. */
async function readableCounties(prisma: PrismaClient, actor: Actor) {
  return countiesInScope(prisma, actor, evaluationReaders);
}

/** The month's plan (三自定) targets of the manager, from their monthly evaluation of the week's month. */
async function monthTargets(prisma: PrismaClient, managerId: string, month: string): Promise<Kpis | null> {
  const plan = await prisma.periodPlan.findFirst({
    where: { evaluation: { managerId, cycle: { type: 'MONTHLY', period: month } } },
  });
  return (plan?.targets as Kpis | undefined) ?? null;
}

/** The sheet's content as it stands, or (never saved) an empty one with last week's open problems. */
async function contentOf(
  prisma: PrismaClient,
  sheet: { managerId: string; weekStart: string; content: unknown },
): Promise<SheetContent> {
  if (sheet.content) return sheetDraftSchema.parse(sheet.content);
  const previous = await prisma.weeklySheet.findUnique({
    where: { managerId_weekStart: { managerId: sheet.managerId, weekStart: addDays(sheet.weekStart, -7) } },
    select: { content: true },
  });
  const last = previous?.content ? sheetDraftSchema.parse(previous.content) : null;
  return sheetDraftSchema.parse({ carriedIn: carriedProblems(last) });
}

/** 400 naming the visit plan unless every customer in it is the manager's own. */
async function checkCustomers(prisma: PrismaClient, managerId: string, content: SheetContent, lang: Language) {
  const ids = [...new Set(content.visitPlan.map((v) => v.customerId))];
  if (!ids.length) return;
  const own = await prisma.retailCustomer.count({ where: { id: { in: ids }, managerId } });
  if (own !== ids.length)
    throw problems.badRequest([
      {
        field: 'body.visitPlan',
        message:
          lang === 'en'
            ? 'body.visitPlan: only the manager’s own customers can be planned'
            : 'body.visitPlan：只能安排本人名下的零售客户',
      },
    ]);
}
export { checkCustomers as checkSheetCustomers };

export function weeklySheetRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.use('/weekly-sheets', authenticate(ctx.prisma));

  async function loadSheet(actor: Actor, id: string) {
    const sheet = await findOr404(id, sheetText, (id) =>
      ctx.prisma.weeklySheet.findUnique({
        where: { id },
        include: {
          manager: {
            select: {
              id: true,
              name: true,
              employeeNo: true,
              countyId: true,
              county: { select: { name: true, nameEn: true } },
            },
          },
          tasks: {
            include: { submission: true, assignee: { select: { id: true, displayName: true } } },
            orderBy: [{ round: 'asc' }, { openedAt: 'asc' }],
          },
        },
      }),
    );
    const own = actor.managerId === sheet.managerId;
    const counties = await readableCounties(ctx.prisma, actor);
    if (!own && counties !== 'all' && !counties.includes(sheet.countyId)) throw problems.forbidden(sheetText);
    return { sheet, own };
  }

  /** Sheets in the reader's scope: a week of a county, a manager's weeks; paged, with counts per status. */
  router.get('/weekly-sheets', async (req, res) => {
    const actor = actorOf(req);
    const query = parseInput(weeklySheetListQuery, req.query, 'query', requestLanguage(req));
    const counties = await readableCounties(ctx.prisma, actor);
    const scope: Prisma.WeeklySheetWhereInput =
      counties === 'all'
        ? {}
        : { OR: [{ countyId: { in: counties } }, ...(actor.managerId ? [{ managerId: actor.managerId }] : [])] };
    const where: Prisma.WeeklySheetWhereInput = {
      AND: [
        scope,
        query.week ? { weekStart: weekStartOf(query.week) } : {},
        query.month ? { month: query.month } : {},
        query.countyId ? { countyId: query.countyId } : {},
        query.managerId ? { managerId: query.managerId } : {},
      ],
    };
    const [total, sheets, byStatus] = await Promise.all([
      ctx.prisma.weeklySheet.count({ where: { AND: [where, query.status ? { status: query.status } : {}] } }),
      ctx.prisma.weeklySheet.findMany({
        where: { AND: [where, query.status ? { status: query.status } : {}] },
        orderBy: [{ weekStart: 'desc' }, { manager: { employeeNo: 'asc' } }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
        select: {
          id: true,
          weekStart: true,
          status: true,
          round: true,
          submittedAt: true,
          onTime: true,
          reviewComment: true,
          manager: { select: { id: true, name: true, employeeNo: true } },
          countyId: true,
        },
      }),
      ctx.prisma.weeklySheet.groupBy({ by: ['status'], where, _count: { _all: true } }),
    ]);
    res.json({
      total,
      page: query.page,
      pageSize: query.pageSize,
      counts: Object.fromEntries(statuses.map((s) => [s, byStatus.find((b) => b.status === s)?._count._all ?? 0])),
      sheets,
    });
  });

  /** HR opens this week's sheets now (the Monday schedule does it; idempotent). */
  router.post('/weekly-sheets/open', async (req, res) => {
    const actor = actorOf(req);
    if (!hasRole(actor, 'HR'))
      throw problems.forbidden({ 'zh-CN': '只有人力资源部可以开启本周一张纸', en: 'only HR opens the week’s sheets' });
    const weekStart = await openThisWeekSheets(ctx.temporal, ctx.taskQueue);
    res.status(202).json({ weekStart });
  });

  /** One sheet with what it is filled from, its rounds and the tasks open on it for the reader. */
  router.get('/weekly-sheets/:id', async (req, res) => {
    const actor = actorOf(req);
    const { sheet, own } = await loadSheet(actor, String(req.params.id));
    const [content, targets, customers, monthSheets] = await Promise.all([
      contentOf(ctx.prisma, sheet),
      monthTargets(ctx.prisma, sheet.managerId, sheet.month),
      ctx.prisma.retailCustomer.findMany({
        where: { managerId: sheet.managerId, active: true },
        select: { id: true, name: true, licenceNo: true },
        orderBy: { licenceNo: 'asc' },
      }),
      ctx.prisma.weeklySheet.findMany({
        where: { managerId: sheet.managerId, month: sheet.month },
        select: { weekStart: true, submittedAt: true, onTime: true, content: true },
      }),
    ]);
    const week = weekTargets(targets, sheet.weekStart);
    const openTask = (kind: string) =>
      sheet.tasks.find((t) => t.kind === kind && t.status === 'OPEN' && t.assigneeId === actor.id)?.id ?? null;
    const editTask = own ? openTask('WEEKLY_SHEET') : null;
    res.json({
      sheet: {
        id: sheet.id,
        weekStart: sheet.weekStart,
        weekEnd: weekEndOf(sheet.weekStart),
        month: sheet.month,
        status: sheet.status,
        round: sheet.round,
        submittedAt: sheet.submittedAt,
        onTime: sheet.onTime,
        reviewComment: sheet.reviewComment,
        reviewedAt: sheet.reviewedAt,
        returnReason: sheet.returnReason,
        manager: sheet.manager,
      },
      content,
      targets: targetGaps(week, content.actuals),
      monthHasPlan: targets !== null,
      customers,
      /** The manager's open sheet task (they may save and submit), the reader's open review task. */
      editTaskId: editTask,
      reviewTaskId: openTask('WEEKLY_SHEET_REVIEW'),
      rounds: sheet.tasks.map((t) => ({
        kind: t.kind,
        round: t.round,
        status: t.status,
        dueDate: t.dueDate,
        assignee: t.assignee.displayName,
        submittedAt: t.submittedAt,
        decision: t.kind === 'WEEKLY_SHEET_REVIEW' ? (t.submission?.payload ?? null) : null,
      })),
      /** 6 信息系统链接区: the manager's pages in the system. */
      links: {
        visitLog: `#/visit-log/${sheet.managerId}`,
        timeline: `#/managers/${sheet.managerId}/timeline`,
        complaints: `#/complaints?managerId=${sheet.managerId}`,
      },
      month: summariseMonth(
        sheet.month,
        monthSheets.map((s) => ({ ...s, content: s.content ? sheetDraftSchema.parse(s.content) : null })),
      ),
    });
  });

  /** The manager saves the sheet as it is (a draft) while its task is open; a 6th ticked task is refused. */
  router.put('/weekly-sheets/:id', async (req, res) => {
    const actor = actorOf(req);
    const lang = requestLanguage(req);
    const { sheet, own } = await loadSheet(actor, String(req.params.id));
    if (!own) throw problems.forbidden({ 'zh-CN': '只能填写本人的一张纸', en: 'you can only fill your own sheet' });
    const body = parseInput(sheetDraftBodySchema, req.body, 'body', lang);
    if (!sheet.tasks.some((t) => t.kind === 'WEEKLY_SHEET' && t.status === 'OPEN'))
      throw problems.conflict('sheet_closed', {
        'zh-CN': '这张一张纸已提交或已关闭，不能再修改',
        en: 'The sheet is submitted or closed and cannot be changed',
      });
    await checkCustomers(ctx.prisma, sheet.managerId, body, lang);
    await ctx.prisma.$transaction(async (tx) => {
      await tx.weeklySheet.update({ where: { id: sheet.id }, data: { content: body } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'weeklySheet.saved',
        entityType: 'weeklySheet',
        entityId: sheet.id,
        details: { weekStart: sheet.weekStart, ticked: body.ticked.length },
        dedupeKey: `weeklySheet:${sheet.id}:saved:${shanghaiDate(new Date())}`,
      });
    });
    res.json({ saved: true });
  });

  return router;
}

// Complaints (投诉受理): the center (HR) registers a retail customer's complaint about a
// manager; the complaint's workflow asks the manager for an answer and the center for its
// decision. Lists, one complaint with its steps, and the analysis by kind, county and month.
import { createHash, randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import { z } from 'zod';
import { addMonths, shanghaiDate, shanghaiMinute } from '../../domain/calendar';
import { calendarMonthSchema } from '../../domain/calendarDate';
import { nameOf } from '../../domain/codeNames';
import type { Language } from '../../domain/language';
import {
  analyseComplaints,
  complaintKinds,
  complaintStatuses,
  countedComplaintIds,
  receivedOnProblem,
  registerComplaintSchema,
  type ComplaintKind,
  type ComplaintStatus,
} from '../../domain/complaints';
import { complaintKeepers, complaintReaders } from '../../domain/roles';
import { compositeScore } from '../../domain/scoring';
import {
  complaintsComponent,
  compositeInputs,
  deductionsOf,
  defaultTemplateConfig,
  parseTemplateConfig,
} from '../../domain/templates';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { exportFormat, sendTable } from '../exports';
import { startWorkflowOnce } from '../../workflows/client/startOnce';
import { complaintWorkflow } from '../../workflows/complaint';
import { complaintWorkflowId, type ComplaintInput } from '../../workflows/complaint.messages';
import { actorOf, authenticate, countiesInScope, hasRole, managerRowScope, type Actor } from '../auth';
import type { ApiContext } from '../context';
import { findOr404, parseInput, problems, requestLanguage } from '../problems';

const complaintText = { 'zh-CN': '投诉', en: 'Complaint' };
const managerText = { 'zh-CN': '客户经理', en: 'Manager' };

export const complaintListQuery = z.object({
  status: z.enum(complaintStatuses).optional(),
  kind: z.enum(complaintKinds).optional(),
  countyId: z.uuid().optional(),
  managerId: z.uuid().optional(),
  month: calendarMonthSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  /** csv or xlsx: every matching complaint (up to 10,000), for the center's records. */
  format: exportFormat,
});

export const complaintAnalysisQuery = z.object({
  /** First and last month (YYYY-MM) counted; default the last twelve months. */
  from: calendarMonthSchema.optional(),
  to: calendarMonthSchema.optional(),
  countyId: z.uuid().optional(),
});

/** The latest monthly template: a complaint's deadlines and the points a confirmation deducts. */
async function monthlyTemplate(prisma: PrismaClient) {
  const t = await prisma.evaluationTemplate.findFirst({
    where: { cycleType: 'MONTHLY' },
    orderBy: { version: 'desc' },
  });
  return t ? parseTemplateConfig(t.config) : defaultTemplateConfig('MONTHLY');
}

/** A client's Idempotency-Key makes the same registration the same complaint. */
function complaintIdFor(key: unknown, actorId: string): string {
  if (typeof key !== 'string' || !/^[\w-]{8,64}$/.test(key)) return randomUUID();
  const h = createHash('sha256').update(`complaint:${actorId}:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The complaint's own manager reading it (not as a reader of the county): without the customer's phone. */
const readsAsManager = (actor: Actor, managerId: string) =>
  actor.managerId === managerId && !hasRole(actor, ...complaintReaders);

/** Whether the actor may read this complaint: its manager, or a reader of its county. */
async function canRead(prisma: PrismaClient, actor: Actor, c: { managerId: string; countyId: string }) {
  if (actor.managerId === c.managerId) return true;
  const counties = await countiesInScope(prisma, actor, complaintReaders);
  return counties === 'all' || counties.includes(c.countyId);
}

/**
 * One complaint as people read it, with its steps (the manager's answer, the center's
 * decision). The customer's phone number is the center's and the county's, never the manager's.
 */
export async function complaintView(prisma: PrismaClient, id: string, forManager = false) {
  const c = await prisma.complaint.findUnique({
    where: { id },
    include: {
      manager: {
        select: { id: true, name: true, employeeNo: true, county: { select: { id: true, name: true, nameEn: true } } },
      },
      registeredBy: { select: { displayName: true } },
      tasks: {
        include: { submission: true, assignee: { select: { id: true, displayName: true } } },
        orderBy: { openedAt: 'asc' },
      },
    },
  });
  if (!c) return null;
  const { tasks, registeredBy, customerPhone, points, ...rest } = c;
  return {
    ...rest,
    customerPhone: forManager ? null : customerPhone,
    points: points === null ? null : Number(points),
    registeredBy: registeredBy.displayName,
    steps: tasks.map((t) => ({
      taskId: t.id,
      kind: t.kind,
      status: t.status,
      dueDate: t.dueDate,
      assignee: t.assignee,
      submittedAt: t.submittedAt,
      payload: t.submission?.payload ?? null,
    })),
  };
}

/**
 * What the center decides (投诉认定), as its task shows it: the complaint and the manager's
 * answer, the manager's complaints of the last twelve months, and what a confirmation does
 * to the month's result (its inspection deductions and composite, before → after).
 */
export async function complaintDecisionContext(prisma: PrismaClient, complaintId: string, actor: Actor) {
  const row = await prisma.complaint.findUniqueOrThrow({ where: { id: complaintId }, select: { managerId: true } });
  const view = (await complaintView(prisma, complaintId, readsAsManager(actor, row.managerId)))!;
  const yearBefore = `${Number(view.month.slice(0, 4)) - 1}${view.month.slice(4)}`;
  const [history, evaluation] = await Promise.all([
    prisma.complaint.findMany({
      where: { managerId: view.managerId, id: { not: view.id }, month: { gte: yearBefore, lte: view.month } },
      select: { id: true, receivedOn: true, kind: true, status: true, points: true },
      orderBy: { receivedOn: 'desc' },
    }),
    prisma.evaluation.findFirst({
      where: { managerId: view.managerId, stage: { not: 'WITHDRAWN' }, cycle: { type: 'MONTHLY', period: view.month } },
      include: { scores: true, cycle: { include: { template: true } } },
    }),
  ]);
  return {
    ...view,
    history: history.map((h) => ({ ...h, points: h.points === null ? null : Number(h.points) })),
    month: view.month,
    monthResult: evaluation ? monthEffect(evaluation, view) : null,
  };
}

/** The month's result now and if this complaint is confirmed (its points added to the deductions). */
function monthEffect(
  e: {
    id: string;
    stage: string;
    compositeScore: { toString(): string } | null;
    rank: number | null;
    cohortSize: number | null;
    scores: { component: string; value: unknown; missing: boolean; details: unknown }[];
    cycle: { template: { config: unknown } };
  },
  complaint: { id: string; status: ComplaintStatus; points: number | null },
) {
  const template = parseTemplateConfig(e.cycle.template.config);
  const { values, deductions, gathered } = compositeInputs(e.scores, template);
  const counted = countedComplaintIds(e.scores.find((s) => s.component === complaintsComponent)?.details);
  const already = counted.includes(complaint.id);
  const extra = already || complaint.status === 'NOT_CONFIRMED' ? 0 : (complaint.points ?? 0);
  const scored = e.compositeScore !== null;
  return {
    evaluationId: e.id,
    stage: e.stage,
    rank: e.rank,
    cohortSize: e.cohortSize,
    deductions: deductionsOf(e.scores),
    compositeScore: scored ? Number(e.compositeScore) : null,
    ifConfirmed: scored ? compositeScore(template.weights, values, gathered, deductions + extra) : null,
  };
}

const exportWords = {
  receivedOn: ['受理日期', 'Received on'],
  month: ['扣分月份', 'Month'],
  county: ['县区', 'County'],
  employeeNo: ['工号', 'Employee no.'],
  name: ['姓名', 'Name'],
  kind: ['类别', 'Kind'],
  channel: ['渠道', 'Channel'],
  customer: ['投诉客户', 'Customer'],
  status: ['状态', 'Status'],
  points: ['扣分', 'Deducted'],
  content: ['投诉内容', 'What happened'],
  answer: ['客户经理说明', 'The manager’s answer'],
  reason: ['认定理由', 'Reason'],
  registered: ['登记时间', 'Registered'],
} as const;

/** The complaints as a table (投诉台账): codes named in the reader's language, no phone numbers. */
async function exportComplaints(
  prisma: PrismaClient,
  res: Response,
  format: 'csv' | 'xlsx',
  where: Prisma.ComplaintWhereInput,
  lang: Language,
): Promise<void> {
  const rows = await prisma.complaint.findMany({
    where,
    include: {
      manager: { select: { name: true, employeeNo: true, county: { select: { name: true, nameEn: true } } } },
    },
    orderBy: [{ receivedOn: 'desc' }, { id: 'asc' }],
    take: 10_000,
  });
  const w = (k: keyof typeof exportWords) => exportWords[k][lang === 'en' ? 1 : 0];
  await sendTable(
    res,
    format,
    {
      name: 'complaints',
      sheet: lang === 'en' ? 'Complaints' : '投诉',
      title: lang === 'en' ? 'Complaints' : '投诉台账',
    },
    [
      w('receivedOn'),
      w('month'),
      w('county'),
      w('employeeNo'),
      w('name'),
      w('kind'),
      w('channel'),
      w('customer'),
      w('status'),
      { header: w('points'), format: 'score' },
      w('content'),
      w('answer'),
      w('reason'),
      w('registered'),
    ],
    rows.map((c) => [
      c.receivedOn,
      c.month,
      lang === 'en' ? c.manager.county.nameEn : c.manager.county.name,
      c.manager.employeeNo,
      c.manager.name,
      nameOf('complaintKind', c.kind, lang),
      nameOf('complaintChannel', c.channel, lang),
      c.customerName,
      nameOf('complaintStatus', c.status, lang),
      c.status === 'CONFIRMED' ? Number(c.points ?? 0) : 0,
      c.content,
      c.answer ?? '',
      c.decisionReason ?? '',
      shanghaiMinute(c.createdAt),
    ]),
  );
}

export function complaintRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.use('/complaints', authenticate(ctx.prisma));

  /** The center registers a complaint; the manager is asked for an answer at once. */
  router.post('/complaints', async (req, res) => {
    const actor = actorOf(req);
    const lang = requestLanguage(req);
    if (!hasRole(actor, ...complaintKeepers))
      throw problems.forbidden({
        'zh-CN': '只有考评中心（人力资源部）可以登记投诉',
        en: 'only HR registers complaints',
      });
    const body = parseInput(registerComplaintSchema, req.body, 'body', lang);
    const dateProblem = receivedOnProblem(body.receivedOn, shanghaiDate(new Date()));
    if (dateProblem) throw problems.badRequest([{ field: 'body.receivedOn', message: dateProblem[lang] }]);
    const manager = await findOr404(body.managerId, managerText, (id) =>
      ctx.prisma.manager.findUnique({ where: { id } }),
    );
    const counties = await countiesInScope(ctx.prisma, actor, complaintKeepers);
    if (counties !== 'all' && !counties.includes(manager.countyId))
      throw problems.forbidden({ 'zh-CN': '不在您的管辖范围', en: 'outside your scope' });
    if (!manager.active)
      throw problems.conflict('manager_left', {
        'zh-CN': `${manager.name} 已离岗，不能再登记投诉`,
        en: `${manager.name} has left: no complaint can be registered`,
      });
    const complaintId = complaintIdFor(req.headers['idempotency-key'], actor.id);
    const existing = await complaintView(ctx.prisma, complaintId);
    if (existing) return void res.status(200).json(existing);
    const input: ComplaintInput = {
      ...body,
      complaintId,
      countyId: manager.countyId,
      registeredById: actor.id,
      at: new Date().toISOString(),
      template: await monthlyTemplate(ctx.prisma),
    };
    await startWorkflowOnce(ctx.temporal, complaintWorkflow, {
      workflowId: complaintWorkflowId(complaintId),
      taskQueue: ctx.taskQueue,
      args: [input],
    });
    // The workflow's first step records it; answer once it has (or say it is on its way).
    for (let waited = 0; waited < 10_000; waited += 200) {
      const view = await complaintView(ctx.prisma, complaintId);
      if (view) return void res.status(201).json(view);
      await new Promise((r) => setTimeout(r, 200));
    }
    res.status(202).json({ id: complaintId, status: 'REGISTERING' });
  });

  /** Complaints in the reader's scope (a manager: their own), newest first, with counts per status. */
  router.get('/complaints', async (req, res) => {
    const actor = actorOf(req);
    const query = parseInput(complaintListQuery, req.query, 'query', requestLanguage(req));
    const scope = await managerRowScope(ctx.prisma, actor, complaintReaders);
    if (!scope) throw problems.forbidden(complaintText);
    const filters = {
      ...scope,
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.countyId ? { countyId: query.countyId } : {}),
      ...(query.managerId ? { managerId: query.managerId } : {}),
      ...(query.month ? { month: query.month } : {}),
    };
    const where = { ...filters, ...(query.status ? { status: query.status } : {}) };
    if (query.format === 'csv' || query.format === 'xlsx')
      return void (await exportComplaints(ctx.prisma, res, query.format, where, requestLanguage(req)));
    const [rows, total, byStatus] = await Promise.all([
      ctx.prisma.complaint.findMany({
        where,
        select: {
          id: true,
          managerId: true,
          countyId: true,
          channel: true,
          kind: true,
          receivedOn: true,
          month: true,
          customerName: true,
          status: true,
          points: true,
          decidedAt: true,
          createdAt: true,
          manager: { select: { name: true, employeeNo: true, county: { select: { name: true, nameEn: true } } } },
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      }),
      ctx.prisma.complaint.count({ where }),
      ctx.prisma.complaint.groupBy({ by: ['status'], where: filters, _count: true }),
    ]);
    res.json({
      complaints: rows.map((c) => ({ ...c, points: c.points === null ? null : Number(c.points) })),
      counts: Object.fromEntries(byStatus.map((g) => [g.status, g._count])),
      total,
      page: query.page,
      pageSize: query.pageSize,
    });
  });

  /** Complaint analysis (投诉分析): by kind, county and month, with how many were confirmed. */
  router.get('/complaints/analysis', async (req, res) => {
    const actor = actorOf(req);
    const query = parseInput(complaintAnalysisQuery, req.query, 'query', requestLanguage(req));
    const counties = await countiesInScope(ctx.prisma, actor, complaintReaders);
    if (counties !== 'all' && counties.length === 0) throw problems.forbidden(complaintText);
    const to = query.to ?? shanghaiDate(new Date()).slice(0, 7);
    const from = query.from ?? addMonths(to, -11);
    const countyFilter =
      counties === 'all'
        ? query.countyId
          ? { countyId: query.countyId }
          : {}
        : { countyId: { in: query.countyId ? counties.filter((c) => c === query.countyId) : counties } };
    const rows = await ctx.prisma.complaint.findMany({
      where: { ...countyFilter, month: { gte: from, lte: to } },
      select: { kind: true, countyId: true, month: true, status: true },
    });
    const analysis = analyseComplaints(rows.map((r) => ({ ...r, kind: r.kind as ComplaintKind })));
    const units = await ctx.prisma.orgUnit.findMany({
      where: { id: { in: analysis.byCounty.map((c) => c.countyId) } },
      select: { id: true, code: true, name: true, nameEn: true },
    });
    const unit = new Map(units.map((u) => [u.id, u]));
    res.json({
      from,
      to,
      ...analysis,
      byCounty: analysis.byCounty.map((c) => ({ ...c, county: unit.get(c.countyId) ?? null })),
    });
  });

  /** One complaint with its steps; the manager reads their own (without the customer's phone). */
  router.get('/complaints/:id', async (req, res) => {
    const actor = actorOf(req);
    const row = await findOr404(String(req.params.id), complaintText, (id) =>
      ctx.prisma.complaint.findUnique({ where: { id }, select: { id: true, managerId: true, countyId: true } }),
    );
    if (!(await canRead(ctx.prisma, actor, row))) throw problems.forbidden(complaintText);
    res.json(await complaintView(ctx.prisma, row.id, readsAsManager(actor, row.managerId)));
  });

  return router;
}

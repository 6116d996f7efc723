// The organisation as the signed-in user may see it: counties and managers in scope.
import { Router } from 'express';
import { z } from 'zod';
import { isCalendarDate } from '../../domain/calendar';
import { grades } from '../../domain/grades';
import { startWorkflowOnce } from '../../workflows/client/startOnce';
import { managerJoinWorkflowId } from '../../workflows/managerJoin.messages';
import { managerJoinWorkflow } from '../../workflows/managerJoin';
import { withdrawEvaluationUpdate } from '../../workflows/managerEvaluation.messages';
import { cancelResultsTalkUpdate } from '../../workflows/resultsTalk.messages';
import { actorOf, authenticate, countiesInScope, hasRole, type Actor } from '../auth';
import { accountFields, hashPassword } from '../passwords';
import type { ApiContext } from '../context';
import { executeUpdate, resultWithin } from '../workflowUpdates';
import { findOr404, HttpProblem, parseInput, problems, requestLanguage } from '../problems';
import { recordAudit } from '../../prisma/audit';
import { customerListReaders, evaluationReaders, managerMaintainers, orgViewers } from '../../domain/roles';
import { multiLine, oneLine } from '../../domain/text';
import { roleHolders } from '../../prisma/roleHolders';

export const managerListQuery = z.object({
  countyId: z.uuid().optional(),
  /** Name or employee number contains (a picker's search); with `limit`, the first matches. */
  q: oneLine().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

const calendarDate = z.string().refine(isCalendarDate, 'YYYY-MM-DD');
export const newManagerBody = z.object({
  employeeNo: oneLine().min(1).max(40),
  name: oneLine().min(1).max(100),
  countyId: z.uuid(),
  area: z.enum(['URBAN', 'RURAL']),
  employment: z.enum(['FORMAL', 'CONTRACT']),
  hireDate: calendarDate,
  postStartDate: calendarDate,
  education: z.enum(['HIGH_SCHOOL', 'VOCATIONAL', 'JUNIOR_COLLEGE', 'BACHELOR', 'MASTER']),
  grade: z.enum(grades).default('TRAINEE'),
  starRating: z.number().int().min(1).max(5).default(1),
  ...accountFields,
});
export const leaveBody = z.object({ reason: multiLine().min(2).max(500) });
/** The industry partner account that works with the manager (null: the county's first partner account). */
export const partnerBody = z.object({ partnerUserId: z.uuid().nullable() });
/** A manager's retail customers (零售客户), added or updated by licence number; a licence already with another manager moves here. */
export const customersBody = z.object({
  customers: z
    .array(
      z.object({
        licenceNo: oneLine().min(4).max(40),
        name: oneLine().min(1).max(100),
        email: z.email().optional(),
        phone: z
          .string()
          .trim()
          .regex(/^[\d+\- ]{5,20}$/)
          .optional(),
        language: z.enum(['zh-CN', 'en']).default('zh-CN'),
        active: z.boolean().default(true),
      }),
    )
    .min(1)
    .max(1000)
    .refine(
      (items) => new Set(items.map((i) => i.licenceNo)).size === items.length,
      'each licence number at most once',
    ),
});
export const transferBody = z.object({ countyId: z.uuid(), reason: multiLine().min(2).max(500) });

export function orgRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.use('/org', authenticate(ctx.prisma));

  router.get('/org/counties', async (req, res) => {
    const counties = await countiesInScope(ctx.prisma, actorOf(req), [...orgViewers, 'MANAGER']);
    const units = await ctx.prisma.orgUnit.findMany({
      where: { kind: 'COUNTY', ...(counties === 'all' ? {} : { id: { in: counties } }) },
      orderBy: { code: 'asc' },
      include: { _count: { select: { managers: { where: { active: true } } } } },
    });
    res.json({ counties: units.map(({ _count, ...u }) => ({ ...u, managerCount: _count.managers })) });
  });

  router.get('/org/managers', async (req, res) => {
    const actor = actorOf(req);
    const query = parseInput(managerListQuery, req.query, 'query', requestLanguage(req));
    const counties = await countiesInScope(ctx.prisma, actor, orgViewers);
    if (counties !== 'all' && counties.length === 0)
      throw problems.forbidden({ 'zh-CN': '客户经理名单', en: 'the manager list' });
    if (query.countyId && counties !== 'all' && !counties.includes(query.countyId))
      throw problems.forbidden({ 'zh-CN': '不在您的管辖范围', en: 'outside your scope' });
    // An industry partner sees the managers they rate: their own, and in counties where they
    // are the first partner account, those with no partner named (as tasks are assigned).
    const partnerOnly = !hasRole(actor, ...evaluationReaders);
    const ownManagers = partnerOnly ? await partnersManagers(actor.id, counties === 'all' ? [] : counties) : {};
    const managers = await ctx.prisma.manager.findMany({
      where: {
        active: true,
        ...(query.countyId ? { countyId: query.countyId } : counties === 'all' ? {} : { countyId: { in: counties } }),
        ...ownManagers,
        ...(query.q
          ? {
              AND: [
                {
                  OR: [
                    { name: { contains: query.q } },
                    { employeeNo: { contains: query.q, mode: 'insensitive' as const } },
                  ],
                },
              ],
            }
          : {}),
      },
      take: query.limit,
      select: {
        id: true,
        employeeNo: true,
        name: true,
        countyId: true,
        area: true,
        employment: true,
        grade: true,
        starRating: true,
        hireDate: true,
        postStartDate: true,
        education: true,
      },
      orderBy: { employeeNo: 'asc' },
    });
    res.json({ managers });
  });

  async function partnersManagers(partnerId: string, counties: string[]) {
    const fallback: string[] = [];
    for (const c of counties)
      if ((await roleHolders(ctx.prisma, 'INDUSTRY_PARTNER', c))[0] === partnerId) fallback.push(c);
    return { OR: [{ industryPartnerId: partnerId }, { industryPartnerId: null, countyId: { in: fallback } }] };
  }

  const staffText = { 'zh-CN': '只有人力资源部或管理员可以维护客户经理', en: 'only HR or an admin maintains managers' };
  async function requireStaffOf(actor: Actor, countyId: string): Promise<void> {
    const counties = await countiesInScope(ctx.prisma, actor, managerMaintainers);
    if (!hasRole(actor, ...managerMaintainers) || (counties !== 'all' && !counties.includes(countyId)))
      throw problems.forbidden(staffText);
  }
  async function loadManager(id: string) {
    const manager = await findOr404(id, { 'zh-CN': '客户经理', en: 'Manager' }, (id) =>
      ctx.prisma.manager.findUnique({ where: { id } }),
    );
    return manager;
  }
  async function loadCounty(id: string) {
    const county = await ctx.prisma.orgUnit.findFirst({ where: { id, kind: 'COUNTY' } });
    if (!county) throw problems.notFound({ 'zh-CN': '县级营销部', en: 'County' });
    return county;
  }

  /**
   * A manager joins: account and record; they join every open cycle of their county
   * (or the city) whose county review has not started, with their own due dates.
   */
  router.post('/org/managers', async (req, res) => {
    const actor = actorOf(req);
    const lang = requestLanguage(req);
    const body = parseInput(newManagerBody, req.body, 'body', lang);
    const county = await loadCounty(body.countyId);
    await requireStaffOf(actor, county.id);
    const clash = await ctx.prisma.$transaction([
      ctx.prisma.manager.findUnique({ where: { employeeNo: body.employeeNo } }),
      ctx.prisma.user.findUnique({ where: { username: body.username } }),
    ]);
    if (clash[0])
      throw problems.conflict('duplicate', {
        'zh-CN': `员工编号 ${body.employeeNo} 已存在`,
        en: `employee number ${body.employeeNo} exists already`,
      });
    if (clash[1])
      throw problems.conflict('duplicate', {
        'zh-CN': `用户名 ${body.username} 已存在`,
        en: `username ${body.username} exists already`,
      });
    const passwordHash = await hashPassword(body.password);
    const manager = await ctx.prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          username: body.username,
          passwordHash,
          displayName: body.name,
          email: body.email,
          language: body.language,
          roles: { create: [{ role: 'MANAGER', orgUnitId: county.id }] },
        },
      });
      const created = await tx.manager.create({
        data: {
          employeeNo: body.employeeNo,
          name: body.name,
          countyId: county.id,
          area: body.area,
          employment: body.employment,
          hireDate: new Date(body.hireDate),
          postStartDate: new Date(body.postStartDate),
          education: body.education,
          grade: body.grade,
          starRating: body.starRating,
          userId: user.id,
        },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'manager.joined',
        entityType: 'manager',
        entityId: created.id,
        details: { countyId: county.id },
      });
      return created;
    });
    // The join is a workflow: once started it completes even if this process dies now.
    const join = await startWorkflowOnce(ctx.temporal, managerJoinWorkflow, {
      workflowId: managerJoinWorkflowId(manager.id),
      taskQueue: ctx.taskQueue,
      args: [{ managerId: manager.id, actorId: actor.id }],
    });
    // The join goes on if it takes longer than a request may wait: 202, with the manager.
    const joined = await resultWithin(join.result());
    res.status(joined ? 201 : 202).json({ manager, joinedCycles: joined?.joinedCycles ?? null });
  });

  /** A manager leaves: account closed; in open cycles their open tasks are cancelled and they are not ranked. */
  /** The manager's retail customers: the county's staff and the city see them (never survey answers). */
  router.get('/org/managers/:id/customers', async (req, res) => {
    const actor = actorOf(req);
    const manager = await loadManager(String(req.params.id));
    const counties = await countiesInScope(ctx.prisma, actor, customerListReaders);
    if (counties !== 'all' && !counties.includes(manager.countyId))
      throw problems.forbidden({ 'zh-CN': '该客户经理的零售客户', en: "this manager's retail customers" });
    const customers = await ctx.prisma.retailCustomer.findMany({
      where: { managerId: manager.id },
      orderBy: { licenceNo: 'asc' },
      select: { id: true, licenceNo: true, name: true, email: true, phone: true, language: true, active: true },
    });
    res.json({ customers });
  });

  /** HR or an admin adds or updates retail customers: the survey samples the active ones with an e-mail address. */
  router.post('/org/managers/:id/customers', async (req, res) => {
    const actor = actorOf(req);
    const manager = await loadManager(String(req.params.id));
    await requireStaffOf(actor, manager.countyId);
    const body = parseInput(customersBody, req.body, 'body', requestLanguage(req));
    const result = await ctx.prisma.$transaction(async (tx) => {
      let created = 0;
      let updated = 0;
      for (const c of body.customers) {
        const data = {
          name: c.name,
          email: c.email ?? null,
          phone: c.phone ?? null,
          language: c.language,
          active: c.active,
          managerId: manager.id,
        };
        const existing = await tx.retailCustomer.findUnique({ where: { licenceNo: c.licenceNo } });
        if (existing) {
          await tx.retailCustomer.update({ where: { id: existing.id }, data });
          updated++;
        } else {
          await tx.retailCustomer.create({ data: { licenceNo: c.licenceNo, ...data } });
          created++;
        }
      }
      const active = await tx.retailCustomer.count({ where: { managerId: manager.id, active: true } });
      await tx.manager.update({ where: { id: manager.id }, data: { retailCustomers: active } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'manager.customersUpdated',
        entityType: 'manager',
        entityId: manager.id,
        details: { created, updated },
      });
      return { created, updated, activeCustomers: active };
    });
    res.json(result);
  });

  /** HR or an admin says which industry partner works with the manager: their feedback tasks go to that account. */
  router.post('/org/managers/:id/partner', async (req, res) => {
    const actor = actorOf(req);
    const lang = requestLanguage(req);
    const manager = await loadManager(String(req.params.id));
    await requireStaffOf(actor, manager.countyId);
    const body = parseInput(partnerBody, req.body, 'body', lang);
    if (body.partnerUserId) {
      const county = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { id: manager.countyId } });
      const partner = await ctx.prisma.user.findFirst({
        where: {
          id: body.partnerUserId,
          active: true,
          roles: {
            some: {
              role: 'INDUSTRY_PARTNER',
              orgUnitId: { in: [county.id, ...(county.parentId ? [county.parentId] : [])] },
            },
          },
        },
      });
      if (!partner) {
        if (!(await ctx.prisma.user.findUnique({ where: { id: body.partnerUserId } })))
          throw problems.notFound({ 'zh-CN': '用户', en: 'User' });
        throw problems.badRequest([
          {
            field: 'body.partnerUserId',
            message:
              lang === 'en'
                ? 'body.partnerUserId must be an industry partner account of this county or the city'
                : 'body.partnerUserId 必须是本县或全市的工业企业账号',
          },
        ]);
      }
    }
    await ctx.prisma.$transaction(async (tx) => {
      await tx.manager.update({ where: { id: manager.id }, data: { industryPartnerId: body.partnerUserId } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'manager.partnerAssigned',
        entityType: 'manager',
        entityId: manager.id,
        details: { from: manager.industryPartnerId, to: body.partnerUserId },
      });
    });
    res.json({ managerId: manager.id, industryPartnerId: body.partnerUserId });
  });

  router.post('/org/managers/:id/leave', async (req, res) => {
    const actor = actorOf(req);
    const manager = await loadManager(String(req.params.id));
    await requireStaffOf(actor, manager.countyId);
    const body = parseInput(leaveBody, req.body, 'body', requestLanguage(req));
    if (!manager.active)
      throw problems.conflict('already_left', { 'zh-CN': '该客户经理已离岗', en: 'The manager has left already' });
    await ctx.prisma.$transaction(async (tx) => {
      await tx.manager.update({ where: { id: manager.id }, data: { active: false } });
      if (manager.userId) await tx.user.update({ where: { id: manager.userId }, data: { active: false } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'manager.left',
        entityType: 'manager',
        entityId: manager.id,
        details: { reason: body.reason },
      });
    });
    const open = await ctx.prisma.evaluation.findMany({ where: { managerId: manager.id, stage: 'TASKS_OPEN' } });
    for (const evaluation of open) {
      await executeUpdate(
        ctx.temporal,
        requestLanguage(req),
        evaluation.workflowId,
        withdrawEvaluationUpdate,
        [{ actorId: actor.id, reason: body.reason }],
        `withdraw:${evaluation.id}`,
      );
    }
    // 情感沟通 not yet done: cancelled with the manager gone (a talk that ends meanwhile stays as it ended).
    const talks = await ctx.prisma.resultsTalk.findMany({
      where: { managerId: manager.id, status: { in: ['TO_HOLD', 'TO_ACKNOWLEDGE'] } },
      select: { id: true, workflowId: true },
    });
    const cancelledTalks: string[] = [];
    for (const talk of talks) {
      try {
        await executeUpdate(
          ctx.temporal,
          requestLanguage(req),
          talk.workflowId,
          cancelResultsTalkUpdate,
          [{ actorId: actor.id, reason: body.reason }],
          `cancel-talk:${talk.id}`,
        );
        cancelledTalks.push(talk.id);
      } catch (err) {
        if (!(err instanceof HttpProblem && err.status === 409)) throw err;
      }
    }
    res.json({ managerId: manager.id, withdrawnEvaluations: open.map((e) => e.id), cancelledTalks });
  });

  /**
   * A manager moves to another county: from now on they belong there; evaluations of
   * cycles already open stay with the county they started in, submissions and all.
   */
  router.post('/org/managers/:id/transfer', async (req, res) => {
    const actor = actorOf(req);
    const manager = await loadManager(String(req.params.id));
    await requireStaffOf(actor, manager.countyId);
    const body = parseInput(transferBody, req.body, 'body', requestLanguage(req));
    const county = await loadCounty(body.countyId);
    await requireStaffOf(actor, county.id);
    if (county.id === manager.countyId)
      throw problems.badRequest([{ field: 'body.countyId', message: "body.countyId is the manager's county already" }]);
    const updated = await ctx.prisma.$transaction(async (tx) => {
      const m = await tx.manager.update({ where: { id: manager.id }, data: { countyId: county.id } });
      if (manager.userId)
        await tx.userRole.updateMany({
          where: { userId: manager.userId, role: 'MANAGER' },
          data: { orgUnitId: county.id },
        });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'manager.transferred',
        entityType: 'manager',
        entityId: manager.id,
        details: { from: manager.countyId, to: county.id, reason: body.reason },
      });
      return m;
    });
    res.json({ manager: updated });
  });

  return router;
}

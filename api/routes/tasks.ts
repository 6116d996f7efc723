// Task inbox, submissions and deadline changes. A submission is accepted by the
// manager's workflow (a Temporal update): acknowledged only once recorded, and a
// request sent twice counts once.
import { checkPeerRatings, redactPeerReview } from '../peerReviews';
import type { PeerReview } from '../../domain/peerReview';
import { peerReview } from '../../domain/taskKinds/peerReview';
import { weeklySheet } from '../../domain/taskKinds/weeklySheet';
import type { SheetContent } from '../../domain/weeklySheet';
import { checkSheetCustomers } from './weeklySheets';
import { createHash } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { isCalendarDate } from '../../domain/calendar';
import { countySignOff, recommendationRequired } from '../../domain/taskKinds/countySignOff';
import {
  actorRoleOf,
  publicTaskKinds,
  reassignable,
  sharedAmongHolders,
  submissionSchemaOf,
  taskKinds,
  type TaskKind,
} from '../../domain/taskKinds';
import { nameOf } from '../../domain/codeNames';
import { extendDeadlineUpdate, reassignTaskUpdate, submitTaskUpdate } from '../../workflows/humanTask.messages';
import { actorOf, authenticate, countiesInScope, hasRole, type Actor } from '../auth';
import type { ApiContext } from '../context';
import { executeUpdate, resultWithin, signalRecorded } from '../workflowUpdates';
import { recordSubmissionAtOnce, submittableTask } from '../../prisma/submissions';
import { submissionRecordedSignal } from '../../workflows/managerEvaluation.messages';
import { logOf } from '../log';
import { startWorkflowOnce } from '../../workflows/client/startOnce';
import { remindNowWorkflow } from '../../workflows/remindNow';
import { remindNowWorkflowId, type RemindNowInput } from '../../workflows/remindNow.messages';
import type { Language } from '../../domain/language';
import { findOr404, HttpProblem, parseInput, problems, requestLanguage } from '../problems';
import { multiLine, oneLine } from '../../domain/text';
import { canViewTask } from '../taskAccess';
import { peopleOf } from '../eventPeople';

const taskText = { 'zh-CN': '任务', en: 'Task' };
export const inboxQuery = z.object({
  status: z.enum(['OPEN', 'SUBMITTED', 'CLOSED_MISSING', 'CANCELLED']).optional(),
  cycleId: z.uuid().optional(),
  kind: z.enum(taskKinds).optional(),
  /** Only tasks past their due date (still open). */
  overdue: z.enum(['true', 'false']).optional(),
  /** Manager's name or employee number, county name or code. */
  q: oneLine().max(50).optional(),
  sort: z.enum(['dueDate', '-dueDate', 'openedAt', '-openedAt']).default('dueDate'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const extendBody = z.object({
  dueDate: z.string().refine(isCalendarDate, 'YYYY-MM-DD'),
  reason: multiLine().min(2).max(500),
});
export const reassignBody = z.object({ assigneeId: z.uuid(), reason: multiLine().min(2).max(500) });
const bulkTaskIds = z.array(z.uuid()).min(1).max(200);
export const bulkExtendBody = extendBody.extend({ taskIds: bulkTaskIds }).strict();
export const bulkReassignBody = reassignBody.extend({ taskIds: bulkTaskIds }).strict();
export const bulkRemindBody = z.object({ taskIds: bulkTaskIds, note: multiLine().max(200).optional() }).strict();

/** How many tasks of a bulk change run at once: each is its own workflow update. */
const bulkParallel = 4;
type BulkResult = { taskId: string; ok: true } | { taskId: string; ok: false; status: number; title: string };

function bulkResultOf(taskId: string, settled: PromiseSettledResult<unknown>, lang: Language): BulkResult {
  if (settled.status === 'fulfilled') return { taskId, ok: true };
  const e: unknown = settled.reason;
  if (e instanceof HttpProblem) return { taskId, ok: false, status: e.status, title: e.text[lang] };
  throw e;
}
/** A client's Idempotency-Key header: the same key is the same request. */
export const idempotencyKey = z
  .string()
  .trim()
  .min(8)
  .max(200)
  .regex(/^[\w.:-]+$/);

export function taskRoutes(ctx: ApiContext): Router {
  const router = Router();
  /** Every task kind with its names and form fields (the task-kind registry), for any client. */
  router.get('/task-kinds', (_req, res) => {
    res.json({ taskKinds: publicTaskKinds() });
  });
  router.use('/tasks', authenticate(ctx.prisma));

  // Before the /tasks/:id routes, which would take 'bulk' for an id.
  router.post('/tasks/bulk/extend', async (req, res) => {
    const lang = requestLanguage(req);
    const { taskIds, ...body } = parseInput(bulkExtendBody, req.body, 'body', lang);
    res.json(await eachTask(req, taskIds, (id) => extendOne(actorOf(req), lang, id, body)));
  });

  router.post('/tasks/bulk/reassign', async (req, res) => {
    const lang = requestLanguage(req);
    const { taskIds, ...body } = parseInput(bulkReassignBody, req.body, 'body', lang);
    res.json(await eachTask(req, taskIds, (id) => reassignOne(actorOf(req), lang, id, body)));
  });

  /** HR reminds the people of open tasks now (催办), with a note; once an hour per task at most. */
  router.post('/tasks/bulk/remind', async (req, res) => {
    const actor = actorOf(req);
    const lang = requestLanguage(req);
    const body = parseInput(bulkRemindBody, req.body, 'body', lang);
    const tasks = await ctx.prisma.task.findMany({
      where: { id: { in: body.taskIds } },
      select: { id: true, countyId: true },
    });
    for (const task of tasks)
      await requireHrOf(actor, task.countyId, { 'zh-CN': '只有人力资源部可以催办', en: 'only HR sends reminders' });
    if (tasks.length === 0) throw problems.notFound(taskText);
    const key = req.headers['idempotency-key'];
    const requestId = typeof key === 'string' && /^[\w-]{8,64}$/.test(key) ? key : randomUUID();
    const input: RemindNowInput = {
      taskIds: tasks.map((t) => t.id),
      actorId: actor.id,
      at: new Date().toISOString(),
      ...(body.note ? { note: body.note } : {}),
    };
    const handle = await startWorkflowOnce(ctx.temporal, remindNowWorkflow, {
      workflowId: remindNowWorkflowId(requestId),
      taskQueue: ctx.taskQueue,
      args: [input],
    });
    const done = await resultWithin(handle.result());
    const unknown = body.taskIds.filter((id) => !tasks.some((t) => t.id === id));
    // 202: the reminders are written and go out even if this answer came before they were mailed.
    res.status(202).json(done ? { ...done, skipped: [...done.skipped, ...unknown] } : { pending: true, unknown });
  });

  async function loadTask(id: string) {
    const task = await findOr404(id, taskText, (id) =>
      ctx.prisma.task.findUnique({
        where: { id },
        include: {
          evaluation: { include: { manager: true } },
          countyReview: true,
          gradeReview: true,
          bottomRankCase: true,
          objection: true,
          resultsTalk: true,
          complaint: { select: { workflowId: true, receivedOn: true, managerId: true } },
          weeklySheet: {
            select: {
              workflowId: true,
              weekStart: true,
              managerId: true,
              manager: { select: { name: true, employeeNo: true } },
            },
          },
          cycle: true,
          submission: true,
          assignee: { select: { id: true, displayName: true } },
        },
      }),
    );
    return {
      ...task,
      workflowId: (task.evaluation?.workflowId ??
        task.countyReview?.workflowId ??
        task.gradeReview?.workflowId ??
        task.bottomRankCase?.workflowId ??
        task.objection?.workflowId ??
        task.resultsTalk?.workflowId ??
        task.complaint?.workflowId ??
        task.weeklySheet?.workflowId)!,
    };
  }

  /** Only HR whose scope covers the county. */
  async function requireHrOf(actor: Actor, countyId: string, what: { 'zh-CN': string; en: string }): Promise<void> {
    const hr = await countiesInScope(ctx.prisma, actor, ['HR']);
    if (!hasRole(actor, 'HR') || (hr !== 'all' && !hr.includes(countyId))) throw problems.forbidden(what);
  }

  const canView = (actor: Actor, task: { assigneeId: string; countyId: string }) =>
    canViewTask(ctx.prisma, actor, task);

  /** The signed-in user's task inbox: filtered, searched, sorted and paged here, with counts per status. */
  router.get('/tasks', async (req, res) => {
    const actor = actorOf(req);
    const query = parseInput(inboxQuery, req.query, 'query', requestLanguage(req));
    const matchingCounties = query.q
      ? await ctx.prisma.orgUnit.findMany({
          where: { OR: [{ name: { contains: query.q } }, { code: { contains: query.q } }] },
          select: { id: true },
        })
      : [];
    const text = query.q
      ? {
          OR: [
            { evaluation: { manager: { name: { contains: query.q } } } },
            { evaluation: { manager: { employeeNo: { contains: query.q } } } },
            { bottomRankCase: { manager: { name: { contains: query.q } } } },
            { bottomRankCase: { manager: { employeeNo: { contains: query.q } } } },
            { objection: { evaluation: { manager: { name: { contains: query.q } } } } },
            { objection: { evaluation: { manager: { employeeNo: { contains: query.q } } } } },
            { resultsTalk: { evaluation: { manager: { name: { contains: query.q } } } } },
            { resultsTalk: { evaluation: { manager: { employeeNo: { contains: query.q } } } } },
            { complaint: { manager: { name: { contains: query.q } } } },
            { complaint: { manager: { employeeNo: { contains: query.q } } } },
            { weeklySheet: { manager: { name: { contains: query.q } } } },
            { weeklySheet: { manager: { employeeNo: { contains: query.q } } } },
            { countyId: { in: matchingCounties.map((c) => c.id) } },
          ],
        }
      : {};
    const filters = {
      assigneeId: actor.id,
      ...(query.cycleId ? { cycleId: query.cycleId } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.overdue === 'true' ? { status: 'OPEN' as const, dueAt: { lt: new Date() } } : {}),
      ...text,
    };
    const where = { ...filters, ...(query.status ? { status: query.status } : {}) };
    const direction = query.sort.startsWith('-') ? 'desc' : 'asc';
    const sortField = query.sort.replace('-', '') === 'openedAt' ? 'openedAt' : 'dueAt';
    const [tasks, total, byStatus, overdue] = await Promise.all([
      ctx.prisma.task.findMany({
        where,
        include: {
          cycle: { select: { type: true, period: true } },
          evaluation: { select: { managerId: true, manager: { select: { name: true, employeeNo: true } } } },
          bottomRankCase: { select: { managerId: true, manager: { select: { name: true, employeeNo: true } } } },
          objection: {
            select: {
              managerId: true,
              evaluation: { select: { manager: { select: { name: true, employeeNo: true } } } },
            },
          },
          resultsTalk: {
            select: {
              managerId: true,
              evaluation: { select: { manager: { select: { name: true, employeeNo: true } } } },
            },
          },
          complaint: {
            select: { managerId: true, receivedOn: true, manager: { select: { name: true, employeeNo: true } } },
          },
          weeklySheet: {
            select: { id: true, weekStart: true, manager: { select: { name: true, employeeNo: true } } },
          },
        },
        orderBy: [{ [sortField]: direction }, { id: 'asc' }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      }),
      ctx.prisma.task.count({ where }),
      ctx.prisma.task.groupBy({ by: ['status'], where: filters, _count: { _all: true } }),
      ctx.prisma.task.count({ where: { ...filters, status: 'OPEN', dueAt: { lt: new Date() } } }),
    ]);
    const counts = Object.fromEntries(byStatus.map((g) => [g.status, g._count._all]));
    const counties = await ctx.prisma.orgUnit.findMany({
      where: { id: { in: [...new Set(tasks.map((t) => t.countyId))] } },
      select: { id: true, code: true, name: true, nameEn: true },
    });
    const countyById = new Map(counties.map((c) => [c.id, c]));
    const now = Date.now();
    res.json({
      tasks: tasks.map(({ bottomRankCase, objection, resultsTalk, complaint, weeklySheet, ...t }) => ({
        ...t,
        // Who or what the task is about: a manager's evaluation, a case's, objection's, talk's or complaint's manager, or a county.
        subject: {
          manager:
            t.evaluation?.manager ??
            bottomRankCase?.manager ??
            objection?.evaluation.manager ??
            resultsTalk?.evaluation.manager ??
            complaint?.manager ??
            weeklySheet?.manager ??
            null,
          county: countyById.get(t.countyId) ?? null,
          /** A complaint's task belongs to no cycle: the complaint's date says what it is part of. */
          complaint: complaint ? { receivedOn: complaint.receivedOn } : null,
          /** Nor does a weekly sheet's: its week does. */
          weeklySheet: weeklySheet ? { id: weeklySheet.id, weekStart: weeklySheet.weekStart } : null,
        },
        overdue: t.status === 'OPEN' && t.dueAt.getTime() < now,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
      counts: { ...counts, overdue },
    });
  });

  router.get('/tasks/:id', async (req, res) => {
    const actor = actorOf(req);
    const task = await loadTask(String(req.params.id));
    if (!(await canView(actor, task))) throw problems.forbidden(taskText);
    res.json({ task: redactPeerReview(task, actor.id) });
  });

  /** Who did what and when: opened, reminded, escalated, submitted, extended, closed. */
  router.get('/tasks/:id/timeline', async (req, res) => {
    const actor = actorOf(req);
    const task = await loadTask(String(req.params.id));
    if (!(await canView(actor, task))) throw problems.forbidden(taskText);
    const events = await ctx.prisma.auditLog.findMany({
      where: { entityType: 'task', entityId: task.id },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    });
    const people = await peopleOf(ctx.prisma, events);
    res.json({
      events: events.map((e) => ({
        ...e,
        id: e.id.toString(),
        actorName: e.actorId ? (people[e.actorId] ?? null) : null,
      })),
      people,
    });
  });

  router.post('/tasks/:id/submission', async (req, res) => {
    const actor = actorOf(req);
    const lang = requestLanguage(req);
    const task = await loadTask(String(req.params.id));
    if (task.assigneeId !== actor.id)
      throw problems.forbidden({ 'zh-CN': '只能提交分配给您的任务', en: 'you can only submit your own tasks' });
    const schema = submissionSchemaOf(task.kind);
    if (!schema)
      throw problems.conflict('not_submittable', {
        'zh-CN': '此类任务暂不支持在线提交',
        en: 'this kind of task takes no submission here',
      });
    const payload = parseInput(schema, req.body, 'body', lang);
    const headerKey = req.headers['idempotency-key'];
    const requestId = headerKey
      ? parseInput(idempotencyKey, headerKey, 'body', lang)
      : createHash('sha256')
          .update(`${actor.id}:${task.id}:${JSON.stringify(payload)}`)
          .digest('hex')
          .slice(0, 32);

    if (task.submission) {
      // Sent again, perhaps because the first answer was lost with its signal: tell again.
      if (task.evaluation) await tellEvaluation(res, task, task.submission.id);
      return res.status(200).json({ outcome: 'duplicate', submissionId: task.submission.id });
    }
    if (task.kind === countySignOff.kind && task.cycle && recommendationRequired(task.cycle.type)) {
      const recommended = (payload as { recommendedManagerId?: string }).recommendedManagerId;
      const inCounty =
        recommended &&
        (await ctx.prisma.evaluation.findFirst({
          where: { cycleId: task.cycle.id, countyId: task.countyId, managerId: recommended },
        }));
      if (!inCounty) {
        throw problems.badRequest([
          {
            field: 'body.recommendedManagerId',
            message:
              lang === 'en'
                ? 'body.recommendedManagerId: a quarterly sign-off recommends one manager of this county in this cycle'
                : 'body.recommendedManagerId：季度审核须推荐本县本期的一名优秀客户经理',
          },
        ]);
      }
    }
    if (task.kind === weeklySheet.kind && task.weeklySheetId)
      await checkSheetCustomers(ctx.prisma, task.weeklySheet!.managerId, payload as SheetContent, lang);
    if (task.kind === peerReview.kind && task.evaluationId)
      await checkPeerRatings(ctx.prisma, task.evaluationId, payload as PeerReview, lang);
    if (task.status !== 'OPEN')
      throw problems.conflict('task_closed', {
        'zh-CN': '任务已关闭，不能再提交',
        en: 'The task is closed and takes no submission',
      });

    if (task.evaluation) {
      // An evaluation's task: recorded here and answered once Temporal has the signal that
      // tells its workflow, not after the worker's queue (a cycle opening keeps it long).
      const recorded = await recordSubmissionAtOnce(
        ctx.prisma,
        submittableTask({ ...task, cycle: task.cycle && { template: { config: await templateConfig(task.cycle) } } }),
        { at: new Date().toISOString(), requestId, submittedById: actor.id, payload },
      );
      if (recorded.outcome === 'closed')
        throw problems.conflict('task_closed', { 'zh-CN': '任务已关闭', en: 'The task is closed' });
      await tellEvaluation(res, task, recorded.submissionId);
      return res.status(recorded.outcome === 'accepted' ? 201 : 200).json(recorded);
    }
    const result = await executeUpdate(
      ctx.temporal,
      lang,
      task.workflowId,
      submitTaskUpdate,
      [{ taskId: task.id, requestId, submittedById: actor.id, payload }],
      `submit:${task.id}:${requestId}`,
    ).catch(async (err: unknown) => {
      // Sent again after a 503 whose update went through meanwhile (and its workflow may
      // have finished since): the person's submission is in, so say so, not "closed".
      if (!(err instanceof HttpProblem && err.code === 'task_closed')) throw err;
      const accepted = await ctx.prisma.submission.findUnique({ where: { taskId: task.id } });
      if (accepted?.submittedById !== actor.id) throw err;
      return { outcome: 'duplicate' as const, submissionId: accepted.id };
    });
    res.status(result.outcome === 'accepted' ? 201 : 200).json(result);
  });

  /** Tells a manager's evaluation workflow that the API recorded one of its tasks' submission. */
  const tellEvaluation = (
    res: Response,
    task: { id: string; kind: string; workflowId: string },
    submissionId: string,
  ) =>
    signalRecorded(ctx.temporal, logOf(res), task.workflowId, submissionRecordedSignal, {
      taskId: task.id,
      kind: task.kind as TaskKind,
      submissionId,
    });

  // A template version never changes once saved (a change is a new version): kept by id.
  const templateConfigs = new Map<string, unknown>();
  async function templateConfig(cycle: { templateId: string }): Promise<unknown> {
    if (!templateConfigs.has(cycle.templateId)) {
      const { config } = await ctx.prisma.evaluationTemplate.findUniqueOrThrow({ where: { id: cycle.templateId } });
      if (templateConfigs.size >= 100) templateConfigs.clear();
      templateConfigs.set(cycle.templateId, config);
    }
    return templateConfigs.get(cycle.templateId);
  }

  /** HR moves a task's due date; its reminders and escalations move with it. */
  /** HR moves one task's due date (its workflow re-plans reminders and escalations). */
  async function extendOne(actor: Actor, lang: Language, taskId: string, body: z.infer<typeof extendBody>) {
    const task = await loadTask(taskId);
    await requireHrOf(actor, task.countyId, { 'zh-CN': '只有人力资源部可以延期', en: 'only HR extends due dates' });
    if (body.dueDate <= task.dueDate)
      throw problems.badRequest([
        {
          field: 'body.dueDate',
          message:
            lang === 'en' ? `body.dueDate must be after ${task.dueDate}` : `body.dueDate 必须晚于 ${task.dueDate}`,
        },
      ]);
    if (task.status !== 'OPEN')
      throw problems.conflict('task_closed', {
        'zh-CN': '任务已关闭，不能延期',
        en: 'The task is closed and cannot be extended',
      });
    return executeUpdate(ctx.temporal, lang, task.workflowId, extendDeadlineUpdate, [
      { taskId: task.id, dueDate: body.dueDate, actorId: actor.id, reason: body.reason },
    ]);
  }

  router.post('/tasks/:id/extend', async (req, res) => {
    const lang = requestLanguage(req);
    const body = parseInput(extendBody, req.body, 'body', lang);
    res.json(await extendOne(actorOf(req), lang, String(req.params.id), body));
  });

  /** Who may take a task: active users holding its role for its county (or the whole city). */
  async function eligibleAssignees(task: { kind: string; countyId: string }, userId?: string) {
    const role = actorRoleOf[task.kind as TaskKind];
    if (!reassignable[task.kind as TaskKind]) return { role, reassignable: false, users: [] };
    const county = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { id: task.countyId } });
    const users = await ctx.prisma.user.findMany({
      where: {
        ...(userId ? { id: userId } : {}),
        active: true,
        roles: { some: { role, orgUnitId: { in: [task.countyId, ...(county.parentId ? [county.parentId] : [])] } } },
      },
      select: { id: true, username: true, displayName: true },
      orderBy: { username: 'asc' },
    });
    return { role, reassignable: true, users };
  }

  const reassignText = { 'zh-CN': '只有人力资源部可以转办任务', en: 'only HR reassigns tasks' };
  /** HR of the county, or, for a kind its holders share (a results talk), the one who holds it now. */
  async function requireReassigner(actor: Actor, task: { kind: TaskKind; assigneeId: string; countyId: string }) {
    if (sharedAmongHolders[task.kind] && task.assigneeId === actor.id) return;
    await requireHrOf(actor, task.countyId, reassignText);
  }
  router.get('/tasks/:id/assignees', async (req, res) => {
    const task = await loadTask(String(req.params.id));
    await requireReassigner(actorOf(req), task);
    res.json(await eligibleAssignees(task));
  });

  /** HR gives a task to another user who holds the task's role in its county (an inspector on leave). */
  async function reassignOne(actor: Actor, lang: Language, taskId: string, body: z.infer<typeof reassignBody>) {
    const task = await loadTask(taskId);
    await requireReassigner(actor, task);
    const eligible = await eligibleAssignees(task, body.assigneeId);
    if (!eligible.reassignable)
      throw problems.conflict('not_reassignable', {
        'zh-CN': '此类任务属于客户经理本人（或其工业企业），不能转办',
        en: 'this kind of task belongs to the manager (or their partner) and cannot be reassigned',
      });
    const {
      role,
      users: [assignee],
    } = eligible;
    if (!assignee) {
      const exists = await ctx.prisma.user.findUnique({ where: { id: body.assigneeId } });
      if (!exists) throw problems.notFound({ 'zh-CN': '用户', en: 'User' });
      throw problems.badRequest([
        {
          field: 'body.assigneeId',
          message:
            lang === 'en'
              ? `body.assigneeId must hold the ${nameOf('role', role, 'en')} role for this county`
              : `body.assigneeId 必须在该县具有${nameOf('role', role, 'zh-CN')}角色`,
        },
      ]);
    }
    if (task.status !== 'OPEN')
      throw problems.conflict('task_closed', {
        'zh-CN': '任务已关闭，不能转办',
        en: 'The task is closed and cannot be reassigned',
      });
    return executeUpdate(ctx.temporal, lang, task.workflowId, reassignTaskUpdate, [
      { taskId: task.id, assigneeId: assignee.id, actorId: actor.id, reason: body.reason },
    ]);
  }

  router.post('/tasks/:id/reassign', async (req, res) => {
    const lang = requestLanguage(req);
    const body = parseInput(reassignBody, req.body, 'body', lang);
    res.json(await reassignOne(actorOf(req), lang, String(req.params.id), body));
  });

  /**
   * The same change for many tasks (HR's 批量 on the cycle's 未提交名单): each task on its own,
   * as if sent alone, a few at a time; the answer says how each went.
   */
  async function eachTask(req: Request, taskIds: string[], change: (taskId: string) => Promise<unknown>) {
    const actor = actorOf(req);
    if (!hasRole(actor, 'HR')) throw problems.forbidden({ 'zh-CN': '批量处理', en: 'Bulk changes' });
    const lang = requestLanguage(req);
    const results: BulkResult[] = [];
    for (let i = 0; i < taskIds.length; i += bulkParallel) {
      const page = taskIds.slice(i, i + bulkParallel);
      const settled = await Promise.allSettled(page.map((id) => change(id)));
      settled.forEach((r, j) => results.push(bulkResultOf(page[j]!, r, lang)));
    }
    return { done: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, results };
  }

  return router;
}

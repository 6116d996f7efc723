// Incidents (故障): the workflow steps that kept failing, for HR and the admin, with the retry
// they ask for once the cause is fixed. The list reads the database; a retry is a signal to
// the waiting workflow, which runs the step again and marks the incident itself.
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { Router } from 'express';
import { z } from 'zod';
import {
  incidentCause,
  incidentSentence,
  incidentStatuses,
  incidentStepName,
  incidentWorkflowName,
} from '../../domain/incidents';
import { describeEvent } from '../../domain/eventText';
import type { Language } from '../../domain/language';
import { incidentKeepers } from '../../domain/roles';
import { oneLine } from '../../domain/text';
import type { Incident, PrismaClient } from '../../generated/prisma/client';
import { recordAudit } from '../../prisma/audit';
import { retryIncidentSignal } from '../../workflows/incidents.messages';
import { actorOf, authenticate, hasRole } from '../auth';
import type { ApiContext } from '../context';
import { findOr404, parseInput, problems, requestLanguage } from '../problems';

const incidentText = { 'zh-CN': '故障', en: 'Incident' };

export const incidentListQuery = z.object({
  status: z.enum(incidentStatuses).optional(),
  /** Open: OPEN and RETRYING, the ones that still need someone. */
  open: z.enum(['true', 'false']).optional(),
  cycleId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
const incidentIdParams = z.object({ id: z.uuid() });
export const retryIncidentBody = z.object({ note: oneLine().max(500).optional() }).strict();
export const retryIncidentsBody = z
  .object({ cycleId: z.uuid().optional(), note: oneLine().max(500).optional() })
  .strict();

/** Incidents still waiting for someone (a retry asked for is still one until the step goes through). */
export const openIncidentStatuses = ['OPEN', 'RETRYING'] as const;

/** How many incidents still need someone, for the status and overdue views. */
export async function openIncidentCount(
  prisma: PrismaClient,
  cycleId: string,
  countyFilter: { countyId?: { in: string[] } },
): Promise<number> {
  return prisma.incident.count({ where: { status: { in: [...openIncidentStatuses] }, cycleId, ...countyFilter } });
}

/** An incident as HR reads it: where, what, why in words, and the technical message. */
async function incidentViews(prisma: PrismaClient, rows: Incident[], language: Language) {
  const ids = (key: 'cycleId' | 'countyId' | 'evaluationId') =>
    [...new Set(rows.map((r) => r[key]))].filter((id): id is string => Boolean(id));
  const [cycles, counties, evaluations] = await Promise.all([
    prisma.cycle.findMany({ where: { id: { in: ids('cycleId') } }, select: { id: true, type: true, period: true } }),
    prisma.orgUnit.findMany({
      where: { id: { in: ids('countyId') } },
      select: { id: true, code: true, name: true, nameEn: true },
    }),
    prisma.evaluation.findMany({
      where: { id: { in: ids('evaluationId') } },
      select: { id: true, manager: { select: { id: true, employeeNo: true, name: true } } },
    }),
  ]);
  const byId = <T extends { id: string }>(list: T[], id: string | null) => list.find((x) => x.id === id) ?? null;
  return rows.map((r) => ({
    ...r,
    sentence: incidentSentence(r, language),
    workflowName: incidentWorkflowName(r.workflowType, language),
    stepName: incidentStepName(r.step, language),
    cause: incidentCause(r.errorType, language),
    cycle: byId(cycles, r.cycleId),
    county: byId(counties, r.countyId),
    manager: byId(evaluations, r.evaluationId)?.manager ?? null,
  }));
}

export function incidentRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.use('/incidents', authenticate(ctx.prisma), (req, _res, next) => {
    if (!hasRole(actorOf(req), ...incidentKeepers)) throw problems.forbidden(incidentText);
    next();
  });

  /** Incidents, newest first, by status and cycle, with counts per status. */
  router.get('/incidents', async (req, res) => {
    const language = requestLanguage(req);
    const query = parseInput(incidentListQuery, req.query, 'query', language);
    const filters = query.cycleId ? { cycleId: query.cycleId } : {};
    const where = {
      ...filters,
      ...(query.status ? { status: query.status } : {}),
      ...(query.open === 'true' ? { status: { in: [...openIncidentStatuses] } } : {}),
      ...(query.open === 'false' ? { status: 'RESOLVED' as const } : {}),
    };
    const [rows, total, byStatus] = await Promise.all([
      ctx.prisma.incident.findMany({
        where,
        orderBy: [{ firstSeenAt: 'desc' }, { id: 'asc' }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      }),
      ctx.prisma.incident.count({ where }),
      ctx.prisma.incident.groupBy({ by: ['status'], where: filters, _count: true }),
    ]);
    res.json({
      incidents: await incidentViews(ctx.prisma, rows, language),
      counts: Object.fromEntries(byStatus.map((g) => [g.status, g._count])),
      total,
      page: query.page,
      pageSize: query.pageSize,
    });
  });

  router.get('/incidents/:id', async (req, res) => {
    const language = requestLanguage(req);
    const { id } = parseInput(incidentIdParams, req.params, 'params', language);
    const incident = await findOr404(id, incidentText, (id) => ctx.prisma.incident.findUnique({ where: { id } }));
    const [view] = await incidentViews(ctx.prisma, [incident], language);
    const history = await ctx.prisma.auditLog.findMany({
      where: { entityType: 'incident', entityId: id },
      orderBy: { id: 'asc' }, // the order they happened in (a test's skipped time runs ahead of the clock)
      select: { at: true, action: true, actorId: true, details: true },
    });
    const actorIds = [...new Set(history.map((h) => h.actorId))].filter((a): a is string => Boolean(a));
    const actors = await ctx.prisma.user.findMany({
      where: { id: { in: actorIds } },
      select: { id: true, displayName: true },
    });
    res.json({
      ...view,
      history: history.map((h) => {
        const actor = actors.find((a) => a.id === h.actorId) ?? null;
        const details = (h.details ?? {}) as Record<string, unknown>;
        const facts = { action: h.action, actorName: actor?.displayName ?? null, details, people: {} };
        return { ...h, actor, text: describeEvent(facts, language) };
      }),
    });
  });

  /** Runs the failed step again (after the cause was fixed); the incident resolves when it goes through. */
  router.post('/incidents/:id/retry', async (req, res) => {
    const language = requestLanguage(req);
    const { id } = parseInput(incidentIdParams, req.params, 'params', language);
    const body = parseInput(retryIncidentBody, req.body ?? {}, 'body', language);
    const incident = await findOr404(id, incidentText, (id) => ctx.prisma.incident.findUnique({ where: { id } }));
    if (incident.status === 'RESOLVED')
      throw problems.conflict('resolved', { 'zh-CN': '该故障已恢复', en: 'The incident is resolved already' });
    const sent = await retry(ctx, incident, actorOf(req).id, body.note);
    if (!sent)
      throw problems.conflict('workflow_gone', {
        'zh-CN': '该流程已不在运行，无法重试',
        en: 'The process no longer runs; it cannot be retried',
      });
    res.status(202).json({ id, retryRequested: true });
  });

  /** Every incident still open (of a cycle, or all): after an outage, one retry for all. */
  router.post('/incidents/retry', async (req, res) => {
    const body = parseInput(retryIncidentsBody, req.body ?? {}, 'body', requestLanguage(req));
    const open = await ctx.prisma.incident.findMany({
      where: { status: 'OPEN', ...(body.cycleId ? { cycleId: body.cycleId } : {}) },
      orderBy: { firstSeenAt: 'asc' },
      take: 1000,
    });
    const actorId = actorOf(req).id;
    let retried = 0;
    for (const incident of open) if (await retry(ctx, incident, actorId, body.note)) retried += 1;
    res.status(202).json({ retried, gone: open.length - retried });
  });

  return router;
}

/** Signals the waiting workflow (or resets a stopped one) and audits who asked; false when the workflow is gone. */
async function retry(ctx: ApiContext, incident: Incident, actorId: string, note?: string): Promise<boolean> {
  if (incident.step === 'workflow') return resetStopped(ctx, incident, actorId, note);
  await recordAudit(ctx.prisma, {
    actorId,
    action: 'incident.retryRequested',
    entityType: 'incident',
    entityId: incident.id,
    cycleId: incident.cycleId,
    details: { workflowId: incident.workflowId, step: incident.step, ...(note ? { note } : {}) },
  });
  try {
    await ctx.temporal.workflow.getHandle(incident.workflowId).signal(retryIncidentSignal, { incidentId: incident.id });
    return true;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return false;
    throw err;
  }
}

/**
 * A process that ended without finishing (failed, terminated, timed out): reset to its last
 * completed workflow task, so it carries on from its last good step on the current code.
 */
async function resetStopped(ctx: ApiContext, incident: Incident, actorId: string, note?: string): Promise<boolean> {
  const runId = incident.id;
  let lastGood: Awaited<ReturnType<typeof lastCompletedTask>>;
  try {
    lastGood = await lastCompletedTask(ctx, incident.workflowId, runId);
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return false;
    throw err;
  }
  if (!lastGood) return false;
  const reset = await ctx.temporal.workflowService.resetWorkflowExecution({
    namespace: ctx.temporal.options.namespace,
    workflowExecution: { workflowId: incident.workflowId, runId },
    reason: note ?? 'incident retry',
    workflowTaskFinishEventId: lastGood,
    requestId: randomUUID(),
  });
  const at = new Date();
  await ctx.prisma.$transaction(async (tx) => {
    await tx.incident.update({
      where: { id: incident.id },
      data: { status: 'RESOLVED', retriedAt: at, resolvedAt: at },
    });
    const details = {
      workflowId: incident.workflowId,
      step: incident.step,
      newRunId: reset.runId,
      ...(note ? { note } : {}),
    };
    const entry = { entityType: 'incident', entityId: incident.id, cycleId: incident.cycleId, at } as const;
    await recordAudit(tx, { ...entry, actorId, action: 'incident.retryRequested', details });
    await recordAudit(tx, {
      ...entry,
      actorId: null,
      action: 'incident.resolved',
      details: { ...details, failures: 1 },
    });
  });
  return true;
}

/** The event id of a run's last completed workflow task: the last point its code went through. */
async function lastCompletedTask(ctx: ApiContext, workflowId: string, runId: string) {
  const history = await ctx.temporal.workflow.getHandle(workflowId, runId).fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowTaskCompletedEventAttributes).at(-1)?.eventId ?? undefined;
}

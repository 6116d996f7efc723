// Objections (申诉): a manager objects to their published result within the template's
// window; the objection's workflow takes it to the county head and then the city. The
// result page shows its trail; HR and the county list them.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { fileObjectionSchema, objectionDeadline, objectionWindowOpen } from '../../domain/objections';
import { evaluationReaders } from '../../domain/roles';
import { parseTemplateConfig } from '../../domain/templates';
import type { PrismaClient } from '../../generated/prisma/client';
import { startWorkflowOnce } from '../../workflows/client/startOnce';
import { objectionWorkflow } from '../../workflows/objection';
import { objectionWorkflowId, type ObjectionInput } from '../../workflows/objection.messages';
import { actorOf, authenticate, managerRowScope } from '../auth';
import type { ApiContext } from '../context';
import { findOr404, parseInput, problems, requestLanguage } from '../problems';

/** What a list of objections or talks shows of each result: the manager, the cycle, the figures. */
export const listedResult = {
  id: true,
  compositeScore: true,
  rank: true,
  cohortSize: true,
  flagged: true,
  manager: { select: { id: true, name: true, employeeNo: true } },
  cycle: { select: { id: true, type: true, period: true } },
} as const;

const evaluationText = { 'zh-CN': '考评结果', en: 'Evaluation' };
const objectionText = { 'zh-CN': '申诉', en: 'Objection' };

export const objectionListQuery = z.object({
  status: z.enum(['COUNTY_REVIEW', 'CITY_DECISION', 'UPHELD', 'ADJUSTED']).optional(),
  cycleId: z.uuid().optional(),
  countyId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** Whether a published result can still be objected to, and until when (Shanghai date). */
export function objectionWindowOf(
  evaluation: { stage: string; publishedAt: Date | null },
  templateConfig: unknown,
  now = new Date(),
): { open: boolean; until: string | null; days: number } {
  const days = parseTemplateConfig(templateConfig).objection.windowDays;
  if (evaluation.stage !== 'PUBLISHED' || !evaluation.publishedAt) return { open: false, until: null, days };
  return {
    open: objectionWindowOpen(evaluation.publishedAt, now, days),
    until: objectionDeadline(evaluation.publishedAt, days),
    days,
  };
}

/** An objection with its steps (the county's opinion, the city's decision) as people read them. */
export async function objectionView(prisma: PrismaClient, evaluationId: string) {
  const o = await prisma.objection.findUnique({
    where: { evaluationId },
    include: {
      tasks: {
        include: { submission: true, assignee: { select: { id: true, displayName: true } } },
        orderBy: { openedAt: 'asc' },
      },
    },
  });
  if (!o) return null;
  const { tasks, ...rest } = o;
  return {
    ...rest,
    steps: tasks.map((t) => ({
      taskId: t.id,
      kind: t.kind,
      status: t.status,
      dueDate: t.dueDate,
      assignee: t.assignee,
      submittedAt: t.submittedAt,
      opinion: t.submission?.payload ?? null,
    })),
  };
}

export function objectionRoutes(ctx: ApiContext): Router {
  const router = Router();

  /** The manager objects to their own published result (one objection per result). */
  router.post('/evaluations/:id/objection', authenticate(ctx.prisma), async (req, res) => {
    const actor = actorOf(req);
    const lang = requestLanguage(req);
    const evaluation = await findOr404(String(req.params.id), evaluationText, (id) =>
      ctx.prisma.evaluation.findUnique({ where: { id }, include: { cycle: { include: { template: true } } } }),
    );
    if (actor.managerId !== evaluation.managerId)
      throw problems.forbidden({
        'zh-CN': '只能对自己的考评结果提出申诉',
        en: 'only the manager can object to their result',
      });
    const body = parseInput(fileObjectionSchema, req.body, 'body', lang);
    const existing = await objectionView(ctx.prisma, evaluation.id);
    if (existing) {
      const same = existing.reason === body.reason && existing.components.join() === body.components.join();
      if (same) return void res.status(200).json(existing);
      throw problems.conflict('objection_exists', {
        'zh-CN': '此考评结果已有申诉，每期结果只能申诉一次（可在一次申诉中列出多个分项）',
        en: 'This result already has an objection: one per result (it can name several components)',
      });
    }
    const window = objectionWindowOf(evaluation, evaluation.cycle.template.config);
    if (evaluation.stage !== 'PUBLISHED')
      throw problems.conflict('not_published', {
        'zh-CN': '结果尚未发布，发布后才能申诉',
        en: 'The result is not published yet: objections open once it is',
      });
    if (!window.open)
      throw problems.conflict('objection_window_closed', {
        'zh-CN': `申诉期已过（结果发布后 ${window.days} 天内，截至 ${window.until}）`,
        en: `The objection period is over (${window.days} days after publication, until ${window.until})`,
      });
    const input: ObjectionInput = {
      objectionId: randomUUID(),
      evaluationId: evaluation.id,
      filedById: actor.id,
      filedAt: new Date().toISOString(),
      components: body.components,
      reason: body.reason,
      template: parseTemplateConfig(evaluation.cycle.template.config),
    };
    await startWorkflowOnce(ctx.temporal, objectionWorkflow, {
      workflowId: objectionWorkflowId(evaluation.id),
      taskQueue: ctx.taskQueue,
      args: [input],
    });
    // The workflow's first step records it; answer once it has (or say it is on its way).
    for (let waited = 0; waited < 10_000; waited += 200) {
      const view = await objectionView(ctx.prisma, evaluation.id);
      if (view) return void res.status(201).json(view);
      await new Promise((r) => setTimeout(r, 200));
    }
    res.status(202).json({ status: 'FILING', evaluationId: evaluation.id });
  });

  /** Objections in the reader's scope (a manager: their own), newest first. */
  router.get('/objections', authenticate(ctx.prisma), async (req, res) => {
    const actor = actorOf(req);
    const query = parseInput(objectionListQuery, req.query, 'query', requestLanguage(req));
    const scope = await managerRowScope(ctx.prisma, actor, evaluationReaders);
    if (!scope) throw problems.forbidden(objectionText);
    // The counts per status follow every filter but the status itself.
    const filters = {
      ...scope,
      ...(query.cycleId ? { cycleId: query.cycleId } : {}),
      ...(query.countyId ? { countyId: query.countyId } : {}),
    };
    const where = { ...filters, ...(query.status ? { status: query.status } : {}) };
    const [rows, total, byStatus] = await Promise.all([
      ctx.prisma.objection.findMany({
        where,
        include: {
          evaluation: { select: listedResult },
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      }),
      ctx.prisma.objection.count({ where }),
      ctx.prisma.objection.groupBy({ by: ['status'], where: filters, _count: true }),
    ]);
    res.json({
      objections: rows.map((o) => ({
        ...o,
        evaluation: {
          ...o.evaluation,
          compositeScore: o.evaluation.compositeScore === null ? null : Number(o.evaluation.compositeScore),
        },
      })),
      counts: Object.fromEntries(byStatus.map((g) => [g.status, g._count])),
      total,
      page: query.page,
      pageSize: query.pageSize,
    });
  });

  return router;
}

// Side effects of a cycle: create one evaluation per manager in scope, start their
// workflows page by page (never as children of one parent: 10,000 managers would
// exceed Temporal's limits), track the cycle's status.
import { lockEvaluation, settleComplaintScore } from './complaints';
import { heartbeat } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/client';
import { compositeInputs, parseTemplateConfig, policyFor, type TemplateConfig } from '../domain/templates';
import { dueAtOf, dueDateFor } from '../domain/taskDeadlines';
import type { TaskKind } from '../domain/taskKinds';
import { customerSurvey } from '../domain/taskKinds/customerSurvey';
import { forEachLimit } from '../domain/concurrency';
import { cutIntoPages, type EvaluationPage } from '../domain/evaluationPages';
import { openEvaluationTasksInBulk, type EvaluationTaskToOpen } from './tasks';
import { assignCyclePeers } from './peerReviews';
import { settleSheetKpi } from './weeklySheets';
import { compositeScore } from '../domain/scoring';
import type { CycleType } from '../domain/cycles';
import { recordAudit } from '../prisma/audit';
import type { ActivityDeps } from './deps';
import { cycleProgressedSignal } from '../workflows/evaluationCycle.messages';
import { type ManagerEvaluationInput } from '../workflows/managerEvaluation.messages';
import { managerEvaluationWorkflow } from '../workflows/managerEvaluation';
import { startWorkflowOnce } from '../workflows/client/startOnce';
import { evaluationWorkflowId } from '../workflows/managerEvaluation.messages';

export interface CycleRef {
  cycleId: string;
}
export interface StartEvaluationsInput {
  cycleId: string;
  afterId: string | null;
  pageSize: number;
  /**
   * When given, the page's tasks are opened here, all at this time, and each workflow starts
   * with its tasks open; the cycle's workflow then delivers `outboxIds` (the opening mails).
   * Cycles started before this existed leave it out: their workflows open their own tasks.
   */
  at?: string;
  /**
   * A page fixed in advance (`evaluationPages`), so pages can run side by side: the
   * evaluations after `afterId` through this id (null: to the end), whatever their number.
   * Left out (older cycles): the next `pageSize` after `afterId`.
   */
  throughId?: string | null;
}
export interface StartEvaluationsResult {
  started: number;
  nextAfterId: string | null;
  outboxIds?: string[];
}

/** How many workflows of a page are started at once. */
const pageConcurrency = 20;
export interface CycleStatusInput {
  cycleId: string;
  status: 'OPEN' | 'EVALUATIONS_COMPLETE' | 'CLOSED';
  at: string;
}

/** Starts one manager's evaluation workflow; an already started one is left as it is. */
export async function startEvaluationWorkflow(
  temporal: ActivityDeps['temporal'],
  taskQueue: string,
  cycle: { id: string; type: string; period: string; template: TemplateConfig },
  evaluation: { id: string; managerId: string; countyId: string; workflowId: string },
  opened?: ManagerEvaluationInput['opened'],
): Promise<void> {
  const args: ManagerEvaluationInput = {
    cycleId: cycle.id,
    evaluationId: evaluation.id,
    managerId: evaluation.managerId,
    countyId: evaluation.countyId,
    cycleType: cycle.type as CycleType,
    period: cycle.period,
    template: cycle.template,
    ...(opened ? { opened } : {}),
  };
  await startWorkflowOnce(temporal, managerEvaluationWorkflow, {
    taskQueue,
    workflowId: evaluation.workflowId,
    args: [args],
  });
}

export function cycleActivities(deps: ActivityDeps) {
  const { prisma, temporal, settings } = deps;

  /**
   * The tasks of a page of evaluations, opened together at the page's time with their due
   * dates as each workflow would have set them; not the customer survey, whose workflow step
   * draws and invites the customers itself.
   */
  async function openPageTasks(evaluationIds: string[], template: TemplateConfig, at: string) {
    const wanted: EvaluationTaskToOpen[] = [];
    for (const kind of Object.keys(template.tasks) as TaskKind[]) {
      const policy = policyFor(template, kind);
      if (kind === customerSurvey.kind || !policy) continue;
      const dueDate = dueDateFor(new Date(at), policy.dueOffsetDays);
      const dueAt = dueAtOf(dueDate).toISOString();
      for (const evaluationId of evaluationIds) wanted.push({ evaluationId, kind, dueDate, dueAt });
    }
    const opened = await prisma.$transaction((tx) => openEvaluationTasksInBulk(tx, settings, at, wanted), {
      timeout: 120_000,
    });
    return (evaluationId: string) => {
      const tasks: NonNullable<ManagerEvaluationInput['opened']>['tasks'] = {};
      const outboxIds: string[] = [];
      for (const w of wanted.filter((w) => w.evaluationId === evaluationId)) {
        const o = opened.get(`${evaluationId}:${w.kind}`)!;
        tasks[w.kind] = { taskId: o.taskId, dueDate: w.dueDate };
        outboxIds.push(...o.outboxIds);
      }
      return { tasks, outboxIds };
    };
  }

  /** One manager's evaluation in one cycle: its row, then its workflow (both idempotent). */
  async function joinCycle(
    cycle: { id: string; type: string; period: string; template: { config: unknown } },
    manager: { id: string; countyId: string },
  ): Promise<void> {
    const workflowId = evaluationWorkflowId(cycle.id, manager.id);
    await prisma.evaluation.createMany({
      data: [{ cycleId: cycle.id, managerId: manager.id, countyId: manager.countyId, workflowId }],
      skipDuplicates: true,
    });
    const evaluation = await prisma.evaluation.findUniqueOrThrow({ where: { workflowId } });
    const template = parseTemplateConfig(cycle.template.config);
    await startEvaluationWorkflow(temporal, settings.taskQueue, { ...cycle, template }, evaluation);
  }
  return {
    /** Creates the evaluations of every active manager in the cycle's scope (idempotent). */
    async prepareCycle(input: CycleRef): Promise<{ evaluations: number }> {
      const cycle = await prisma.cycle.findUniqueOrThrow({
        where: { id: input.cycleId },
        include: { scope: true, template: true },
      });
      const managers = await prisma.manager.findMany({
        where: {
          active: true,
          ...(cycle.scope.kind === 'COUNTY' ? { countyId: cycle.scopeId } : { county: { parentId: cycle.scopeId } }),
        },
        select: { id: true, countyId: true },
      });
      const pageSize = 1000;
      for (let i = 0; i < managers.length; i += pageSize) {
        await prisma.evaluation.createMany({
          data: managers.slice(i, i + pageSize).map((m) => ({
            cycleId: cycle.id,
            managerId: m.id,
            countyId: m.countyId,
            workflowId: evaluationWorkflowId(cycle.id, m.id),
          })),
          skipDuplicates: true,
        });
        heartbeat(i);
      }
      // 同级考评: who rates whom, drawn once the county's evaluations are all there.
      await assignCyclePeers(prisma, cycle.id, parseTemplateConfig(cycle.template.config), heartbeat);
      return { evaluations: await prisma.evaluation.count({ where: { cycleId: cycle.id } }) };
    },

    /**
     * A new manager joins every open cycle of their county (or the city) whose county
     * review has not started, with their own evaluation workflow (idempotent).
     */
    async joinOpenCycles(input: { managerId: string }): Promise<{ joinedCycles: string[] }> {
      const manager = await prisma.manager.findUniqueOrThrow({
        where: { id: input.managerId },
        include: { county: true },
      });
      const county = manager.county;
      const cycles = await prisma.cycle.findMany({
        where: {
          status: { in: ['OPENING', 'OPEN'] },
          scopeId: { in: [county.id, ...(county.parentId ? [county.parentId] : [])] },
          countyReviews: { none: { countyId: county.id } },
        },
        include: { template: true },
      });
      for (const cycle of cycles) await joinCycle(cycle, manager);
      return { joinedCycles: cycles.map((c) => c.id) };
    },

    /**
     * The safety net of managerJoinWorkflow (the API records a manager, then starts the join):
     * active managers of the cycle's scope recorded since it opened, with no evaluation in it,
     * whose county review has not started, join now (a manager transferred in is not one of
     * them: transfers count from the next cycle). The cycle's workflow runs it hourly.
     */
    async joinLateManagers(input: { cycleId: string }): Promise<{ joined: number }> {
      const cycle = await prisma.cycle.findUniqueOrThrow({
        where: { id: input.cycleId },
        include: { scope: true, template: true },
      });
      if (cycle.status !== 'OPEN') return { joined: 0 };
      const reviewed = await prisma.countyReview.findMany({ where: { cycleId: cycle.id }, select: { countyId: true } });
      const late = await prisma.manager.findMany({
        where: {
          active: true,
          createdAt: { gte: cycle.openedAt },
          evaluations: { none: { cycleId: cycle.id } },
          AND: [
            { countyId: { notIn: reviewed.map((r) => r.countyId) } },
            cycle.scope.kind === 'COUNTY' ? { countyId: cycle.scopeId } : { county: { parentId: cycle.scopeId } },
          ],
        },
        select: { id: true, countyId: true },
      });
      for (const manager of late) await joinCycle(cycle, manager);
      return { joined: late.length };
    },

    /**
     * The cycle's evaluations cut into pages of `pageSize` by id, once they are all created,
     * so the cycle's workflow can start several pages at once. A manager who joins later
     * falls inside some page's range (its page may then hold one more) or starts on joining.
     */
    async evaluationPages(input: { cycleId: string; pageSize: number }): Promise<{ pages: EvaluationPage[] }> {
      const evaluations = await prisma.evaluation.findMany({
        where: { cycleId: input.cycleId },
        select: { id: true },
        orderBy: { id: 'asc' },
      });
      return {
        pages: cutIntoPages(
          evaluations.map((e) => e.id),
          input.pageSize,
        ),
      };
    },

    /** Starts a page of per-manager workflows; an already started one is left as it is. */
    async startEvaluationWorkflows(input: StartEvaluationsInput): Promise<StartEvaluationsResult> {
      const cycle = await prisma.cycle.findUniqueOrThrow({ where: { id: input.cycleId }, include: { template: true } });
      const template = parseTemplateConfig(cycle.template.config);
      // The same range as pageHolds (domain/evaluationPages.ts), as a query.
      const fixed = input.throughId !== undefined;
      const range = {
        ...(input.afterId ? { gt: input.afterId } : {}),
        ...(fixed && input.throughId ? { lte: input.throughId } : {}),
      };
      const page = await prisma.evaluation.findMany({
        where: { cycleId: cycle.id, id: range },
        orderBy: { id: 'asc' },
        ...(fixed ? {} : { take: input.pageSize }),
      });
      const outboxIds: string[] = [];
      const openedOf = input.at
        ? await openPageTasks(
            page.map((e) => e.id),
            template,
            input.at,
          )
        : undefined;
      heartbeat();
      await forEachLimit(page, pageConcurrency, async (evaluation) => {
        const opened = openedOf?.(evaluation.id);
        if (opened) outboxIds.push(...opened.outboxIds);
        await startEvaluationWorkflow(
          temporal,
          settings.taskQueue,
          { ...cycle, template },
          evaluation,
          opened && { at: input.at!, tasks: opened.tasks },
        );
        heartbeat();
      });
      const last = page[page.length - 1];
      return {
        started: page.length,
        nextAfterId: !fixed && page.length === input.pageSize && last ? last.id : null,
        ...(input.at ? { outboxIds } : {}),
      };
    },

    async setCycleStatus(input: CycleStatusInput): Promise<void> {
      await prisma.$transaction(async (tx) => {
        await tx.cycle.update({
          where: { id: input.cycleId },
          data: { status: input.status, ...(input.status === 'CLOSED' ? { closedAt: new Date(input.at) } : {}) },
        });
        await recordAudit(tx, {
          at: new Date(input.at),
          actorId: null,
          action: `cycle.${{ OPEN: 'opened', EVALUATIONS_COMPLETE: 'evaluationsComplete', CLOSED: 'closed' }[input.status]}`,
          entityType: 'cycle',
          entityId: input.cycleId,
          cycleId: input.cycleId,
          dedupeKey: `cycle:${input.cycleId}:${input.status}`,
        });
      });
    },

    /**
     * A county moved on: the cycle's workflow looks at its progress now rather than at its
     * next hourly check. A cycle whose workflow has already finished needs no telling.
     */
    async notifyCycleProgress(input: CycleRef): Promise<void> {
      const cycle = await prisma.cycle.findUniqueOrThrow({
        where: { id: input.cycleId },
        select: { workflowId: true },
      });
      try {
        await temporal.workflow.getHandle(cycle.workflowId).signal(cycleProgressedSignal);
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      }
    },

    /** The manager left mid-cycle: open tasks cancelled, the evaluation withdrawn from ranking. */
    async withdrawEvaluation(input: {
      evaluationId: string;
      at: string;
      actorId: string;
      reason: string;
    }): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const evaluation = await tx.evaluation.findUniqueOrThrow({ where: { id: input.evaluationId } });
        await tx.task.updateMany({
          where: { evaluationId: evaluation.id, status: 'OPEN' },
          data: { status: 'CANCELLED', closedAt: new Date(input.at) },
        });
        await tx.evaluation.update({ where: { id: evaluation.id }, data: { stage: 'WITHDRAWN' } });
        await recordAudit(tx, {
          at: new Date(input.at),
          actorId: input.actorId,
          action: 'evaluation.withdrawn',
          entityType: 'evaluation',
          entityId: evaluation.id,
          cycleId: evaluation.cycleId,
          details: { reason: input.reason },
          dedupeKey: `evaluation:${evaluation.id}:withdrawn`,
        });
      });
    },

    /**
     * Every task of the evaluation is submitted or closed by policy: the composite score
     * (综合得分) from the template's weights, with the inspection deductions on top.
     */
    async scoreEvaluation(input: { evaluationId: string; at: string }): Promise<{ compositeScore: number }> {
      return prisma.$transaction(async (tx) => {
        await lockEvaluation(tx, input.evaluationId); // a complaint decided now waits, or is seen
        const evaluation = await tx.evaluation.findUniqueOrThrow({
          where: { id: input.evaluationId },
          include: { cycle: { include: { template: true } }, scores: true },
        });
        if (evaluation.stage !== 'TASKS_OPEN' && evaluation.compositeScore !== null)
          return { compositeScore: Number(evaluation.compositeScore) };
        const template = parseTemplateConfig(evaluation.cycle.template.config);
        // The month's confirmed complaints (投诉扣分) count with the inspection's deductions.
        const complaintsSettled = await settleComplaintScore(tx, evaluation, evaluation.scores);
        // The period's weekly sheets sent on time, where the template makes them a KPI.
        const sheetsSettled = await settleSheetKpi(tx, evaluation, template, evaluation.scores);
        const scores =
          complaintsSettled || sheetsSettled
            ? await tx.score.findMany({ where: { evaluationId: evaluation.id } })
            : evaluation.scores;
        const { values, deductions, gathered } = compositeInputs(scores, template);
        const composite = compositeScore(template.weights, values, gathered, deductions);
        await tx.evaluation.update({
          where: { id: evaluation.id },
          data: { stage: 'SCORED', compositeScore: composite },
        });
        await recordAudit(tx, {
          at: new Date(input.at),
          actorId: null,
          action: 'evaluation.scored',
          entityType: 'evaluation',
          entityId: evaluation.id,
          cycleId: evaluation.cycleId,
          details: { compositeScore: composite, components: values, deductions, gathered },
          dedupeKey: `evaluation:${evaluation.id}:scored`,
        });
        return { compositeScore: composite };
      });
    },
  };
}

// Opening a cycle: by HR through the API, or by the calendar's schedule. Idempotent:
// the same type, period and scope give one cycle and one workflow, however often asked.
import type { Client } from '@temporalio/client';
import { currentPeriod, type CycleType } from '../domain/cycles';
import { defaultTemplateConfig } from '../domain/templates';
import type { EvaluationCycleInput } from '../workflows/evaluationCycle.messages';
import type { OpenCycleRequest, OpenCycleResult } from '../workflows/openCycle.messages';
import type { PrismaClient } from '../prisma/database';
import { evaluationCycleWorkflow } from '../workflows/evaluationCycle';
import { startWorkflowOnce } from '../workflows/client/startOnce';
import { cycleWorkflowId } from '../workflows/evaluationCycle.messages';

export async function openCycle(prisma: PrismaClient, temporal: Client, taskQueue: string, request: OpenCycleRequest) {
  const scope = await prisma.orgUnit.findUniqueOrThrow({ where: { id: request.scopeId } });
  const key = { type_period_scopeId: { type: request.type, period: request.period, scopeId: scope.id } };
  let cycle = await prisma.cycle.findUnique({ where: key });
  const created = !cycle;
  if (!cycle) {
    let template = await prisma.evaluationTemplate.findFirst({
      where: { cycleType: request.type },
      orderBy: { version: 'desc' },
    });
    if (!template) {
      await prisma.evaluationTemplate.createMany({
        data: [{ cycleType: request.type, version: 1, config: defaultTemplateConfig(request.type) }],
        skipDuplicates: true,
      });
      template = await prisma.evaluationTemplate.findFirstOrThrow({
        where: { cycleType: request.type },
        orderBy: { version: 'desc' },
      });
    }
    const workflowId = cycleWorkflowId(request.type, request.period, scope.code);
    await prisma.cycle.createMany({
      data: [
        {
          type: request.type,
          period: request.period,
          scopeId: scope.id,
          templateId: template.id,
          workflowId,
          openedById: request.openedById,
        },
      ],
      skipDuplicates: true,
    });
    cycle = await prisma.cycle.findUniqueOrThrow({ where: key });
  }
  // Starting is idempotent too: a retry after a crash finds the same workflow.
  const input: EvaluationCycleInput = { cycleId: cycle.id };
  await startWorkflowOnce(temporal, evaluationCycleWorkflow, {
    taskQueue,
    workflowId: cycle.workflowId,
    args: [input],
  });
  return { cycle: { ...cycle, scope }, created };
}

export function openCycleActivities(deps: { prisma: PrismaClient; temporal: Client; settings: { taskQueue: string } }) {
  return {
    /** HR opened a cycle (through openCycleWorkflow): the cycle row, its template version and its workflow. */
    async openCycle(request: OpenCycleRequest): Promise<OpenCycleResult> {
      const { cycle, created } = await openCycle(deps.prisma, deps.temporal, deps.settings.taskQueue, request);
      return { cycleId: cycle.id, created };
    },

    /** The calendar opened a cycle: the whole city, the period the schedule's time falls in (Shanghai). */
    async openScheduledCycle(input: {
      type: CycleType;
      at: string;
    }): Promise<{ cycleId: string; period: string; created: boolean }> {
      const city = await deps.prisma.orgUnit.findFirst({ where: { kind: 'CITY' } });
      if (!city) throw new Error('no city configured');
      const period = currentPeriod(input.type, new Date(input.at));
      const { cycle, created } = await openCycle(deps.prisma, deps.temporal, deps.settings.taskQueue, {
        type: input.type,
        period,
        scopeId: city.id,
        openedById: null,
      });
      return { cycleId: cycle.id, period, created };
    },
  };
}

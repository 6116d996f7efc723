// Side effects of bottom-ranking cases (末位淘汰): open a case per new flag (one
// workflow each), move it between HR's decision and the city's approval, and record
// the decision once both are given; the manager and HR are told.
import { bottomRankDecisionSchema } from '../domain/bottomRankCases';
import { parseTemplateConfig } from '../domain/templates';
import type { BottomRankCaseInput } from '../workflows/bottomRankCase.messages';
import { recordAudit } from '../prisma/audit';
import type { ActivityDeps } from './deps';
import { enqueueTaskNotice } from './notifications';
import { bottomRankCaseWorkflow } from '../workflows/bottomRankCase';
import { startWorkflowOnce } from '../workflows/client/startOnce';
import { bottomRankCaseWorkflowId } from '../workflows/bottomRankCase.messages';

export function bottomRankCaseActivities(deps: ActivityDeps) {
  const { prisma, temporal, settings } = deps;
  return {
    /** Each flag of the cycle without a case gets one (idempotent). */
    async openBottomRankCases(input: { cycleId: string; at: string }): Promise<{ opened: number }> {
      const cycle = await prisma.cycle.findUniqueOrThrow({ where: { id: input.cycleId }, include: { template: true } });
      const flags = await prisma.bottomRankFlag.findMany({ where: { cycleId: cycle.id }, include: { case: true } });
      const template = parseTemplateConfig(cycle.template.config);
      for (const flag of flags) {
        const evaluation = await prisma.evaluation.findUniqueOrThrow({
          where: { cycleId_managerId: { cycleId: cycle.id, managerId: flag.managerId } },
          include: { manager: true },
        });
        const workflowId = bottomRankCaseWorkflowId(flag.id);
        await prisma.bottomRankCase.createMany({
          data: [
            {
              flagId: flag.id,
              managerId: flag.managerId,
              cycleId: cycle.id,
              countyId: evaluation.countyId,
              workflowId,
            },
          ],
          skipDuplicates: true,
        });
        const c = await prisma.bottomRankCase.findUniqueOrThrow({ where: { flagId: flag.id } });
        const args: BottomRankCaseInput = { caseId: c.id, employment: evaluation.manager.employment, template };
        await startWorkflowOnce(temporal, bottomRankCaseWorkflow, {
          taskQueue: settings.taskQueue,
          workflowId,
          args: [args],
        });
      }
      return { opened: flags.length };
    },

    async setBottomRankCaseStatus(input: {
      caseId: string;
      status: 'HR_DECISION' | 'CITY_APPROVAL';
      round: number;
      at: string;
    }): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const c = await tx.bottomRankCase.update({
          where: { id: input.caseId },
          data: { status: input.status, round: input.round },
        });
        await recordAudit(tx, {
          at: new Date(input.at),
          actorId: null,
          action: `bottomRankCase.${input.status === 'HR_DECISION' ? 'hrDecision' : 'cityApproval'}`,
          entityType: 'manager',
          entityId: c.managerId,
          cycleId: c.cycleId,
          details: { caseId: c.id, round: input.round },
          dedupeKey: `case:${c.id}:${input.status}:${input.round}`,
        });
      });
    },

    /** HR decided and the city approved: the decision stands; HR and the manager are told. */
    async recordBottomRankDecision(input: {
      caseId: string;
      decisionTaskId: string;
      approvalTaskId: string;
      at: string;
    }): Promise<{ outboxIds: string[] }> {
      return prisma.$transaction(async (tx) => {
        const decision = await tx.submission.findUniqueOrThrow({ where: { taskId: input.decisionTaskId } });
        const approval = await tx.submission.findUniqueOrThrow({ where: { taskId: input.approvalTaskId } });
        const { action, reason } = bottomRankDecisionSchema.parse(decision.payload);
        const c = await tx.bottomRankCase.update({
          where: { id: input.caseId },
          data: { status: 'DECIDED', action, reason, decidedAt: new Date(input.at) },
        });
        const fresh = await recordAudit(tx, {
          at: new Date(input.at),
          actorId: approval.submittedById,
          action: 'bottomRankCase.decided',
          entityType: 'manager',
          entityId: c.managerId,
          cycleId: c.cycleId,
          details: {
            caseId: c.id,
            action,
            reason,
            decidedBy: decision.submittedById,
            approvedBy: approval.submittedById,
          },
          dedupeKey: `case:${c.id}:decided`,
        });
        if (fresh) {
          await tx.approvalDecision.create({
            data: {
              subjectType: 'bottomRankCase',
              subjectId: c.id,
              stage: 'cityApproval',
              decision: 'approved',
              reason: action,
              decidedById: approval.submittedById,
              decidedAt: new Date(input.at),
            },
          });
        }
        const manager = await tx.manager.findUniqueOrThrow({ where: { id: c.managerId } });
        const recipients = [decision.submittedById, ...(manager.userId ? [manager.userId] : [])];
        const outboxIds = await enqueueTaskNotice(tx, settings, {
          kind: 'caseDecided',
          taskId: input.approvalTaskId,
          recipientIds: recipients,
          dedupeKey: `case:${c.id}:decided`,
          reason: `${action}: ${reason}`,
        });
        return { outboxIds };
      });
    },
  };
}

// Side effects of results talks (情感沟通): after a monthly publication, a talk per chosen
// result, split among the county's leaders, each its own workflow; then the leader's
// record and the manager's acknowledgement kept on the talk and on the manager's timeline.
import { heartbeat } from '@temporalio/activity';
import {
  splitTalks,
  talkAcknowledgementSchema,
  talkRecordSchema,
  talkSelection,
  type TalkScope,
} from '../domain/resultsTalk';
import { policyFor, parseTemplateConfig } from '../domain/templates';
import { dueAtOf, dueDateFor } from '../domain/taskDeadlines';
import { forEachLimit } from '../domain/concurrency';
import { resultsTalk } from '../domain/taskKinds/resultsTalk';
import { openTalkTasksInBulk, type OpenedTalkTask } from './tasks';
import { recordAudit } from '../prisma/audit';
import { roleHolders } from '../prisma/roleHolders';
import { startWorkflowOnce } from '../workflows/client/startOnce';
import { resultsTalkWorkflow } from '../workflows/resultsTalk';
import { resultsTalkWorkflowId, type ResultsTalkInput } from '../workflows/resultsTalk.messages';
import type { ActivityDeps } from './deps';

/** Workflows started at a time: enough to keep Temporal busy, few enough to stay polite. */
const startsAtOnce = 25;
/** Talks whose tasks are opened in one transaction. */
const openPage = 200;

export function resultsTalkActivities(deps: ActivityDeps) {
  const { prisma, temporal, settings } = deps;

  /** The talks of one county's published results: chosen by the template, split among its leaders. */
  async function recordCountyTalks(cycleId: string, countyId: string, scope: TalkScope, bottomN: number) {
    const results = await prisma.evaluation.findMany({
      where: { cycleId, countyId, stage: 'PUBLISHED', resultsTalk: null },
      select: { id: true, managerId: true, rank: true, rankFromBottom: true, flagged: true },
    });
    const chosen = talkSelection(
      results.map((r) => ({ ...r, evaluationId: r.id })),
      scope,
      bottomN,
    );
    const leaders = await roleHolders(prisma, 'COUNTY_HEAD', countyId);
    await prisma.resultsTalk.createMany({
      data: splitTalks(chosen, leaders).map(({ talk, leaderId }) => ({
        evaluationId: talk.result.id,
        managerId: talk.result.managerId,
        cycleId,
        countyId,
        leaderId,
        reason: talk.reason,
        workflowId: resultsTalkWorkflowId(talk.result.id),
      })),
      skipDuplicates: true,
    });
  }

  return {
    /**
     * Monthly cycles whose template holds talks: each published result of the counties (all the
     * cycle's when none is named) gets its talk and workflow. Idempotent: a talk is made once.
     */
    async openResultsTalks(input: {
      cycleId: string;
      countyIds?: string[];
      at: string;
      /** Open the talks' tasks here, in bulk; the caller then sends their opening mails (outboxIds). */
      openTasks?: boolean;
    }): Promise<{ started: number; outboxIds: string[] }> {
      const cycle = await prisma.cycle.findUniqueOrThrow({ where: { id: input.cycleId }, include: { template: true } });
      const template = parseTemplateConfig(cycle.template.config);
      if (cycle.type !== 'MONTHLY' || !template.resultsTalk.enabled) return { started: 0, outboxIds: [] };
      const publishedAt = (talk: { evaluation: { publishedAt: Date | null } }) =>
        talk.evaluation.publishedAt ?? new Date(input.at);
      const countyIds =
        input.countyIds ??
        (await prisma.countyReview.findMany({ where: { cycleId: cycle.id, status: 'PUBLISHED' } })).map(
          (r) => r.countyId,
        );
      for (const countyId of countyIds)
        await recordCountyTalks(cycle.id, countyId, template.resultsTalk.scope, template.resultsTalk.bottomN);
      const talks = await prisma.resultsTalk.findMany({
        where: { cycleId: cycle.id, countyId: { in: countyIds }, status: 'TO_HOLD' },
        include: { evaluation: { select: { publishedAt: true } } },
        orderBy: { id: 'asc' },
      });
      // Each page's talk tasks opened in one transaction, then its workflows started with
      // their task open. Callers from before (no openTasks) leave each workflow to open its own.
      const policy = input.openTasks ? policyFor(template, resultsTalk.kind) : undefined;
      const due = (talk: (typeof talks)[number], dueOffsetDays: number) => {
        const dueDate = dueDateFor(new Date(input.at), dueOffsetDays, publishedAt(talk));
        return { resultsTalkId: talk.id, dueDate, dueAt: dueAtOf(dueDate).toISOString() };
      };
      const outboxIds: string[] = [];
      for (let i = 0; i < talks.length; i += openPage) {
        const page = talks.slice(i, i + openPage);
        const wanted = policy ? page.map((talk) => due(talk, policy.dueOffsetDays)) : [];
        const opened = wanted.length
          ? await prisma.$transaction((tx) => openTalkTasksInBulk(tx, settings, input.at, wanted), {
              timeout: 120_000,
            })
          : new Map<string, OpenedTalkTask>();
        for (const o of opened.values()) outboxIds.push(...o.outboxIds);
        await forEachLimit(page, startsAtOnce, async (talk) => {
          const task = opened.get(talk.id);
          const args: ResultsTalkInput = {
            resultsTalkId: talk.id,
            publishedAt: publishedAt(talk).toISOString(),
            template,
            ...(task ? { opened: { taskId: task.taskId, dueDate: task.dueDate, at: input.at } } : {}),
          };
          await startWorkflowOnce(temporal, resultsTalkWorkflow, {
            taskQueue: settings.taskQueue,
            workflowId: talk.workflowId,
            args: [args],
          });
        });
        heartbeat(i);
      }
      return { started: talks.length, outboxIds };
    },

    /** The leader's record of the talk, from the task's submission; the manager is asked to acknowledge it. */
    async recordResultsTalk(input: { resultsTalkId: string; taskId: string; at: string }): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const submission = await tx.submission.findUniqueOrThrow({ where: { taskId: input.taskId } });
        const record = talkRecordSchema.parse(submission.payload);
        const talk = await tx.resultsTalk.findUniqueOrThrow({ where: { id: input.resultsTalkId } });
        if (talk.status === 'TO_HOLD')
          await tx.resultsTalk.update({
            where: { id: talk.id },
            data: {
              ...record,
              heldById: submission.submittedById,
              recordedAt: new Date(input.at),
              status: 'TO_ACKNOWLEDGE',
            },
          });
        await recordAudit(tx, {
          at: new Date(input.at),
          actorId: submission.submittedById,
          action: 'resultsTalk.held',
          entityType: 'evaluation',
          entityId: talk.evaluationId,
          cycleId: talk.cycleId,
          details: { resultsTalkId: talk.id, heldOn: record.heldOn, agreedChange: record.agreedChange },
          dedupeKey: `resultsTalk:${talk.id}:held`,
        });
      });
    },

    /** The manager acknowledged the record (with their comment), or let it pass unacknowledged. */
    async closeResultsTalk(input: {
      resultsTalkId: string;
      taskId: string;
      acknowledged: boolean;
      at: string;
    }): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const talk = await tx.resultsTalk.findUniqueOrThrow({ where: { id: input.resultsTalkId } });
        const submission = input.acknowledged
          ? await tx.submission.findUniqueOrThrow({ where: { taskId: input.taskId } })
          : null;
        const comment = submission ? (talkAcknowledgementSchema.parse(submission.payload).comment ?? null) : null;
        if (talk.status === 'TO_ACKNOWLEDGE')
          await tx.resultsTalk.update({
            where: { id: talk.id },
            data: submission
              ? { status: 'ACKNOWLEDGED', acknowledgedAt: new Date(input.at), managerComment: comment }
              : { status: 'UNACKNOWLEDGED' },
          });
        await recordAudit(tx, {
          at: new Date(input.at),
          actorId: submission?.submittedById ?? null,
          action: submission ? 'resultsTalk.acknowledged' : 'resultsTalk.unacknowledged',
          entityType: 'evaluation',
          entityId: talk.evaluationId,
          cycleId: talk.cycleId,
          details: { resultsTalkId: talk.id, ...(comment ? { comment } : {}) },
          dedupeKey: `resultsTalk:${talk.id}:closed`,
        });
      });
    },

    /** The manager left before the talk was done: its open task is cancelled, the talk with it. Idempotent. */
    async cancelResultsTalk(input: {
      resultsTalkId: string;
      actorId: string;
      reason: string;
      at: string;
    }): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const talk = await tx.resultsTalk.findUniqueOrThrow({ where: { id: input.resultsTalkId } });
        const at = new Date(input.at);
        await tx.task.updateMany({
          where: { resultsTalkId: talk.id, status: 'OPEN' },
          data: { status: 'CANCELLED', closedAt: at },
        });
        if (talk.status === 'TO_HOLD' || talk.status === 'TO_ACKNOWLEDGE')
          await tx.resultsTalk.update({ where: { id: talk.id }, data: { status: 'CANCELLED' } });
        await recordAudit(tx, {
          at,
          actorId: input.actorId,
          action: 'resultsTalk.cancelled',
          entityType: 'evaluation',
          entityId: talk.evaluationId,
          cycleId: talk.cycleId,
          details: { resultsTalkId: talk.id, reason: input.reason, was: talk.status },
          dedupeKey: `resultsTalk:${talk.id}:closed`,
        });
      });
    },
  };
}

// Side effects of the weekly one-sheet (一张纸): opening the week's sheets (a page of managers
// at a time), and what each step leaves on the sheet: submitted (on time or not), reviewed
// with a comment, returned, or missed.
import { heartbeat } from '@temporalio/activity';
import { shanghaiDate } from '../domain/calendar';
import { languageOf } from '../domain/notifications';
import { defaultTemplateConfig, parseTemplateConfig, type TemplateConfig } from '../domain/templates';
import type { Kpis } from '../domain/marketingReview';
import { performanceScore } from '../domain/marketingReview';
import { monthsOfPeriod } from '../domain/visitLog';
import {
  monthOfWeek,
  sheetSubmissionSchema,
  submittedOnTime,
  summariseMonths,
  weeklySheetReviewSchema,
} from '../domain/weeklySheet';
import { renderSheetReviewed } from '../domain/weeklySheetNotifications';
import { weekStartOf } from '../domain/visitLog';
import type { Prisma } from '../generated/prisma/client';
import { recordAudit } from '../prisma/audit';
import type { Tx } from '../prisma/database';
import { startWorkflowOnce } from '../workflows/client/startOnce';
import { weeklySheetWorkflow } from '../workflows/weeklySheet';
import { weeklySheetWorkflowId, type WeeklySheetInput } from '../workflows/weeklySheet.messages';
import type { ActivityDeps } from './deps';
import { enqueueMail, mailFrame } from './notifications';

export function weeklySheetActivities(deps: ActivityDeps) {
  const { prisma, temporal, settings } = deps;

  return {
    /** The week's sheet of the next page of active managers: its row, then its workflow (both idempotent). */
    async openWeekSheets(input: {
      at: string;
      afterId: string | null;
      pageSize: number;
    }): Promise<{ weekStart: string; started: number; nextAfterId: string | null }> {
      const weekStart = weekStartOf(shanghaiDate(new Date(input.at)));
      const managers = await prisma.manager.findMany({
        where: { active: true, ...(input.afterId ? { id: { gt: input.afterId } } : {}) },
        select: { id: true, countyId: true },
        orderBy: { id: 'asc' },
        take: input.pageSize,
      });
      await prisma.weeklySheet.createMany({
        data: managers.map((m) => ({
          managerId: m.id,
          countyId: m.countyId,
          weekStart,
          month: monthOfWeek(weekStart),
          workflowId: weeklySheetWorkflowId(m.id, weekStart),
        })),
        skipDuplicates: true,
      });
      const sheets = await prisma.weeklySheet.findMany({
        where: { weekStart, managerId: { in: managers.map((m) => m.id) } },
      });
      const latest = await prisma.evaluationTemplate.findFirst({
        where: { cycleType: 'MONTHLY' },
        orderBy: { version: 'desc' },
      });
      const template = latest ? parseTemplateConfig(latest.config) : defaultTemplateConfig('MONTHLY');
      await Promise.all(
        sheets.map(async (s) => {
          const args: WeeklySheetInput = {
            sheetId: s.id,
            managerId: s.managerId,
            countyId: s.countyId,
            weekStart,
            template,
          };
          await startWorkflowOnce(temporal, weeklySheetWorkflow, {
            taskQueue: settings.taskQueue,
            workflowId: s.workflowId,
            args: [args],
          });
          heartbeat();
        }),
      );
      const last = managers[managers.length - 1];
      return {
        weekStart,
        started: sheets.length,
        nextAfterId: managers.length === input.pageSize && last ? last.id : null,
      };
    },

    /** The manager's submission is the sheet now; the first one says whether it came on time. */
    async weeklySheetSubmitted(input: { sheetId: string; taskId: string; at: string }): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const task = await tx.task.findUniqueOrThrow({ where: { id: input.taskId }, include: { submission: true } });
        const sheet = await tx.weeklySheet.findUniqueOrThrow({ where: { id: input.sheetId } });
        const content = sheetSubmissionSchema.parse(task.submission!.payload) as Prisma.InputJsonValue;
        const submittedAt = task.submittedAt ?? new Date(input.at);
        const first = sheet.submittedAt === null;
        await tx.weeklySheet.update({
          where: { id: sheet.id },
          data: {
            content,
            status: 'SUBMITTED',
            round: task.round,
            ...(first ? { submittedAt, onTime: submittedOnTime(submittedAt, task.dueAt) } : {}),
          },
        });
        await recordAudit(tx, {
          at: new Date(input.at),
          actorId: task.assigneeId,
          action: 'weeklySheet.submitted',
          entityType: 'weeklySheet',
          entityId: sheet.id,
          details: { weekStart: sheet.weekStart, round: task.round, taskId: task.id },
          dedupeKey: `weeklySheet:${sheet.id}:submitted:${task.round}`,
        });
      });
    },

    /** Not in after the grace period: the week has no sheet. */
    async weeklySheetMissed(input: { sheetId: string; at: string }): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const sheet = await tx.weeklySheet.update({ where: { id: input.sheetId }, data: { status: 'MISSED' } });
        await recordAudit(tx, {
          at: new Date(input.at),
          actorId: null,
          action: 'weeklySheet.missed',
          entityType: 'weeklySheet',
          entityId: sheet.id,
          details: { weekStart: sheet.weekStart, round: sheet.round },
          dedupeKey: `weeklySheet:${sheet.id}:missed`,
        });
      });
    },

    /** The county's review: reviewed with its comment, or returned with the reason; the manager is told. */
    async weeklySheetReviewed(input: {
      sheetId: string;
      taskId: string;
      at: string;
    }): Promise<{ decision: 'reviewed' | 'return'; outboxIds: string[] }> {
      return prisma.$transaction(async (tx) => {
        const task = await tx.task.findUniqueOrThrow({
          where: { id: input.taskId },
          include: { submission: true, assignee: true },
        });
        const review = weeklySheetReviewSchema.parse(task.submission!.payload);
        const at = new Date(input.at);
        const returned = review.decision === 'return';
        const text = returned ? review.reason : review.comment;
        const sheet = await tx.weeklySheet.update({
          where: { id: input.sheetId },
          data: returned
            ? { status: 'RETURNED', returnReason: text }
            : { status: 'REVIEWED', reviewComment: text, reviewedAt: at, reviewedById: task.assigneeId },
          include: { manager: { include: { user: true } } },
        });
        await recordAudit(tx, {
          at,
          actorId: task.assigneeId,
          action: returned ? 'weeklySheet.returned' : 'weeklySheet.reviewed',
          entityType: 'weeklySheet',
          entityId: sheet.id,
          details: { weekStart: sheet.weekStart, round: task.round, text },
          dedupeKey: `weeklySheet:${sheet.id}:review:${task.round}`,
        });
        const user = sheet.manager.user;
        if (!user?.active) return { decision: review.decision, outboxIds: [] };
        const lang = languageOf(user.language);
        const outboxId = await enqueueMail(tx, {
          dedupeKey: `weeklySheet:${sheet.id}:review:${task.round}:mail`,
          kind: 'weeklySheetReviewed',
          user,
          language: lang,
          link: `#/weekly-sheets/${sheet.id}`,
          rendered: renderSheetReviewed(
            {
              ...(await mailFrame(tx, lang)),
              recipientName: user.displayName,
              weekStart: sheet.weekStart,
              reviewerName: task.assignee.displayName,
              returned,
              text,
              url: `${settings.publicUrl}/app/#/weekly-sheets/${sheet.id}`,
            },
            lang,
          ),
        });
        return { decision: review.decision, outboxIds: [outboxId] };
      });
    },
  };
}

/**
 * "Weekly sheets sent on time" as a KPI (一张纸按时提交率): where the template weighs it, the
 * performance score is taken again from the review's KPIs and the period's on-time rate when the
 * evaluation is scored (the period's last sheet is in by then). Idempotent: it reads the KPIs kept.
 */
export async function settleSheetKpi(
  tx: Tx,
  evaluation: { id: string; managerId: string; cycle: { type: string; period: string } },
  template: TemplateConfig,
  /** The evaluation's score rows, read under its lock. */
  scores: ReadonlyArray<{ id: string; component: string; missing: boolean; details: Prisma.JsonValue }>,
): Promise<boolean> {
  const weight = template.weeklySheet.kpiWeight;
  if (!weight) return false;
  const row = scores.find((s) => s.component === 'performance');
  const kept = row?.details as { kpis?: Kpis } | null | undefined;
  if (!row || row.missing || !kept?.kpis) return false;
  const months = monthsOfPeriod(evaluation.cycle.type, evaluation.cycle.period);
  const sheets = await tx.weeklySheet.findMany({
    where: { managerId: evaluation.managerId, month: { in: months } },
    select: { weekStart: true, submittedAt: true, onTime: true },
  });
  const done = summariseMonths(
    months,
    sheets.map((s) => ({ ...s, content: null })),
  );
  const value = performanceScore(kept.kpis, template.kpiWeights, { onTimeRate: done.onTimeRate, weight });
  const weeklySheets = { weeks: done.weeks, onTime: done.onTime, onTimeRate: done.onTimeRate, weight };
  await tx.score.update({
    where: { id: row.id },
    data: { value, details: { ...(row.details as object), weeklySheets } },
  });
  return true;
}

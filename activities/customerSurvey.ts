// Side effects of a customer survey (客户满意度调查): draw the sample, mail each
// customer a personal link, remind those who have not answered (with a fresh link),
// and close the survey with its satisfaction rate and score.
import { drawSample, surveyAnswerSchema, surveyOutcome, type SurveyOutcome } from '../domain/customerSurvey';
import { languageOf, periodLabel, renderSurveyInvitation } from '../domain/notifications';
import { parseTemplateConfig } from '../domain/templates';
import { recordAudit } from '../prisma/audit';
import type { ActivityDeps } from './deps';
import { mailFrame } from './notifications';
import { hashSurveyToken, newSurveyToken, surveyUrl } from '../prisma/surveyLinks';
import { findOrCreateEvaluationTask, taskOpenedEntry } from './tasks';
import { customerSurvey } from '../domain/taskKinds/customerSurvey';
import type { Tx } from '../prisma/database';

export interface OpenSurveyInput {
  evaluationId: string;
  at: string;
  dueDate: string;
  dueAt: string;
}
export interface OpenSurveyResult {
  taskId: string;
  invited: number;
  outboxIds: string[];
}
export interface RemindSurveyInput {
  taskId: string;
  at: string;
  dueDate: string;
  daysBeforeDue: number;
}
export interface CloseSurveyInput {
  taskId: string;
  at: string;
  /** Close only if every invited customer has answered. */ onlyIfComplete: boolean;
}
export type CloseSurveyResult =
  | { outcome: 'scored'; survey: SurveyOutcome }
  | { outcome: 'waiting' | 'tooFew' | 'notOpen'; responses: number; invited: number };

export function customerSurveyActivities(deps: ActivityDeps) {
  const { prisma, settings } = deps;

  /** Writes one invitation mail with a fresh token (the token is kept nowhere but in the mail). */
  async function mailInvitation(
    tx: Tx,
    invitationId: string,
    dedupeKey: string,
    reminder: boolean,
  ): Promise<string | undefined> {
    const existing = await tx.notificationOutbox.findUnique({ where: { dedupeKey } });
    if (existing) return existing.id; // a retried activity: that mail (and its token) stands
    const invitation = await tx.surveyInvitation.findUniqueOrThrow({
      where: { id: invitationId },
      include: { customer: true, task: { include: { cycle: true, evaluation: { include: { manager: true } } } } },
    });
    if (!invitation.customer.email) return undefined;
    const token = newSurveyToken();
    await tx.surveyInvitation.update({ where: { id: invitation.id }, data: { tokenHash: hashSurveyToken(token) } });
    const lang = languageOf(invitation.customer.language);
    const cycle = invitation.task.cycle!; // a survey belongs to a manager's evaluation, so to a cycle
    const mail = renderSurveyInvitation(
      {
        ...(await mailFrame(tx, lang)),
        customerName: invitation.customer.name,
        managerName: invitation.task.evaluation!.manager.name,
        periodLabel: periodLabel(cycle.type, cycle.period, lang),
        surveyUrl: surveyUrl(settings.publicUrl, token),
        dueDate: invitation.task.dueDate,
        reminder,
      },
      lang,
    );
    const row = await tx.notificationOutbox.create({
      data: {
        dedupeKey,
        toAddress: invitation.customer.email,
        language: lang,
        kind: 'surveyInvitation',
        subject: mail.subject,
        textBody: mail.text,
        htmlBody: mail.html,
      },
    });
    return row.id;
  }

  return {
    /** Opens the survey task and invites a sample of the manager's retail customers. */
    async openCustomerSurvey(input: OpenSurveyInput): Promise<OpenSurveyResult> {
      return prisma.$transaction(
        async (tx) => {
          const { task, evaluation } = await findOrCreateEvaluationTask(tx, input.evaluationId, {
            kind: customerSurvey.kind,
            at: input.at,
            dueDate: input.dueDate,
            dueAt: input.dueAt,
          });
          const cycle = await tx.cycle.findUniqueOrThrow({
            where: { id: evaluation.cycleId },
            include: { template: true },
          });
          const policy = parseTemplateConfig(cycle.template.config).customerSurvey;
          const customers = await tx.retailCustomer.findMany({
            where: { managerId: evaluation.managerId, active: true, email: { not: null } },
            select: { id: true },
          });
          const sample = drawSample(customers, policy.sampleSize, `${evaluation.cycleId}:${evaluation.managerId}`);
          const outboxIds: string[] = [];
          for (const customer of sample) {
            const invitation = await tx.surveyInvitation.upsert({
              where: { taskId_customerId: { taskId: task.id, customerId: customer.id } },
              update: {},
              // A placeholder hash until the mail's token replaces it: nothing hashes to it.
              create: {
                taskId: task.id,
                customerId: customer.id,
                tokenHash: `unsent:${task.id}:${customer.id}`,
                expiresAt: new Date(input.dueAt),
              },
            });
            const id = await mailInvitation(tx, invitation.id, `survey:${invitation.id}:invited`, false);
            if (id) outboxIds.push(id);
          }
          await recordAudit(
            tx,
            taskOpenedEntry(task, input.at, { managerId: evaluation.managerId, invited: sample.length }),
          );
          return { taskId: task.id, invited: sample.length, outboxIds };
        },
        { timeout: 60_000 },
      );
    },

    /** Reminds the customers who have not answered, each with a fresh link. */
    async remindSurveyCustomers(input: RemindSurveyInput): Promise<{ outboxIds: string[] }> {
      return prisma.$transaction(
        async (tx) => {
          const task = await tx.task.findUniqueOrThrow({ where: { id: input.taskId } });
          if (task.status !== 'OPEN') return { outboxIds: [] };
          const pending = await tx.surveyInvitation.findMany({
            where: { taskId: task.id, answered: false },
            select: { id: true },
          });
          const outboxIds: string[] = [];
          for (const p of pending) {
            const id = await mailInvitation(
              tx,
              p.id,
              `survey:${p.id}:reminder:${input.dueDate}:${input.daysBeforeDue}`,
              true,
            );
            if (id) outboxIds.push(id);
          }
          const key = `task:${task.id}:reminder:${input.dueDate}:${input.daysBeforeDue}`;
          if (
            await recordAudit(tx, {
              at: new Date(input.at),
              actorId: null,
              action: 'task.reminded',
              entityType: 'task',
              entityId: task.id,
              cycleId: task.cycleId,
              details: { customers: pending.length, dueDate: input.dueDate, daysBeforeDue: input.daysBeforeDue },
              dedupeKey: key,
            })
          ) {
            await tx.task.update({ where: { id: task.id }, data: { remindersSent: { increment: 1 } } });
          }
          return { outboxIds };
        },
        { timeout: 60_000 },
      );
    },

    /** Closes the survey with its score once enough customers answered (or all, early). */
    async closeCustomerSurvey(input: CloseSurveyInput): Promise<CloseSurveyResult> {
      return prisma.$transaction(async (tx) => {
        const task = await tx.task.findUniqueOrThrow({
          where: { id: input.taskId },
          include: { cycle: { include: { template: true } } },
        });
        const invited = await tx.surveyInvitation.count({ where: { taskId: task.id } });
        const responses = await tx.surveyResponse.findMany({ where: { taskId: task.id }, select: { answers: true } });
        if (task.status !== 'OPEN') return { outcome: 'notOpen', responses: responses.length, invited };
        const policy = parseTemplateConfig(task.cycle!.template.config).customerSurvey; // an evaluation's task
        if (input.onlyIfComplete && (invited === 0 || responses.length < invited))
          return { outcome: 'waiting', responses: responses.length, invited };
        if (responses.length < Math.min(policy.minResponses, Math.max(invited, 1)))
          return { outcome: 'tooFew', responses: responses.length, invited };
        const survey = surveyOutcome(
          responses.map((r) => surveyAnswerSchema.parse(r.answers)),
          invited,
          policy.satisfactionTarget,
        );
        const details = {
          invited,
          responses: survey.responses,
          satisfactionRate: survey.satisfactionRate,
          meetsTarget: survey.meetsTarget,
        };
        await tx.score.upsert({
          where: { evaluationId_component: { evaluationId: task.evaluationId!, component: 'customer' } },
          update: { value: survey.score, missing: false, details },
          create: { evaluationId: task.evaluationId!, component: 'customer', value: survey.score, details },
        });
        await tx.task.update({
          where: { id: task.id },
          data: { status: 'SUBMITTED', submittedAt: new Date(input.at) },
        });
        await recordAudit(tx, {
          at: new Date(input.at),
          actorId: null,
          action: 'task.submitted',
          entityType: 'task',
          entityId: task.id,
          cycleId: task.cycleId,
          details: { scores: { customer: survey.score }, ...details },
          dedupeKey: `task:${task.id}:submitted`,
        });
        return { outcome: 'scored', survey };
      });
    },
  };
}

/** The day an answer is recorded under (Shanghai), never the time. */

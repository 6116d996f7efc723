// Side effects of the annual grade determination (综合等级评定): start a county's
// determination once its annual results are published, record proposals, decide
// changes under the quotas (checked city-wide, one decision at a time), and apply
// approved changes on their effective date (grade history, audit, mail).
import { shanghaiDate } from '../domain/calendar';
import {
  gradeProposalSchema,
  gradeSignOffSchema,
  proposedChanges,
  signOffOutcome,
  type GradeCandidate,
} from '../domain/gradeDetermination';
import { quotaBreaches, type QuotaBreach } from '../domain/gradeQuotas';
import { gradeNames, type Grade } from '../domain/grades';
import { languageOf } from '../domain/notifications';
import { parseTemplateConfig } from '../domain/templates';
import { renderGradeChangeNotification } from '../domain/gradeNotifications';
import type { GradeDeterminationInput } from '../workflows/gradeDetermination.messages';
import { recordAudit } from '../prisma/audit';
import type { ActivityDeps } from './deps';
import { enqueueMail, mailFrame } from './notifications';
import { storeSubmission } from './tasks';
import { gradeDeterminationWorkflow } from '../workflows/gradeDetermination';
import { startWorkflowOnce } from '../workflows/client/startOnce';
import { gradeReviewWorkflowId } from '../workflows/gradeDetermination.messages';
import type { Tx } from '../prisma/database';

export interface DecideGradesInput {
  gradeReviewId: string;
  taskId: string;
  round: number;
  requestId: string;
  submittedById: string;
  /** The sign-off as the workflow's validator accepted it. */
  payload: unknown;
  at: string;
}
export type DecideGradesResult =
  | { outcome: 'accepted' | 'duplicate'; submissionId: string; approved: string[]; rejected: string[] }
  | { outcome: 'quotaExceeded'; breaches: QuotaBreach[] }
  | { outcome: 'closed' };

/** Every active manager's assessed grade once the approved (not yet effective) changes and `approving` take effect. */
async function projectedGrades(tx: Tx, approving: Map<string, Grade>): Promise<Grade[]> {
  const [managers, pending] = await Promise.all([
    tx.manager.findMany({ where: { active: true }, select: { id: true, grade: true } }),
    tx.gradeChange.findMany({
      where: { status: 'APPROVED' },
      orderBy: { decidedAt: 'asc' },
      select: { managerId: true, toGrade: true },
    }),
  ]);
  const grade = new Map(managers.map((m) => [m.id, m.grade]));
  for (const p of pending) if (grade.has(p.managerId)) grade.set(p.managerId, p.toGrade);
  for (const [id, g] of approving) if (grade.has(id)) grade.set(id, g);
  return [...grade.values()];
}

export function gradeReviewActivities(deps: ActivityDeps) {
  const { prisma, temporal, settings } = deps;
  return {
    /** Annual cycles only: each published county gets its grade determination (idempotent). */
    async startGradeDetermination(input: { cycleId: string; at: string }): Promise<{ started: number }> {
      const cycle = await prisma.cycle.findUniqueOrThrow({ where: { id: input.cycleId }, include: { template: true } });
      if (cycle.type !== 'ANNUAL') return { started: 0 };
      const published = await prisma.countyReview.findMany({ where: { cycleId: cycle.id, status: 'PUBLISHED' } });
      await prisma.gradeReview.createMany({
        data: published.map((r) => ({
          cycleId: cycle.id,
          countyId: r.countyId,
          workflowId: gradeReviewWorkflowId(cycle.id, r.countyId),
        })),
        skipDuplicates: true,
      });
      const reviews = await prisma.gradeReview.findMany({
        where: { cycleId: cycle.id, countyId: { in: published.map((r) => r.countyId) } },
      });
      const template = parseTemplateConfig(cycle.template.config);
      for (const review of reviews) {
        const args: GradeDeterminationInput = {
          gradeReviewId: review.id,
          cycleId: cycle.id,
          countyId: review.countyId,
          template,
        };
        await startWorkflowOnce(temporal, gradeDeterminationWorkflow, {
          taskQueue: settings.taskQueue,
          workflowId: review.workflowId,
          args: [args],
        });
      }
      return { started: reviews.length };
    },

    /** The managers a round proposes for (all active managers of the county in round 1; those rejected later). */
    async gradeCandidates(input: {
      gradeReviewId: string;
      managerIds?: string[];
      at: string;
    }): Promise<{ candidates: GradeCandidate[]; earliestEffectiveDate: string }> {
      const review = await prisma.gradeReview.findUniqueOrThrow({ where: { id: input.gradeReviewId } });
      const managers = await prisma.manager.findMany({
        where: {
          countyId: review.countyId,
          active: true,
          ...(input.managerIds ? { id: { in: input.managerIds } } : {}),
        },
        select: { id: true, grade: true },
        orderBy: { employeeNo: 'asc' },
      });
      return {
        candidates: managers.map((m) => ({ managerId: m.id, grade: m.grade })),
        earliestEffectiveDate: shanghaiDate(new Date(input.at)),
      };
    },

    async setGradeReviewStatus(input: {
      gradeReviewId: string;
      status: 'PROPOSAL' | 'SIGN_OFF' | 'APPROVED' | 'COMPLETED';
      round: number;
      at: string;
    }): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const review = await tx.gradeReview.update({
          where: { id: input.gradeReviewId },
          data: { status: input.status, round: input.round },
        });
        await recordAudit(tx, {
          at: new Date(input.at),
          actorId: null,
          action: `gradeReview.${input.status.toLowerCase()}`,
          entityType: 'gradeReview',
          entityId: review.id,
          cycleId: review.cycleId,
          details: { round: input.round },
          dedupeKey: `gradeReview:${review.id}:${input.status}:${input.round}`,
        });
      });
    },

    /** The county head's accepted proposal becomes one proposed change per manager whose grade would change. */
    async recordGradeProposal(input: {
      gradeReviewId: string;
      taskId: string;
      round: number;
      candidates: GradeCandidate[];
      at: string;
    }): Promise<{ changedManagerIds: string[] }> {
      return prisma.$transaction(async (tx) => {
        const submission = await tx.submission.findUniqueOrThrow({ where: { taskId: input.taskId } });
        const proposal = gradeProposalSchema.parse(submission.payload);
        const changes = proposedChanges(proposal, input.candidates);
        const review = await tx.gradeReview.findUniqueOrThrow({ where: { id: input.gradeReviewId } });
        await tx.gradeChange.createMany({
          data: changes.map((c) => ({
            gradeReviewId: review.id,
            round: input.round,
            managerId: c.managerId,
            fromGrade: c.fromGrade,
            toGrade: c.toGrade,
            reason: c.reason,
            effectiveDate: proposal.effectiveDate,
            proposedById: submission.submittedById,
            proposedAt: submission.createdAt,
          })),
          skipDuplicates: true,
        });
        for (const c of changes) {
          await recordAudit(tx, {
            at: new Date(input.at),
            actorId: submission.submittedById,
            action: 'grade.proposed',
            entityType: 'manager',
            entityId: c.managerId,
            cycleId: review.cycleId,
            details: {
              from: c.fromGrade,
              to: c.toGrade,
              reason: c.reason,
              effectiveDate: proposal.effectiveDate,
              round: input.round,
            },
            dedupeKey: `grade:${review.id}:${input.round}:${c.managerId}:proposed`,
          });
        }
        return { changedManagerIds: changes.map((c) => c.managerId) };
      });
    },

    /**
     * The city approver's decision. Approvals are checked against the quotas over every
     * customer manager, with the changes approved before and not yet in effect; decisions
     * are taken one at a time (an advisory lock), so two counties cannot both fill the
     * last place. A breach records nothing and says by how many each level is over.
     */
    async decideGradeChanges(input: DecideGradesInput): Promise<DecideGradesResult> {
      return prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(424242)`;
        const prior = await tx.submission.findUnique({ where: { taskId: input.taskId } });
        const changes = await tx.gradeChange.findMany({
          where: { gradeReviewId: input.gradeReviewId, round: input.round },
        });
        if (prior) {
          return {
            outcome: 'duplicate',
            submissionId: prior.id,
            approved: changes.filter((c) => c.status !== 'REJECTED').map((c) => c.managerId),
            rejected: changes.filter((c) => c.status === 'REJECTED').map((c) => c.managerId),
          };
        }
        const task = await tx.task.findUniqueOrThrow({
          where: { id: input.taskId },
          include: { cycle: { include: { template: true } } },
        });
        if (task.status !== 'OPEN') return { outcome: 'closed' };
        const decision = signOffOutcome(
          gradeSignOffSchema.parse(input.payload),
          changes.map((c) => c.managerId),
        );
        const approving = new Map(
          changes.filter((c) => decision.approved.includes(c.managerId)).map((c) => [c.managerId, c.toGrade]),
        );
        const breaches = quotaBreaches(
          await projectedGrades(tx, approving),
          parseTemplateConfig(task.cycle!.template.config).gradeDetermination.quotas, // an annual cycle's task
        );
        if (approving.size > 0 && breaches.length > 0) return { outcome: 'quotaExceeded', breaches };

        const submission = await storeSubmission(tx, task.id, input);
        const at = new Date(input.at);
        for (const c of changes) {
          const rejection = decision.rejected.find((r) => r.managerId === c.managerId);
          const status = rejection ? 'REJECTED' : 'APPROVED';
          await tx.gradeChange.update({
            where: { id: c.id },
            data: {
              status,
              decidedById: input.submittedById,
              decidedAt: at,
              decisionReason: rejection?.reason ?? null,
            },
          });
          await tx.approvalDecision.create({
            data: {
              subjectType: 'gradeChange',
              subjectId: c.id,
              stage: 'cityApproval',
              decision: rejection ? 'rejected' : 'approved',
              reason: rejection?.reason ?? null,
              decidedById: input.submittedById,
              decidedAt: at,
            },
          });
          await recordAudit(tx, {
            at,
            actorId: input.submittedById,
            action: rejection ? 'grade.rejected' : 'grade.approved',
            entityType: 'manager',
            entityId: c.managerId,
            cycleId: task.cycleId,
            details: {
              changeId: c.id,
              from: c.fromGrade,
              to: c.toGrade,
              effectiveDate: c.effectiveDate,
              reason: rejection?.reason ?? null,
            },
            dedupeKey: `grade:${c.id}:decided`,
          });
        }
        await recordAudit(tx, {
          at,
          actorId: input.submittedById,
          action: 'task.submitted',
          entityType: 'task',
          entityId: task.id,
          cycleId: task.cycleId,
          details: {
            submissionId: submission.id,
            requestId: input.requestId,
            approved: decision.approved.length,
            rejected: decision.rejected.length,
          },
          dedupeKey: `task:${task.id}:submitted`,
        });
        return {
          outcome: 'accepted',
          submissionId: submission.id,
          approved: decision.approved,
          rejected: decision.rejected.map((r) => r.managerId),
        };
      });
    },

    /** On the effective date: the manager's grade changes, the history keeps it, the manager is told. */
    async applyGradeChanges(input: {
      gradeReviewId: string;
      effectiveDate: string;
      at: string;
    }): Promise<{ applied: number; outboxIds: string[] }> {
      return prisma.$transaction(async (tx) => {
        const changes = await tx.gradeChange.findMany({
          where: { gradeReviewId: input.gradeReviewId, status: 'APPROVED', effectiveDate: input.effectiveDate },
          include: { manager: { include: { user: true } } },
        });
        const outboxIds: string[] = [];
        const at = new Date(input.at);
        for (const c of changes) {
          await tx.manager.update({ where: { id: c.managerId }, data: { grade: c.toGrade } });
          await tx.gradeHistory.create({
            data: {
              managerId: c.managerId,
              fromGrade: c.fromGrade,
              toGrade: c.toGrade,
              effectiveDate: new Date(`${c.effectiveDate}T00:00:00Z`),
              reason: c.reason,
              decisionId: c.id,
            },
          });
          await tx.gradeChange.update({ where: { id: c.id }, data: { status: 'APPLIED', appliedAt: at } });
          await recordAudit(tx, {
            at,
            actorId: null,
            action: 'grade.changed',
            entityType: 'manager',
            entityId: c.managerId,
            details: { changeId: c.id, from: c.fromGrade, to: c.toGrade, effectiveDate: c.effectiveDate },
            dedupeKey: `grade:${c.id}:applied`,
          });
          const user = c.manager.user;
          if (user?.active) {
            const lang = languageOf(user.language);
            const mail = renderGradeChangeNotification(
              {
                ...(await mailFrame(tx, lang)),
                recipientName: user.displayName,
                from: gradeNames[c.fromGrade][lang],
                to: gradeNames[c.toGrade][lang],
                effectiveDate: c.effectiveDate,
                reason: c.reason,
                url: `${settings.publicUrl}/app/#/managers/${c.managerId}/timeline`,
              },
              lang,
            );
            outboxIds.push(
              await enqueueMail(tx, {
                dedupeKey: `grade:${c.id}:mail:${user.id}`,
                kind: 'gradeChanged',
                user,
                language: lang,
                rendered: mail,
                link: `#/managers/${c.managerId}/timeline`,
              }),
            );
          }
        }
        return { applied: changes.length, outboxIds };
      });
    },
  };
}

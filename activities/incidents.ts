// Incidents (故障): written by the incident guard of every workflow when a step runs out of
// retries; the bell tells HR and the admin, who retry it from the incident list.
import { incidentSentence } from '../domain/incidents';
import { languageOf } from '../domain/language';
import { incidentKeepers } from '../domain/roles';
import { recordAudit } from '../prisma/audit';
import type { Tx } from '../prisma/database';
import type { RaiseIncidentInput } from '../workflows/incidents.messages';
import type { ActivityDeps } from './deps';

const messageLimit = 2000;

type Where = { cycleId: string | null; countyId: string | null; evaluationId: string | null };

/** The cycle, county and evaluation of what an incident is about, where the workflow did not say. */
async function scopeOf(tx: Tx, input: RaiseIncidentInput): Promise<Where> {
  const { cycleId, countyId, evaluationId, subject = {} } = input.scope;
  const said: Where = { cycleId: cycleId ?? null, countyId: countyId ?? null, evaluationId: evaluationId ?? null };
  if (said.cycleId && said.countyId) return said;
  const select = { cycleId: true, countyId: true } as const;
  const found = evaluationId
    ? await tx.evaluation.findUnique({ where: { id: evaluationId }, select })
    : subject.resultsTalkId
      ? await tx.resultsTalk.findUnique({
          where: { id: subject.resultsTalkId },
          select: { ...select, evaluationId: true },
        })
      : subject.caseId
        ? await tx.bottomRankCase.findUnique({ where: { id: subject.caseId }, select })
        : null;
  return {
    cycleId: said.cycleId ?? found?.cycleId ?? null,
    countyId: said.countyId ?? found?.countyId ?? null,
    evaluationId: said.evaluationId ?? (found && 'evaluationId' in found ? String(found.evaluationId) : null),
  };
}

export function incidentActivities({ prisma }: ActivityDeps) {
  return {
    /** Records (or counts again) the incident, and tells HR and the admin the first time. */
    async raiseIncident(input: RaiseIncidentInput): Promise<void> {
      const at = new Date(input.at);
      const message = input.message.slice(0, messageLimit);
      await prisma.$transaction(async (tx) => {
        const existing = await tx.incident.findUnique({ where: { id: input.incidentId } });
        if (existing) {
          if (existing.status === 'OPEN' && existing.lastSeenAt >= at) return; // this same write, retried
          await tx.incident.update({
            where: { id: input.incidentId },
            data: { status: 'OPEN', failures: { increment: 1 }, lastSeenAt: at, errorType: input.errorType, message },
          });
          return;
        }
        const { subject } = input.scope;
        const { cycleId, countyId, evaluationId } = await scopeOf(tx, input);
        await tx.incident.create({
          data: {
            id: input.incidentId,
            workflowId: input.workflowId,
            workflowType: input.workflowType,
            step: input.step,
            cycleId,
            countyId,
            evaluationId,
            ...(subject ? { subject } : {}),
            errorType: input.errorType,
            message,
            firstSeenAt: at,
            lastSeenAt: at,
          },
        });
        await recordAudit(tx, {
          at,
          actorId: null,
          action: 'incident.raised',
          entityType: 'incident',
          entityId: input.incidentId,
          cycleId,
          details: { workflowId: input.workflowId, step: input.step, errorType: input.errorType, message },
        });
        await tellKeepers(tx, input);
      });
    },

    /** A retry was asked for (or came by itself): the step runs again. */
    async incidentRetrying(input: { incidentId: string; at: string }): Promise<void> {
      await prisma.incident.updateMany({
        where: { id: input.incidentId, status: 'OPEN' },
        data: { status: 'RETRYING', retriedAt: new Date(input.at) },
      });
    },

    /** The step went through after its incident. */
    async resolveIncident(input: { incidentId: string; at: string }): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const done = await tx.incident.updateMany({
          where: { id: input.incidentId, status: { not: 'RESOLVED' } },
          data: { status: 'RESOLVED', resolvedAt: new Date(input.at) },
        });
        if (done.count === 0) return;
        const incident = await tx.incident.findUniqueOrThrow({ where: { id: input.incidentId } });
        await recordAudit(tx, {
          at: new Date(input.at),
          actorId: null,
          action: 'incident.resolved',
          entityType: 'incident',
          entityId: input.incidentId,
          cycleId: incident.cycleId,
          details: { workflowId: incident.workflowId, step: incident.step, failures: incident.failures },
        });
      });
    },
  };
}

/** A notice on the bell of every active HR and admin account, in their language. */
async function tellKeepers(tx: Tx, input: RaiseIncidentInput): Promise<void> {
  const keepers = await tx.user.findMany({
    where: { active: true, roles: { some: { role: { in: [...incidentKeepers] } } } },
    select: { id: true, language: true },
  });
  if (keepers.length === 0) return;
  await tx.notice.createMany({
    data: keepers.map((u) => ({
      dedupeKey: `incident:${input.incidentId}:${u.id}`,
      userId: u.id,
      kind: 'incident',
      title: incidentSentence(input, languageOf(u.language)),
      link: `#/incidents/${input.incidentId}`,
    })),
    skipDuplicates: true,
  });
}

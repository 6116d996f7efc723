// Incidents (故障): written by the incident guard of every workflow when a step runs out of
// retries; the bell tells HR and the admin, who retry it from the incident list.
import { heartbeat } from '@temporalio/activity';
import type { WorkflowExecutionInfo } from '@temporalio/client';
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

/** What a workflow is about, found by its id in the rows that name it. */
async function scopeOfWorkflow(tx: Tx, workflowId: string): Promise<Where> {
  const select = { cycleId: true, countyId: true } as const;
  const evaluation = await tx.evaluation.findUnique({ where: { workflowId }, select: { ...select, id: true } });
  if (evaluation) return { ...evaluation, evaluationId: evaluation.id };
  const found =
    (await tx.countyReview.findUnique({ where: { workflowId }, select })) ??
    (await tx.gradeReview.findUnique({ where: { workflowId }, select })) ??
    (await tx.bottomRankCase.findUnique({ where: { workflowId }, select })) ??
    (await tx.objection.findUnique({ where: { workflowId }, select: { ...select, evaluationId: true } })) ??
    (await tx.resultsTalk.findUnique({ where: { workflowId }, select: { ...select, evaluationId: true } })) ??
    (await tx.complaint
      .findUnique({ where: { workflowId }, select: { countyId: true } })
      .then((c) => (c ? { cycleId: null, countyId: c.countyId } : null))) ??
    (await tx.cycle
      .findUnique({ where: { workflowId }, select: { id: true } })
      .then((c) => (c ? { cycleId: c.id, countyId: null } : null)));
  return {
    cycleId: found?.cycleId ?? null,
    countyId: found?.countyId ?? null,
    evaluationId: found && 'evaluationId' in found ? String(found.evaluationId) : null,
  };
}

const closedStatuses = {
  FAILED: 'WorkflowFailed',
  TERMINATED: 'WorkflowTerminated',
  TIMED_OUT: 'WorkflowTimedOut',
} as const;

/** Why a closed workflow ended: its failure's message (a failure, a termination's reason). */
async function closeReason(temporal: ActivityDeps['temporal'], workflowId: string, runId: string): Promise<string> {
  try {
    await temporal.workflow.getHandle(workflowId, runId).result();
    return '';
  } catch (err) {
    const cause = (err as { cause?: { message?: string } }).cause;
    return cause?.message ?? (err instanceof Error ? err.message : String(err));
  }
}

const grpcUnimplemented = 12;
const grpcInvalidArgument = 3;

/** Running, but its workflow task fails again and again: a bug, or a non-determinism after a deployment. */
const stuckTypes = ['WorkflowTaskFailing', 'WorkflowNondeterministic'] as const;

/** Temporal's own flag on such a run (TemporalReportedProblems: its category and cause). */
function stuckTypeOf(wf: WorkflowExecutionInfo): (typeof stuckTypes)[number] | undefined {
  const problems = (wf.searchAttributes as Record<string, unknown> | undefined)?.TemporalReportedProblems;
  if (!Array.isArray(problems) || problems.length === 0) return undefined;
  return problems.some((p) => /NonDeterministic/i.test(String(p))) ? 'WorkflowNondeterministic' : 'WorkflowTaskFailing';
}

/** The failure of a run's last failed workflow task, in the words the worker reported. */
async function lastTaskFailure(temporal: ActivityDeps['temporal'], workflowId: string, runId: string) {
  const history = await temporal.workflow.getHandle(workflowId, runId).fetchHistory();
  const failed = (history.events ?? []).filter((e) => e.workflowTaskFailedEventAttributes).at(-1);
  return failed?.workflowTaskFailedEventAttributes?.failure?.message ?? '';
}

export function incidentActivities({ prisma, temporal }: ActivityDeps) {
  /** One run as an incident of its own (id = the run's id), once; 1 if it was raised now. */
  async function raiseForRun(wf: WorkflowExecutionInfo, errorType: string, message: string, at: Date) {
    let raised = 0;
    await prisma.$transaction(async (tx) => {
      const { cycleId, countyId, evaluationId } = await scopeOfWorkflow(tx, wf.workflowId);
      const created = await tx.incident.createMany({
        data: [
          {
            id: wf.runId,
            workflowId: wf.workflowId,
            workflowType: wf.type,
            step: 'workflow',
            cycleId,
            countyId,
            evaluationId,
            subject: { runId: wf.runId },
            errorType,
            message: message.slice(0, messageLimit),
            firstSeenAt: at,
            lastSeenAt: at,
          },
        ],
        skipDuplicates: true,
      });
      if (created.count === 0) return;
      raised = 1;
      await recordAudit(tx, {
        at,
        actorId: null,
        action: 'incident.raised',
        entityType: 'incident',
        entityId: wf.runId,
        cycleId,
        details: { workflowId: wf.workflowId, step: 'workflow', errorType, message: message.slice(0, messageLimit) },
      });
      await tellKeepers(tx, { incidentId: wf.runId, workflowType: wf.type, step: 'workflow', errorType });
    });
    return raised;
  }

  /** A workflow that ended without finishing its work. */
  async function raiseForClosed(wf: WorkflowExecutionInfo): Promise<number> {
    heartbeat(wf.workflowId);
    const errorType = closedStatuses[wf.status.name as keyof typeof closedStatuses];
    if (!errorType || (await prisma.incident.findUnique({ where: { id: wf.runId } }))) return 0;
    const message = await closeReason(temporal, wf.workflowId, wf.runId);
    return raiseForRun(wf, errorType, message, wf.closeTime ?? new Date());
  }

  /** A running workflow that Temporal reports as failing its workflow tasks. */
  async function raiseForStuck(wf: WorkflowExecutionInfo, at: Date): Promise<number> {
    heartbeat(wf.workflowId);
    const errorType = stuckTypeOf(wf);
    if (!errorType || (await prisma.incident.findUnique({ where: { id: wf.runId } }))) return 0;
    return raiseForRun(wf, errorType, await lastTaskFailure(temporal, wf.workflowId, wf.runId), at);
  }

  /** Stuck runs that go on again (the code was fixed and deployed, or a reset): resolved. */
  async function resolveRecovered(at: Date, stillStuck: Set<string>): Promise<number> {
    const open = await prisma.incident.findMany({
      where: { step: 'workflow', errorType: { in: [...stuckTypes] }, status: { not: 'RESOLVED' } },
      select: { id: true },
    });
    let resolved = 0;
    for (const incident of open.filter((i) => !stillStuck.has(i.id))) {
      await resolveOne(incident.id, at, { recovered: true });
      resolved++;
    }
    return resolved;
  }

  /** Marks one incident resolved (once) and audits it. */
  async function resolveOne(incidentId: string, at: Date, extra: Record<string, unknown> = {}): Promise<void> {
    await prisma.$transaction(async (tx) => {
      const done = await tx.incident.updateMany({
        where: { id: incidentId, status: { not: 'RESOLVED' } },
        data: { status: 'RESOLVED', resolvedAt: at },
      });
      if (done.count === 0) return;
      const incident = await tx.incident.findUniqueOrThrow({ where: { id: incidentId } });
      await recordAudit(tx, {
        at,
        actorId: null,
        action: 'incident.resolved',
        entityType: 'incident',
        entityId: incidentId,
        cycleId: incident.cycleId,
        details: { workflowId: incident.workflowId, step: incident.step, failures: incident.failures, ...extra },
      });
    });
  }

  /**
   * Every result of a visibility query, or none on a server without visibility (the
   * time-skipping one) or, where `unknownIsNone`, without the query's search attribute
   * (a server older than 1.28 has no TemporalReportedProblems).
   */
  async function listed(query: string, unknownIsNone = false): Promise<WorkflowExecutionInfo[] | undefined> {
    const found: WorkflowExecutionInfo[] = [];
    try {
      for await (const wf of temporal.workflow.list({ query })) found.push(wf);
    } catch (err) {
      const e = err as { code?: number; cause?: { code?: number } };
      const code = e.code ?? e.cause?.code;
      if (code === grpcUnimplemented || (unknownIsNone && code === grpcInvalidArgument)) return undefined;
      throw err;
    }
    return found;
  }

  return {
    /**
     * Workflows that ended without finishing their work (failed in their own code, terminated,
     * timed out) in the last days, and running ones whose code keeps failing: each an incident,
     * once, which HR retries by a reset. A stuck run that goes on again is resolved.
     */
    async sweepClosedWorkflows(input: { at: string; lookBackDays: number }): Promise<{ raised: number }> {
      const at = new Date(input.at);
      const since = new Date(at.getTime() - input.lookBackDays * 86_400_000).toISOString();
      const closed = await listed(
        '(ExecutionStatus="Failed" OR ExecutionStatus="Terminated" OR ExecutionStatus="TimedOut") ' +
          `AND CloseTime > "${since}"`,
      );
      if (!closed) return { raised: 0 };
      let raised = 0;
      for (const wf of closed) raised += await raiseForClosed(wf);
      const stuck = (await listed('ExecutionStatus="Running" AND TemporalReportedProblems IS NOT NULL', true)) ?? [];
      for (const wf of stuck) raised += await raiseForStuck(wf, at);
      await resolveRecovered(at, new Set(stuck.map((wf) => wf.runId)));
      return { raised };
    },

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
      await resolveOne(input.incidentId, new Date(input.at));
    },
  };
}

/** A notice on the bell of every active HR and admin account, in their language. */
async function tellKeepers(
  tx: Tx,
  input: Pick<RaiseIncidentInput, 'incidentId' | 'workflowType' | 'step' | 'errorType'>,
): Promise<void> {
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

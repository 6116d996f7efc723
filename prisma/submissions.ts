// An evaluation task's submission written in one SQL statement: the hottest write of a
// cycle (three per manager). The Prisma transaction it replaces took seven round trips
// (BEGIN, the submission, the task's status, the drafts, the score, the audit line,
// COMMIT); one statement is atomic on its own, and its guard on the task's status settles
// a race with the grace period's close without a lock. The worker (recordSubmission) and
// the API (an evaluation's task, recorded before its workflow hears of it) both write here.
import { randomUUID } from 'node:crypto';
import { scoresOfSubmission, type TaskKind } from '../domain/taskKinds';
import { parseTemplateConfig } from '../domain/templates';
import type { PrismaClient } from './database';

export interface SubmissionWrite {
  taskId: string;
  cycleId: string | null;
  /** Where the scores go; null for a task outside an evaluation. */
  evaluationId: string | null;
  at: string;
  requestId: string;
  submittedById: string;
  payload: unknown;
  scores: ReadonlyArray<{ component: string; value: number; details?: unknown }>;
}

/**
 * Marks the task submitted if it is still open and, with it, stores the submission, removes
 * its drafts, upserts its scores and writes the `task.submitted` audit line (once per task,
 * as `recordAudit` would). Answers the new submission's id, or null when the task was no
 * longer open (nothing is written then).
 */
export async function writeSubmissionAtOnce(prisma: PrismaClient, w: SubmissionWrite): Promise<string | null> {
  const submissionId = randomUUID();
  const at = w.at; // text cast to timestamp: the zone is dropped, as Prisma stores UTC
  const scores = JSON.stringify(
    (w.evaluationId ? w.scores : []).map((s) => ({
      id: randomUUID(),
      component: s.component,
      value: s.value,
      // No key, not JSON null: the column stays NULL, as Prisma leaves it.
      ...(s.details === undefined || s.details === null ? {} : { details: s.details }),
    })),
  );
  const scoreMap = Object.fromEntries(w.scores.map((s) => [s.component, s.value]));
  const audit = JSON.stringify({ submissionId, requestId: w.requestId, scores: scoreMap });
  const rows = await prisma.$queryRaw<Array<{ id: string }>>`
    WITH t AS (
      UPDATE "Task"
         SET "status" = 'SUBMITTED'::"TaskStatus", "submittedAt" = ${at}::timestamp(3),
             "updatedAt" = ${new Date().toISOString()}::timestamp(3)
       WHERE "id" = ${w.taskId} AND "status" = 'OPEN'::"TaskStatus"
      RETURNING "id"
    ), s AS (
      INSERT INTO "Submission" ("id", "taskId", "submittedById", "requestId", "payload", "createdAt")
      SELECT ${submissionId}, t."id", ${w.submittedById}, ${w.requestId},
             ${JSON.stringify(w.payload ?? null)}::jsonb, ${at}::timestamp(3)
        FROM t
      RETURNING "id"
    ), d AS (
      DELETE FROM "TaskDraft" WHERE "taskId" IN (SELECT "id" FROM t)
    ), sc AS (
      INSERT INTO "Score" ("id", "evaluationId", "component", "value", "missing", "details", "createdAt")
      SELECT x."id", ${w.evaluationId}, x."component", x."value", false, x."details", ${at}::timestamp(3)
        FROM t, jsonb_to_recordset(${scores}::jsonb) AS x("id" text, "component" text, "value" numeric, "details" jsonb)
      ON CONFLICT ("evaluationId", "component") DO UPDATE
         SET "value" = EXCLUDED."value", "missing" = false,
             "details" = COALESCE(EXCLUDED."details", "Score"."details")
    ), a AS (
      INSERT INTO "AuditLog" ("at", "actorId", "action", "entityType", "entityId", "cycleId", "details", "dedupeKey")
      SELECT ${at}::timestamp(3), ${w.submittedById}, 'task.submitted', 'task', t."id", ${w.cycleId},
             ${audit}::jsonb, ${`task:${w.taskId}:submitted`}
        FROM t
      ON CONFLICT ("dedupeKey") DO NOTHING
    )
    SELECT "id" FROM s`;
  return rows[0]?.id ?? null;
}

/** What a submission needs to know of its task, read with it in one statement. */
export interface SubmittableTask {
  id: string;
  kind: string;
  status: string;
  cycleId: string | null;
  evaluationId: string | null;
  /** The cycle's template (its scoring); null for a task outside a cycle (a complaint's). */
  templateConfig: unknown;
  /** The submission already taken, if any. */
  submissionId: string | null;
}

export interface SubmissionRequest {
  at: string;
  requestId: string;
  submittedById: string;
  /** Parsed by the kind's schema. */
  payload: unknown;
}

export type SubmissionOutcome =
  { outcome: 'accepted' | 'duplicate'; submissionId: string; scores?: Record<string, number> } | { outcome: 'closed' };

/** The include that reads a task as `submittableTask` wants it, in the same statement. */
export const submittableInclude = {
  cycle: { select: { template: { select: { config: true } } } },
  submission: { select: { id: true } },
} as const;

export function submittableTask(task: {
  id: string;
  kind: string;
  status: string;
  cycleId: string | null;
  evaluationId: string | null;
  cycle: { template: { config: unknown } } | null;
  submission: { id: string } | null;
}): SubmittableTask {
  const { id, kind, status, cycleId, evaluationId } = task;
  return {
    id,
    kind,
    status,
    cycleId,
    evaluationId,
    templateConfig: task.cycle?.template.config ?? null,
    submissionId: task.submission?.id ?? null,
  };
}

/**
 * Accepts the first submission of an open task (one without a decision to record): its
 * scores by the cycle's template, written in one statement. A repeat answers the first.
 */
export async function recordSubmissionAtOnce(
  prisma: PrismaClient,
  task: SubmittableTask,
  request: SubmissionRequest,
): Promise<SubmissionOutcome> {
  if (task.submissionId) return { outcome: 'duplicate', submissionId: task.submissionId };
  if (task.status !== 'OPEN') return { outcome: 'closed' };
  // Only an evaluation's tasks score, and those belong to a cycle (a complaint's do not).
  const scores =
    task.templateConfig === null
      ? []
      : scoresOfSubmission(task.kind as TaskKind, request.payload, parseTemplateConfig(task.templateConfig));
  const submissionId = await writeSubmissionAtOnce(prisma, {
    ...request,
    taskId: task.id,
    cycleId: task.cycleId,
    evaluationId: task.evaluationId,
    scores,
  });
  if (submissionId)
    return { outcome: 'accepted', submissionId, scores: Object.fromEntries(scores.map((s) => [s.component, s.value])) };
  // Closed, or submitted by a request that ran alongside, since it was read.
  const prior = await prisma.submission.findUnique({ where: { taskId: task.id }, select: { id: true } });
  return prior ? { outcome: 'duplicate', submissionId: prior.id } : { outcome: 'closed' };
}

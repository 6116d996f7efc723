// Side effects of a human task's life: open, remind, escalate, extend, close by
// policy, record a submission. Each is idempotent: Temporal may retry any of them.
// Times come from the workflow (`at`), so records carry the workflow's clock.
import { ApplicationFailure } from '@temporalio/activity';
import type { Prisma } from '../generated/prisma/client';
import type { RemindNowInput } from '../workflows/remindNow.messages';
import { chainOfCommand, escalationTarget, type Role } from '../domain/roles';
import {
  actorRoleOf,
  decisionOf,
  scoresOfSubmission,
  settledAcrossCounty,
  taskKind,
  type TaskKind,
} from '../domain/taskKinds';
import { parseTemplateConfig } from '../domain/templates';
import { recordAudit } from '../prisma/audit';
import type { Tx } from '../prisma/database';
import type { ActivityDeps } from './deps';
import { enqueueTaskNotice, enqueueTaskNotices, noticeTaskInclude, type NoticeTask } from './notifications';
import { cityApproval } from '../domain/taskKinds/cityApproval';
import { countySignOff } from '../domain/taskKinds/countySignOff';
import { resultsTalk } from '../domain/taskKinds/resultsTalk';
import { roleHolders } from '../prisma/roleHolders';
import { recordSubmissionAtOnce, submittableInclude, submittableTask } from '../prisma/submissions';

/** A task of one manager's evaluation, or (one per round) of a county's results, a county's grade determination, a bottom-ranking case, an objection, a results talk or a complaint. */
export type TaskSubject =
  | { evaluationId: string }
  | { countyReviewId: string; round: number }
  | { gradeReviewId: string; round: number }
  | { bottomRankCaseId: string; round: number }
  | { objectionId: string; round: number }
  | { resultsTalkId: string; round: number }
  | { complaintId: string; round: number }
  | { weeklySheetId: string; round: number };
type RoundSubject = Exclude<TaskSubject, { evaluationId: string }>;

interface SubjectOwner {
  /** Null for a complaint's tasks, which belong to no cycle. */
  cycleId: string | null;
  countyId: string;
  link: Record<string, string>;
  /** The manager the subject is about, for the kinds that go to them (a talk's acknowledgement). */
  manager?: { userId: string | null; industryPartnerId: string | null };
  /** The holder the subject was given to (a talk's leader), for `chosenHolder` kinds. */
  chosenId?: string | null;
}

/** The cycle and county a round-based task belongs to, and the column that links it to its subject. */
async function subjectOwner(tx: Tx, subject: RoundSubject): Promise<SubjectOwner> {
  if ('countyReviewId' in subject) {
    const r = await tx.countyReview.findUniqueOrThrow({ where: { id: subject.countyReviewId } });
    return { cycleId: r.cycleId, countyId: r.countyId, link: { countyReviewId: r.id } };
  }
  if ('gradeReviewId' in subject) {
    const r = await tx.gradeReview.findUniqueOrThrow({ where: { id: subject.gradeReviewId } });
    return { cycleId: r.cycleId, countyId: r.countyId, link: { gradeReviewId: r.id } };
  }
  if ('objectionId' in subject) {
    const o = await tx.objection.findUniqueOrThrow({ where: { id: subject.objectionId } });
    return { cycleId: o.cycleId, countyId: o.countyId, link: { objectionId: o.id } };
  }
  if ('complaintId' in subject) {
    const c = await tx.complaint.findUniqueOrThrow({ where: { id: subject.complaintId }, include: { manager: true } });
    return { cycleId: null, countyId: c.countyId, link: { complaintId: c.id }, manager: c.manager };
  }
  if ('weeklySheetId' in subject) {
    const w = await tx.weeklySheet.findUniqueOrThrow({
      where: { id: subject.weeklySheetId },
      include: { manager: true },
    });
    return { cycleId: null, countyId: w.countyId, link: { weeklySheetId: w.id }, manager: w.manager };
  }
  if ('resultsTalkId' in subject) {
    const t = await tx.resultsTalk.findUniqueOrThrow({
      where: { id: subject.resultsTalkId },
      include: { evaluation: { include: { manager: true } } },
    });
    const link = { resultsTalkId: t.id };
    return { cycleId: t.cycleId, countyId: t.countyId, link, manager: t.evaluation.manager, chosenId: t.leaderId };
  }
  const c = await tx.bottomRankCase.findUniqueOrThrow({ where: { id: subject.bottomRankCaseId } });
  return { cycleId: c.cycleId, countyId: c.countyId, link: { bottomRankCaseId: c.id } };
}
export interface OpenTaskInput {
  subject: TaskSubject;
  kind: TaskKind;
  at: string;
  dueDate: string;
  dueAt: string;
}
export interface OpenTaskResult {
  taskId: string;
  assigneeId: string;
  outboxIds: string[];
}
export interface RemindTaskInput {
  taskId: string;
  at: string;
  dueDate: string;
  daysBeforeDue: number;
}
export interface EscalateTaskInput {
  taskId: string;
  at: string;
  dueDate: string;
  level: number;
}
export interface ExtendTaskInput {
  taskId: string;
  at: string;
  dueDate: string;
  dueAt: string;
  actorId: string | null;
  reason: string;
}
export interface CloseTaskInput {
  taskId: string;
  at: string;
}
export interface ReassignTaskInput {
  taskId: string;
  at: string;
  assigneeId: string;
  actorId: string;
  reason: string;
}
export interface RecordSubmissionInput {
  taskId: string;
  at: string;
  requestId: string;
  submittedById: string;
  /** The submission as the workflow's validator accepted it (parsed by its kind's schema). */
  payload: unknown;
}
export interface RecordSubmissionResult {
  outcome: 'accepted' | 'duplicate' | 'closed';
  submissionId?: string;
  scores?: Record<string, number>;
}
/** Outbox rows to deliver; empty when the task was no longer open (nothing to say). */
export interface NoticeResult {
  outboxIds: string[];
}
/** A reminder's or an escalation's result: nothing to say, and why, when the task was submitted. */
export interface StepResult extends NoticeResult {
  /** The task was found submitted (its workflow may not have heard: see submissionRecordedSignal). */
  submissionId?: string;
}
const withSubmission = { submission: { select: { id: true } } } as const;
/** Nothing to send for a task no longer open; its submission's id if it was submitted. */
const notOpen = (task: { submission: { id: string } | null }): StepResult =>
  task.submission ? { outboxIds: [], submissionId: task.submission.id } : { outboxIds: [] };

export const recipientsFor = roleHolders;

/**
 * Who a task goes to, by its kind's assignee rule: the manager, the manager's own industry
 * partner if set, the holder the subject was given to while they still hold the role; else
 * the first holder of the kind's actor role for the county (or the city), else up the chain.
 */
export async function assigneeFor(
  tx: Tx,
  kind: TaskKind,
  manager: { userId: string | null; industryPartnerId: string | null } | null,
  countyId: string,
  chosenId?: string | null,
): Promise<{ assigneeId: string; wantedRole: Role | null }> {
  const rule = taskKind(kind).assignee;
  const own = (assigneeId: string) => ({ assigneeId, wantedRole: null });
  if (rule === 'manager' && manager?.userId) return own(manager.userId);
  if (rule === 'chosenHolder' && chosenId) {
    const holders = await recipientsFor(tx, actorRoleOf[kind], countyId);
    if (holders.includes(chosenId)) return own(chosenId);
  }
  if (rule === 'managersPartner' && manager?.industryPartnerId) {
    const partner = await tx.user.findFirst({ where: { id: manager.industryPartnerId, active: true } });
    if (partner) return own(partner.id);
  }
  const found = await firstHolderUp(tx, actorRoleOf[kind], countyId);
  // Someone above the role that had nobody: the task is theirs, flagged as unassigned.
  if (found)
    return { assigneeId: found.userId, wantedRole: found.role === actorRoleOf[kind] ? null : actorRoleOf[kind] };
  // Nobody at all, HR included: retried until its retries run out, then an incident HR and the admin see.
  throw ApplicationFailure.retryable(`no active user can act on ${kind} in county ${countyId}`, 'NoAssignee');
}

/** The first active holder of `role` for the county, else of the roles above it (chainOfCommand). */
export async function firstHolderUp(
  tx: Tx,
  role: Role,
  countyId: string,
): Promise<{ userId: string; role: Role; recipientIds: string[] } | null> {
  for (const r of chainOfCommand(role)) {
    const recipientIds = await recipientsFor(tx, r, countyId);
    if (recipientIds[0]) return { userId: recipientIds[0], role: r, recipientIds };
  }
  return null;
}

/** The task of this kind in one manager's evaluation, created (with its assignee) on first call. */
export async function findOrCreateEvaluationTask(tx: Tx, evaluationId: string, input: Omit<OpenTaskInput, 'subject'>) {
  const evaluation = await tx.evaluation.findUniqueOrThrow({ where: { id: evaluationId }, include: { manager: true } });
  const task =
    (await tx.task.findUnique({ where: { evaluationId_kind: { evaluationId: evaluation.id, kind: input.kind } } })) ??
    (await tx.task.create({
      data: {
        evaluationId: evaluation.id,
        cycleId: evaluation.cycleId,
        countyId: evaluation.countyId,
        kind: input.kind,
        ...(await assigneeFor(tx, input.kind, evaluation.manager, evaluation.countyId)),
        openedAt: new Date(input.at),
        dueDate: input.dueDate,
        dueAt: new Date(input.dueAt),
      },
    }));
  return { task, evaluation };
}

/**
 * The accepted submission of an open task: stored, and the task marked submitted. A caller
 * that read the task's drafts says whether there were any (no statement to delete none).
 */
export async function storeSubmission(
  tx: Tx,
  taskId: string,
  input: Omit<RecordSubmissionInput, 'taskId'>,
  draftsKept = true,
) {
  const submission = await tx.submission.create({
    data: {
      taskId,
      submittedById: input.submittedById,
      requestId: input.requestId,
      payload: input.payload as Prisma.InputJsonValue, // JSON by its schema
      createdAt: new Date(input.at),
    },
  });
  await tx.task.update({ where: { id: taskId }, data: { status: 'SUBMITTED', submittedAt: new Date(input.at) } });
  // What was typed is now the submission. A draft saved in between is never shown: the draft
  // routes read drafts of open tasks only.
  if (draftsKept) await tx.taskDraft.deleteMany({ where: { taskId } });
  return submission;
}

/** The audit line of a task opened (by openTaskIn, a page's bulk opening or a survey). */
export function taskOpenedEntry(
  task: {
    id: string;
    kind: string;
    assigneeId: string;
    dueDate: string;
    cycleId: string | null;
    wantedRole: string | null;
  },
  at: string,
  details: Record<string, string | number | undefined>,
) {
  return {
    at: new Date(at),
    actorId: null,
    action: 'task.opened',
    entityType: 'task',
    entityId: task.id,
    cycleId: task.cycleId,
    details: {
      kind: task.kind,
      assigneeId: task.assigneeId,
      dueDate: task.dueDate,
      ...(task.wantedRole ? { wantedRole: task.wantedRole } : {}),
      ...details,
    },
    dedupeKey: `task:${task.id}:opened`,
  };
}

/** A new task's notice to its assignee (held for the morning digest where they chose it). */
const openingNotice = (task: { id: string; assigneeId: string }) => ({
  kind: 'taskOpened' as const,
  taskId: task.id,
  recipientIds: [task.assigneeId],
  dedupeKey: `task:${task.id}:opened`,
  digestible: true,
});

/**
 * Opens a task (created on first call, found again on a retry), records it in the audit log
 * and writes its opening notice: the openTask activity, and the cycle's page step that opens a
 * page of evaluations' tasks at once.
 */
export async function openTaskIn(
  tx: Tx,
  settings: ActivityDeps['settings'],
  input: OpenTaskInput,
): Promise<OpenTaskResult> {
  const subject = input.subject;
  let task;
  let details: Record<string, string | number | undefined>;
  if ('evaluationId' in subject) {
    const found = await findOrCreateEvaluationTask(tx, subject.evaluationId, input);
    task = found.task;
    details = { managerId: found.evaluation.managerId };
  } else {
    const owner = await subjectOwner(tx, subject);
    task =
      (await tx.task.findFirst({ where: { ...owner.link, kind: input.kind, round: subject.round } })) ??
      (await tx.task.create({
        data: {
          ...owner.link,
          round: subject.round,
          cycleId: owner.cycleId,
          countyId: owner.countyId,
          kind: input.kind,
          ...(await assigneeFor(tx, input.kind, owner.manager ?? null, owner.countyId, owner.chosenId)),
          openedAt: new Date(input.at),
          dueDate: input.dueDate,
          dueAt: new Date(input.dueAt),
        },
      }));
    details = { ...owner.link, round: subject.round };
  }
  await recordAudit(tx, taskOpenedEntry(task, input.at, details));
  const outboxIds = await enqueueTaskNotice(tx, settings, openingNotice(task));
  return { taskId: task.id, assigneeId: task.assigneeId, outboxIds };
}

/** One task of one evaluation to open, with its due date. */
export interface EvaluationTaskToOpen {
  evaluationId: string;
  kind: TaskKind;
  dueDate: string;
  dueAt: string;
}

/**
 * A page of evaluations' tasks opened at once (the cycle's page step), all at `at`: the same
 * rows, audit lines and opening notices as openTaskIn writes for one task, in a few statements
 * for the page, so that opening a province's cycle costs the database a few hundred queries
 * rather than a few hundred thousand. A retried page finds its tasks again. Returns each
 * task's id and opening-mail outbox ids, by `evaluationId:kind`.
 */
export async function openEvaluationTasksInBulk(
  tx: Tx,
  settings: ActivityDeps['settings'],
  at: string,
  wanted: EvaluationTaskToOpen[],
): Promise<Map<string, OpenTaskResult>> {
  const key = (t: { evaluationId: string | null; kind: string }) => `${t.evaluationId}:${t.kind}`;
  const evaluationIds = [...new Set(wanted.map((w) => w.evaluationId))];
  const kinds = [...new Set(wanted.map((w) => w.kind))];
  const evaluations = await tx.evaluation.findMany({
    where: { id: { in: evaluationIds } },
    include: { manager: true },
  });
  const evaluationById = new Map(evaluations.map((e) => [e.id, e]));
  const existing = await tx.task.findMany({
    where: { evaluationId: { in: evaluationIds }, kind: { in: kinds } },
    select: { evaluationId: true, kind: true },
  });
  const have = new Set(existing.map(key));
  // A role's holder is looked up once per county and kind, not once per manager.
  const holders = new Map<string, Promise<{ assigneeId: string; wantedRole: Role | null }>>();
  const assignee = (kind: TaskKind, evaluation: (typeof evaluations)[number]) => {
    const rule = taskKind(kind).assignee;
    const own = (rule === 'manager' && evaluation.manager.userId) || rule === 'managersPartner';
    if (own) return assigneeFor(tx, kind, evaluation.manager, evaluation.countyId);
    const memo = `${kind}:${evaluation.countyId}`;
    if (!holders.has(memo)) holders.set(memo, assigneeFor(tx, kind, evaluation.manager, evaluation.countyId));
    return holders.get(memo)!;
  };
  const rows = [];
  for (const w of wanted.filter((w) => !have.has(key(w)))) {
    const evaluation = evaluationById.get(w.evaluationId)!;
    rows.push({
      evaluationId: evaluation.id,
      cycleId: evaluation.cycleId,
      countyId: evaluation.countyId,
      kind: w.kind,
      ...(await assignee(w.kind, evaluation)),
      openedAt: new Date(at),
      dueDate: w.dueDate,
      dueAt: new Date(w.dueAt),
    });
  }
  await tx.task.createMany({ data: rows, skipDuplicates: true });
  const tasks = await tx.task.findMany({
    where: { evaluationId: { in: evaluationIds }, kind: { in: kinds } },
    include: noticeTaskInclude,
  });
  const wantedKeys = new Set(wanted.map(key));
  const opened = await announceOpenedTasks(
    tx,
    settings,
    at,
    tasks.filter((t) => wantedKeys.has(key(t))),
    (task) => ({ managerId: evaluationById.get(task.evaluationId!)!.managerId }),
  );
  return new Map(tasks.filter((t) => opened.has(t.id)).map((t) => [key(t), opened.get(t.id)!]));
}

/**
 * The audit lines and opening notices of tasks opened in bulk (found again on a retry: both
 * are keyed by the task); returns each task's id, assignee and opening-mail outbox ids, by id.
 */
async function announceOpenedTasks(
  tx: Tx,
  settings: ActivityDeps['settings'],
  at: string,
  opened: NoticeTask[],
  detailsOf: (task: NoticeTask) => Record<string, string | number | undefined>,
): Promise<Map<string, OpenTaskResult>> {
  await tx.auditLog.createMany({
    data: opened.map((task) => taskOpenedEntry(task, at, detailsOf(task))),
    skipDuplicates: true,
  });
  const outboxIds = await enqueueTaskNotices(tx, settings, opened, openingNotice);
  return new Map(
    opened.map((t) => [t.id, { taskId: t.id, assigneeId: t.assigneeId, outboxIds: outboxIds.get(t.id) ?? [] }]),
  );
}

/** A talk's task as opened (or found opened): its due date is the row's, not the one wanted. */
export type OpenedTalkTask = OpenTaskResult & { dueDate: string };

/** A results talk whose task (the talk itself, round 1) is to be opened, with its due date. */
export interface TalkTaskToOpen {
  resultsTalkId: string;
  dueDate: string;
  dueAt: string;
}

/**
 * The talk tasks of published results opened at once (openResultsTalks), all at `at`: the
 * rows, audit lines and opening notices openTaskIn writes for one talk, in a few statements
 * for the lot. A talk nobody can hold (no leader and nobody up the chain) is left out: its
 * workflow opens the task itself and, as before, retries into an incident HR sees. A retry
 * finds its tasks again. Returns by talk id.
 */
export async function openTalkTasksInBulk(
  tx: Tx,
  settings: ActivityDeps['settings'],
  at: string,
  wanted: TalkTaskToOpen[],
): Promise<Map<string, OpenedTalkTask>> {
  const kind = resultsTalk.kind;
  const talkIds = wanted.map((w) => w.resultsTalkId);
  const talks = await tx.resultsTalk.findMany({
    where: { id: { in: talkIds } },
    include: { evaluation: { select: { manager: { select: { userId: true, industryPartnerId: true } } } } },
  });
  const talkById = new Map(talks.map((t) => [t.id, t]));
  const existing = await tx.task.findMany({
    where: { resultsTalkId: { in: talkIds }, kind, round: 1 },
    select: { resultsTalkId: true },
  });
  const have = new Set(existing.map((t) => t.resultsTalkId));
  // The county's leaders are looked up once per county and leader, not once per talk.
  const holders = new Map<string, Promise<Awaited<ReturnType<typeof assigneeFor>> | null>>();
  const assignee = (talk: (typeof talks)[number]) => {
    const memo = `${talk.countyId}:${talk.leaderId}`;
    if (!holders.has(memo))
      holders.set(
        memo,
        assigneeFor(tx, kind, talk.evaluation.manager, talk.countyId, talk.leaderId).catch((err: unknown) => {
          if (err instanceof ApplicationFailure && err.type === 'NoAssignee') return null;
          throw err;
        }),
      );
    return holders.get(memo)!;
  };
  const rows = [];
  for (const w of wanted) {
    const talk = talkById.get(w.resultsTalkId);
    if (!talk || have.has(talk.id)) continue;
    const to = await assignee(talk);
    if (!to) continue; // nobody at all: the talk's workflow opens it, into an incident
    rows.push({
      resultsTalkId: talk.id,
      round: 1,
      cycleId: talk.cycleId,
      countyId: talk.countyId,
      kind,
      ...to,
      openedAt: new Date(at),
      dueDate: w.dueDate,
      dueAt: new Date(w.dueAt),
    });
  }
  await tx.task.createMany({ data: rows, skipDuplicates: true });
  const tasks = await tx.task.findMany({
    where: { resultsTalkId: { in: talkIds }, kind, round: 1 },
    include: noticeTaskInclude,
  });
  const opened = await announceOpenedTasks(tx, settings, at, tasks, (task) => ({
    resultsTalkId: task.resultsTalkId!,
    round: 1,
  }));
  return new Map(tasks.map((t) => [t.resultsTalkId!, { ...opened.get(t.id)!, dueDate: t.dueDate }]));
}

export function taskActivities(deps: ActivityDeps) {
  const { prisma, settings } = deps;

  return {
    async openTask(input: OpenTaskInput): Promise<OpenTaskResult> {
      return prisma.$transaction((tx) => openTaskIn(tx, settings, input));
    },

    async remindTask(input: RemindTaskInput): Promise<StepResult> {
      return prisma.$transaction(async (tx) => {
        const task = await tx.task.findUniqueOrThrow({ where: { id: input.taskId }, include: withSubmission });
        if (task.status !== 'OPEN') return notOpen(task);
        const key = `task:${task.id}:reminder:${input.dueDate}:${input.daysBeforeDue}`;
        const fresh = await recordAudit(tx, {
          at: new Date(input.at),
          actorId: null,
          action: 'task.reminded',
          entityType: 'task',
          entityId: task.id,
          cycleId: task.cycleId,
          details: { to: task.assigneeId, dueDate: input.dueDate, daysBeforeDue: input.daysBeforeDue },
          dedupeKey: key,
        });
        if (fresh) await tx.task.update({ where: { id: task.id }, data: { remindersSent: { increment: 1 } } });
        return {
          outboxIds: await enqueueTaskNotice(tx, settings, {
            kind: 'reminder',
            taskId: task.id,
            recipientIds: [task.assigneeId],
            dedupeKey: key,
          }),
        };
      });
    },

    /**
     * HR reminds the people of open tasks now (催办), with a note: one mail each, at most one
     * an hour per task, so a double click or a resent request mails nobody twice.
     */
    async remindTasksNow(input: RemindNowInput): Promise<NoticeResult & { reminded: string[]; skipped: string[] }> {
      return prisma.$transaction(async (tx) => {
        const tasks = await tx.task.findMany({ where: { id: { in: input.taskIds } } });
        const at = new Date(input.at);
        const lastHour = await tx.auditLog.findMany({
          where: {
            entityType: 'task',
            entityId: { in: input.taskIds },
            action: 'task.reminded',
            dedupeKey: { contains: ':remindNow:' },
            at: { gt: new Date(at.getTime() - 3_600_000) },
          },
          select: { entityId: true, dedupeKey: true },
        });
        const outboxIds: string[] = [];
        const reminded: string[] = [];
        for (const task of tasks.filter((t) => t.status === 'OPEN')) {
          const key = `task:${task.id}:remindNow:${at.getTime()}`;
          // Reminded by hand within the hour (this same request retried is let through: same key).
          if (lastHour.some((e) => e.entityId === task.id && e.dedupeKey !== key)) continue;
          const fresh = await recordAudit(tx, {
            at,
            actorId: input.actorId,
            action: 'task.reminded',
            entityType: 'task',
            entityId: task.id,
            cycleId: task.cycleId,
            details: {
              to: task.assigneeId,
              dueDate: task.dueDate,
              byHand: true,
              ...(input.note ? { note: input.note } : {}),
            },
            dedupeKey: key,
          });
          // Not fresh: this same request, retried; its mails are found again by their keys.
          if (fresh) await tx.task.update({ where: { id: task.id }, data: { remindersSent: { increment: 1 } } });
          reminded.push(task.id);
          const notice = {
            kind: 'reminder' as const,
            taskId: task.id,
            recipientIds: [task.assigneeId],
            dedupeKey: key,
          };
          outboxIds.push(
            ...(await enqueueTaskNotice(tx, settings, { ...notice, ...(input.note ? { reason: input.note } : {}) })),
          );
        }
        return { outboxIds, reminded, skipped: input.taskIds.filter((id) => !reminded.includes(id)) };
      });
    },

    async escalateTask(input: EscalateTaskInput): Promise<StepResult> {
      return prisma.$transaction(async (tx) => {
        const task = await tx.task.findUniqueOrThrow({ where: { id: input.taskId }, include: withSubmission });
        if (task.status !== 'OPEN') return notOpen(task);
        // The supervisor at this level, or the next one up who is there (a closed head's
        // escalation goes to the city approver, not to nobody).
        const wanted = escalationTarget(actorRoleOf[task.kind], input.level);
        const reached = await firstHolderUp(tx, wanted, task.countyId);
        const target = reached?.role ?? wanted;
        const recipientIds = reached?.recipientIds ?? [];
        const key = `task:${task.id}:escalation:${input.dueDate}:${input.level}`;
        const fresh = await recordAudit(tx, {
          at: new Date(input.at),
          actorId: null,
          action: 'task.escalated',
          entityType: 'task',
          entityId: task.id,
          cycleId: task.cycleId,
          details: {
            level: input.level,
            toRole: target,
            ...(target !== wanted ? { wantedRole: wanted } : {}),
            to: recipientIds,
            dueDate: input.dueDate,
          },
          dedupeKey: key,
        });
        if (fresh) {
          await tx.task.update({
            where: { id: task.id },
            data: {
              escalationLevel: Math.max(task.escalationLevel, input.level),
              overdueSince: task.overdueSince ?? new Date(input.at),
            },
          });
        }
        return {
          outboxIds: await enqueueTaskNotice(tx, settings, {
            kind: 'escalation',
            taskId: task.id,
            recipientIds,
            dedupeKey: key,
            escalationLevel: input.level,
          }),
        };
      });
    },

    async extendTaskDeadline(input: ExtendTaskInput): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const task = await tx.task.findUniqueOrThrow({ where: { id: input.taskId } });
        if (task.status !== 'OPEN' || task.dueDate === input.dueDate) return;
        await tx.task.update({
          where: { id: task.id },
          data: { dueDate: input.dueDate, dueAt: new Date(input.dueAt), overdueSince: null },
        });
        // A customer survey's links live as long as the survey.
        await tx.surveyInvitation.updateMany({
          where: { taskId: task.id, answered: false },
          data: { expiresAt: new Date(input.dueAt) },
        });
        await recordAudit(tx, {
          at: new Date(input.at),
          actorId: input.actorId,
          action: 'task.extended',
          entityType: 'task',
          entityId: task.id,
          cycleId: task.cycleId,
          details: { from: task.dueDate, to: input.dueDate, reason: input.reason },
          dedupeKey: `task:${task.id}:extended:${input.dueDate}`,
        });
      });
    },

    /** HR gives an open task to someone else (an inspector on leave): they are told, the rest is kept. */
    async reassignTask(input: ReassignTaskInput): Promise<NoticeResult> {
      return prisma.$transaction(async (tx) => {
        const task = await tx.task.findUniqueOrThrow({ where: { id: input.taskId } });
        if (task.status !== 'OPEN') return { outboxIds: [] };
        const key = `task:${task.id}:reassigned:${input.assigneeId}:${input.at}`;
        if (task.assigneeId !== input.assigneeId) {
          await tx.task.update({ where: { id: task.id }, data: { assigneeId: input.assigneeId, wantedRole: null } });
          await recordAudit(tx, {
            at: new Date(input.at),
            actorId: input.actorId,
            action: 'task.reassigned',
            entityType: 'task',
            entityId: task.id,
            cycleId: task.cycleId,
            details: { from: task.assigneeId, to: input.assigneeId, reason: input.reason },
            dedupeKey: key,
          });
        }
        return {
          outboxIds: await enqueueTaskNotice(tx, settings, {
            kind: 'taskOpened',
            taskId: task.id,
            recipientIds: [input.assigneeId],
            dedupeKey: key,
          }),
        };
      });
    },

    /** After the grace period: the component counts 0 and the result is flagged. */
    async closeTaskAsMissing(input: CloseTaskInput): Promise<{ closed: boolean; submissionId?: string }> {
      return prisma.$transaction(async (tx) => {
        const closed = await tx.task.updateMany({
          where: { id: input.taskId, status: 'OPEN' },
          data: { status: 'CLOSED_MISSING', closedAt: new Date(input.at) },
        });
        const task = await tx.task.findUniqueOrThrow({ where: { id: input.taskId }, include: withSubmission });
        if (closed.count === 0)
          return task.submission
            ? { closed: false, submissionId: task.submission.id }
            : { closed: task.status === 'CLOSED_MISSING' };
        // A peer review's components are the peers', settled across the county: nothing zeroes here.
        const components = settledAcrossCounty[task.kind] ? [] : taskKind(task.kind).components;
        const evaluationId = task.evaluationId;
        if (evaluationId) {
          for (const component of components) {
            await tx.score.upsert({
              where: { evaluationId_component: { evaluationId, component } },
              update: {},
              create: { evaluationId, component, value: 0, missing: true },
            });
          }
          const evaluation = await tx.evaluation.findUniqueOrThrow({ where: { id: evaluationId } });
          const reason = `missing:${task.kind}`;
          await tx.evaluation.update({
            where: { id: evaluation.id },
            data: {
              flagged: true,
              flagReasons: evaluation.flagReasons.includes(reason) ? undefined : { push: reason },
            },
          });
        }
        await recordAudit(tx, {
          at: new Date(input.at),
          actorId: null,
          action: 'task.closedMissing',
          entityType: 'task',
          entityId: task.id,
          cycleId: task.cycleId,
          details: { components, policy: 'closeAsMissing' },
          dedupeKey: `task:${task.id}:closedMissing`,
        });
        return { closed: true };
      });
    },

    /** Accepts the first submission of an open task; a repeat counts once. */
    async recordSubmission(input: RecordSubmissionInput): Promise<RecordSubmissionResult> {
      // One statement (relation joins): the task, a prior submission, its drafts, the template.
      const task = await prisma.task.findUniqueOrThrow({
        where: { id: input.taskId },
        include: { ...submittableInclude, drafts: { select: { userId: true }, take: 1 } },
      });
      const countyReviewId = task.countyReviewId;
      if (!countyReviewId) return recordSubmissionAtOnce(prisma, submittableTask(task), input);
      if (task.submission) return { outcome: 'duplicate', submissionId: task.submission.id };
      if (task.status !== 'OPEN') return { outcome: 'closed' };
      const scores = task.cycle
        ? scoresOfSubmission(task.kind, input.payload, parseTemplateConfig(task.cycle.template.config))
        : [];
      const scoreMap = Object.fromEntries(scores.map((s) => [s.component, s.value]));
      // A county's sign-off or the city's approval: the decision is recorded with it.
      return prisma.$transaction(async (tx) => {
        const submission = await storeSubmission(tx, task.id, input, task.drafts.length > 0);
        const decision = decisionOf(input.payload);
        const recommended = (input.payload as { recommendedManagerId?: string } | null)?.recommendedManagerId;
        if (task.kind === countySignOff.kind && recommended) {
          await tx.countyReview.update({
            where: { id: countyReviewId },
            data: { recommendedManagerId: recommended },
          });
        }
        if (decision) {
          await tx.approvalDecision.create({
            data: {
              subjectType: 'countyReview',
              subjectId: countyReviewId,
              stage: task.kind === cityApproval.kind ? 'cityApproval' : 'countySignOff',
              decision: decision.decision,
              reason: decision.reason,
              decidedById: input.submittedById,
              decidedAt: new Date(input.at),
            },
          });
        }
        await recordAudit(tx, {
          at: new Date(input.at),
          actorId: input.submittedById,
          action: 'task.submitted',
          entityType: 'task',
          entityId: task.id,
          cycleId: task.cycleId,
          details: { submissionId: submission.id, requestId: input.requestId, scores: scoreMap },
          dedupeKey: `task:${task.id}:submitted`,
        });
        return { outcome: 'accepted', submissionId: submission.id, scores: scoreMap };
      });
    },
  };
}

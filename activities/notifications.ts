// Notifications go through the outbox: a row is written in the same transaction as
// the event that causes it (idempotent by dedupe key), then delivered by an activity
// that Temporal retries until the SMTP server takes it.
import {
  taskSubjectLabel,
  languageOf,
  type Language,
  type MailFrame,
  redactedSurveyLink,
  renderTaskNotification,
  type NotificationKind,
  type RenderedMail,
} from '../domain/notifications';
import { createHash } from 'node:crypto';
import type { ActivityDeps } from './deps';
import type { Tx } from '../prisma/database';
import type { Prisma } from '../generated/prisma/client';
import { forEachLimit } from '../domain/concurrency';
import { heartbeat } from '@temporalio/activity';

/** Mails sent at once by one delivery (a pooled SMTP transport's maxConnections: 8 in the examples). */
const mailConcurrency = 8;

export interface TaskNotice {
  kind: NotificationKind;
  taskId: string;
  recipientIds: string[];
  dedupeKey: string;
  escalationLevel?: number;
  reason?: string;
  /** A newly opened task: a recipient who chose the morning digest gets the notice, not a mail. */
  digestible?: boolean;
}

/**
 * One rendered mail to one user, into the outbox once per dedupe key, and the same event as
 * an in-app notice (the bell) with a link to its page; returns the outbox row's id.
 */
export async function enqueueMail(
  tx: Pick<Tx, 'notificationOutbox' | 'notice'>,
  mail: {
    dedupeKey: string;
    kind: string;
    user: { id: string; email: string };
    language: string;
    rendered: RenderedMail;
    /** The page the notice opens, as a hash route of the web app (#/tasks/<id>). */
    link?: string;
  },
): Promise<string> {
  return recordNotice(tx, mail);
}

/** The bell's row of a notice. */
function noticeRow(mail: OneMail) {
  return {
    dedupeKey: mail.dedupeKey,
    userId: mail.user.id,
    kind: mail.kind,
    title: mail.rendered.subject,
    link: mail.link ?? null,
  };
}

/** The outbox row of a mail. */
function outboxRow(mail: OneMail) {
  return {
    dedupeKey: mail.dedupeKey,
    toUserId: mail.user.id,
    toAddress: mail.user.email,
    language: mail.language,
    kind: mail.kind,
    subject: mail.rendered.subject,
    textBody: mail.rendered.text,
    htmlBody: mail.rendered.html,
  };
}

/** The in-app notice, and (unless `mailed` is false: a digest carries it) the mail in the outbox. */
async function recordNotice(
  tx: Pick<Tx, 'notificationOutbox' | 'notice'>,
  mail: OneMail,
  mailed = true,
): Promise<string> {
  // Insert-if-absent, one statement each (an upsert with nothing to update is three).
  await tx.notice.createMany({ data: [noticeRow(mail)], skipDuplicates: true });
  if (!mailed) return '';
  const [created] = await tx.notificationOutbox.createManyAndReturn({
    data: [outboxRow(mail)],
    skipDuplicates: true,
    select: { id: true },
  });
  const row =
    created ??
    (await tx.notificationOutbox.findUniqueOrThrow({ where: { dedupeKey: mail.dedupeKey }, select: { id: true } }));
  return row.id;
}

let companyCache: { until: number; names: Record<Language, string> | null } | undefined;

/** The mail layout's sender: the city company's name (its org unit) in the reader's language, kept a minute. */
export async function mailFrame(db: { orgUnit: Pick<Tx['orgUnit'], 'findFirst'> }, lang: Language): Promise<MailFrame> {
  if (!companyCache || companyCache.until < Date.now()) {
    const city = await db.orgUnit.findFirst({ where: { kind: 'CITY' }, select: { name: true, nameEn: true } });
    companyCache = { until: Date.now() + 60_000, names: city ? { 'zh-CN': city.name, en: city.nameEn } : null };
  }
  return { company: companyCache.names?.[lang] };
}

/** What a task's notice says about it: its subject, its assignee, whose task it is about. */
export const noticeTaskInclude = {
  assignee: true,
  cycle: true,
  evaluation: { select: { manager: { select: { name: true, userId: true } } } },
  resultsTalk: { select: { evaluation: { select: { manager: { select: { name: true, userId: true } } } } } },
  objection: { select: { evaluation: { select: { manager: { select: { name: true, userId: true } } } } } },
  complaint: { select: { receivedOn: true, manager: { select: { name: true, userId: true } } } },
  weeklySheet: { select: { weekStart: true, manager: { select: { name: true, userId: true } } } },
} as const;
export type NoticeTask = Prisma.TaskGetPayload<{ include: typeof noticeTaskInclude }>;
type Recipient = Awaited<ReturnType<Tx['user']['findMany']>>[number];
type OneMail = Parameters<typeof enqueueMail>[1];

/** The mail layouts of both languages, read once for a batch of notices. */
async function mailFrames(tx: Pick<Tx, 'orgUnit'>): Promise<Record<Language, MailFrame>> {
  return { 'zh-CN': await mailFrame(tx, 'zh-CN'), en: await mailFrame(tx, 'en') };
}

/**
 * The notice each recipient gets about one task, rendered in their language; `mailed` is
 * false for a new task to someone who chose the morning digest (新任务每日汇总: the bell now,
 * the mail in tomorrow morning's digest).
 */
function renderTaskNotices(
  task: NoticeTask,
  recipients: Recipient[],
  settings: ActivityDeps['settings'],
  notice: TaskNotice,
  frames: Record<Language, MailFrame>,
): { mail: OneMail; mailed: boolean }[] {
  // Whose task it is about, named when the task is not the manager's own.
  const about =
    task.evaluation?.manager ??
    task.resultsTalk?.evaluation.manager ??
    task.objection?.evaluation.manager ??
    task.complaint?.manager ??
    task.weeklySheet?.manager ??
    null;
  const aboutName = about && about.userId !== task.assigneeId ? about.name : undefined;
  return recipients.map((user) => {
    const lang = languageOf(user.language);
    const rendered = renderTaskNotification(
      {
        ...frames[lang],
        kind: notice.kind,
        recipientName: user.displayName,
        taskKind: task.kind,
        cycleLabel: taskSubjectLabel(task, lang),
        assigneeName: task.assignee.displayName,
        dueDate: task.dueDate,
        taskUrl: `${settings.publicUrl}/app/#/tasks/${task.id}`,
        escalationLevel: notice.escalationLevel,
        reason: notice.reason,
        aboutName,
      },
      lang,
    );
    const mail = {
      dedupeKey: `${notice.dedupeKey}:${user.id}`,
      kind: notice.kind,
      user,
      language: lang,
      rendered,
      link: `#/tasks/${task.id}`,
    };
    return { mail, mailed: !(notice.digestible && user.taskMail === 'DAILY_DIGEST') };
  });
}

/** Writes one outbox row per recipient; returns the ids of the rows (new or existing). */
export async function enqueueTaskNotice(
  tx: Tx,
  settings: ActivityDeps['settings'],
  notice: TaskNotice,
): Promise<string[]> {
  const task = await tx.task.findUniqueOrThrow({ where: { id: notice.taskId }, include: noticeTaskInclude });
  const recipients = await tx.user.findMany({ where: { id: { in: notice.recipientIds }, active: true } });
  const ids: string[] = [];
  for (const { mail, mailed } of renderTaskNotices(task, recipients, settings, notice, await mailFrames(tx))) {
    if (mailed) ids.push(await enqueueMail(tx, mail));
    else await recordNotice(tx, mail, false);
  }
  return ids;
}

/**
 * The opening notices of many tasks at once (a page of a cycle's evaluations), each to its
 * assignee: the same rows as enqueueTaskNotice, written in three statements. Returns the
 * outbox ids per task id (new or existing rows).
 */
export async function enqueueTaskNotices(
  tx: Tx,
  settings: ActivityDeps['settings'],
  tasks: NoticeTask[],
  noticeOf: (task: NoticeTask) => TaskNotice,
): Promise<Map<string, string[]>> {
  const users = await tx.user.findMany({ where: { id: { in: [...new Set(tasks.map((t) => t.assigneeId))] } } });
  const userById = new Map(users.map((u) => [u.id, u]));
  const frames = await mailFrames(tx);
  const rendered = tasks.flatMap((task) => {
    const notice = noticeOf(task);
    const recipients = notice.recipientIds.flatMap((id) => {
      const user = userById.get(id);
      return user?.active ? [user] : [];
    });
    return renderTaskNotices(task, recipients, settings, notice, frames).map((r) => ({ ...r, taskId: task.id }));
  });
  await tx.notice.createMany({ data: rendered.map(({ mail }) => noticeRow(mail)), skipDuplicates: true });
  const mailed = rendered.filter((r) => r.mailed);
  await tx.notificationOutbox.createMany({ data: mailed.map(({ mail }) => outboxRow(mail)), skipDuplicates: true });
  const rows = await tx.notificationOutbox.findMany({
    where: { dedupeKey: { in: mailed.map(({ mail }) => mail.dedupeKey) } },
    select: { id: true, dedupeKey: true },
  });
  const idByKey = new Map(rows.map((r) => [r.dedupeKey, r.id]));
  const ids = new Map<string, string[]>(tasks.map((t) => [t.id, []]));
  for (const { mail, taskId } of mailed) ids.get(taskId)!.push(idByKey.get(mail.dedupeKey)!);
  return ids;
}

/**
 * One Message-ID per outbox row, the same on every attempt. A worker killed after the mail
 * server accepted a mail and before the row was marked sent sends it again on restart (no
 * protocol can tell it was delivered); the copy carries the same Message-ID, so the mail
 * catcher and mail services that deduplicate by it (Gmail, Exchange's duplicate detection) show one.
 */
export function messageIdOf(dedupeKey: string, publicUrl: string): string {
  let host = 'kaoping.local';
  try {
    host = new URL(publicUrl).hostname || host;
  } catch {
    /* keep the default */
  }
  return `<${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32)}@${host}>`;
}

export function notificationActivities(deps: ActivityDeps) {
  /**
   * Marks sent mails in one statement per kind of row. A survey link is personal: once
   * mailed it is kept nowhere, not even in the outbox.
   */
  async function markSent(rows: ReadonlyArray<{ id: string; kind: string }>): Promise<void> {
    const data = { status: 'SENT' as const, sentAt: new Date(), attempts: { increment: 1 } };
    const surveys = rows.filter((r) => r.kind === 'surveyInvitation').map((r) => r.id);
    const others = rows.filter((r) => r.kind !== 'surveyInvitation').map((r) => r.id);
    if (others.length) await deps.prisma.notificationOutbox.updateMany({ where: { id: { in: others } }, data });
    if (surveys.length)
      await deps.prisma.notificationOutbox.updateMany({
        where: { id: { in: surveys } },
        data: { ...data, textBody: redactedSurveyLink, htmlBody: redactedSurveyLink },
      });
  }

  return {
    /** Sends the outbox rows not yet sent. Throws (so Temporal retries) if any send fails. */
    async deliverNotifications(input: { outboxIds: string[] }): Promise<{ sent: number }> {
      let sent = 0;
      const failures: string[] = [];
      const rows = await deps.prisma.notificationOutbox.findMany({
        where: { id: { in: input.outboxIds }, status: { not: 'SENT' } },
      });
      // Sent mails are marked a batch at a time, not one statement each. A crash before a
      // batch is marked sends it again on retry: at most two batches, where one mail in
      // flight could go twice anyway (delivery is at least once).
      let unmarked: Array<{ id: string; kind: string }> = [];
      const markBatch = async () => {
        const batch = unmarked;
        unmarked = [];
        await markSent(batch);
        sent += batch.length;
        heartbeat(sent);
      };
      // A few at a time: a pooled transport keeps that many connections to the mail server.
      await forEachLimit(rows, mailConcurrency, async (row) => {
        try {
          await deps.mailer.sendMail({
            from: deps.settings.mailFrom,
            to: row.toAddress,
            subject: row.subject,
            text: row.textBody,
            html: row.htmlBody,
            messageId: messageIdOf(row.dedupeKey, deps.settings.publicUrl),
            headers: { 'X-Kaoping-Notification': row.dedupeKey },
          });
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          await deps.prisma.notificationOutbox.update({
            where: { id: row.id },
            data: { attempts: { increment: 1 }, lastError: message },
          });
          failures.push(`${row.toAddress}: ${message}`);
          return;
        }
        unmarked.push(row);
        if (unmarked.length >= mailConcurrency) await markBatch();
      });
      if (unmarked.length) await markBatch();
      if (failures.length) throw new Error(`could not send ${failures.length} notification(s): ${failures.join('; ')}`);
      return { sent };
    },
  };
}

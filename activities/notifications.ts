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

/** The in-app notice, and (unless `mailed` is false: a digest carries it) the mail in the outbox. */
async function recordNotice(
  tx: Pick<Tx, 'notificationOutbox' | 'notice'>,
  mail: Parameters<typeof enqueueMail>[1],
  mailed = true,
): Promise<string> {
  await tx.notice.upsert({
    where: { dedupeKey: mail.dedupeKey },
    update: {},
    create: {
      dedupeKey: mail.dedupeKey,
      userId: mail.user.id,
      kind: mail.kind,
      title: mail.rendered.subject,
      link: mail.link ?? null,
    },
  });
  if (!mailed) return '';
  const row = await tx.notificationOutbox.upsert({
    where: { dedupeKey: mail.dedupeKey },
    update: {},
    create: {
      dedupeKey: mail.dedupeKey,
      toUserId: mail.user.id,
      toAddress: mail.user.email,
      language: mail.language,
      kind: mail.kind,
      subject: mail.rendered.subject,
      textBody: mail.rendered.text,
      htmlBody: mail.rendered.html,
    },
  });
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

/** Writes one outbox row per recipient; returns the ids of the rows (new or existing). */
export async function enqueueTaskNotice(
  tx: Tx,
  settings: ActivityDeps['settings'],
  notice: TaskNotice,
): Promise<string[]> {
  const task = await tx.task.findUniqueOrThrow({
    where: { id: notice.taskId },
    include: {
      assignee: true,
      cycle: true,
      evaluation: { select: { manager: { select: { name: true, userId: true } } } },
      resultsTalk: { select: { evaluation: { select: { manager: { select: { name: true, userId: true } } } } } },
      objection: { select: { evaluation: { select: { manager: { select: { name: true, userId: true } } } } } },
      complaint: { select: { receivedOn: true, manager: { select: { name: true, userId: true } } } },
      weeklySheet: { select: { weekStart: true, manager: { select: { name: true, userId: true } } } },
    },
  });
  // Whose task it is about, named when the task is not the manager's own.
  const about =
    task.evaluation?.manager ??
    task.resultsTalk?.evaluation.manager ??
    task.objection?.evaluation.manager ??
    task.complaint?.manager ??
    task.weeklySheet?.manager ??
    null;
  const aboutName = about && about.userId !== task.assigneeId ? about.name : undefined;
  const recipients = await tx.user.findMany({ where: { id: { in: notice.recipientIds }, active: true } });
  const ids: string[] = [];
  for (const user of recipients) {
    const lang = languageOf(user.language);
    const mail = renderTaskNotification(
      {
        ...(await mailFrame(tx, lang)),
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
    const one = {
      dedupeKey: `${notice.dedupeKey}:${user.id}`,
      kind: notice.kind,
      user,
      language: lang,
      rendered: mail,
      link: `#/tasks/${task.id}`,
    };
    // 新任务每日汇总: the bell now, the mail in tomorrow morning's digest.
    if (notice.digestible && user.taskMail === 'DAILY_DIGEST') await recordNotice(tx, one, false);
    else ids.push(await enqueueMail(tx, one));
  }
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
  return {
    /** Sends the outbox rows not yet sent. Throws (so Temporal retries) if any send fails. */
    async deliverNotifications(input: { outboxIds: string[] }): Promise<{ sent: number }> {
      let sent = 0;
      const failures: string[] = [];
      const rows = await deps.prisma.notificationOutbox.findMany({
        where: { id: { in: input.outboxIds }, status: { not: 'SENT' } },
      });
      for (const row of rows) {
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
          // A survey link is personal: once mailed it is kept nowhere, not even in the outbox.
          const redacted =
            row.kind === 'surveyInvitation' ? { textBody: redactedSurveyLink, htmlBody: redactedSurveyLink } : {};
          await deps.prisma.notificationOutbox.update({
            where: { id: row.id },
            data: { status: 'SENT', sentAt: new Date(), attempts: { increment: 1 }, ...redacted },
          });
          sent++;
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          await deps.prisma.notificationOutbox.update({
            where: { id: row.id },
            data: { attempts: { increment: 1 }, lastError: message },
          });
          failures.push(`${row.toAddress}: ${message}`);
        }
      }
      if (failures.length) throw new Error(`could not send ${failures.length} notification(s): ${failures.join('; ')}`);
      return { sent };
    },
  };
}

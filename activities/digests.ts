// The daily digest (每日督办汇总): each county head and each HR user gets one mail a day
// listing the tasks overdue in their scope (none: no mail). Idempotent per user and day.
import { shanghaiDate } from '../domain/calendar';
import {
  taskSubjectLabel,
  languageOf,
  renderNewTaskDigest,
  renderOverdueDigest,
  type DigestItem,
} from '../domain/notifications';
import type { ActivityDeps } from './deps';
import { enqueueMail, mailFrame } from './notifications';

const listed = 50;
const dayMs = 24 * 3600_000;

export function digestActivities(deps: ActivityDeps) {
  const { prisma, settings } = deps;
  return {
    async sendOverdueDigests(input: { at: string }): Promise<{ outboxIds: string[] }> {
      const at = new Date(input.at);
      const date = shanghaiDate(at);
      const holders = await prisma.userRole.findMany({
        where: { role: { in: ['COUNTY_HEAD', 'HR'] }, user: { active: true } },
        include: { user: true, orgUnit: true },
      });
      const scopes = new Map<string, { user: (typeof holders)[number]['user']; all: boolean; counties: Set<string> }>();
      for (const h of holders) {
        const s = scopes.get(h.userId) ?? { user: h.user, all: false, counties: new Set<string>() };
        if (h.orgUnit.kind === 'CITY') s.all = true;
        else s.counties.add(h.orgUnitId);
        scopes.set(h.userId, s);
      }
      const outboxIds: string[] = [];
      for (const { user, all, counties } of scopes.values()) {
        const where = {
          status: 'OPEN' as const,
          dueAt: { lt: at },
          ...(all ? {} : { countyId: { in: [...counties] } }),
        };
        const [total, tasks] = await Promise.all([
          prisma.task.count({ where }),
          prisma.task.findMany({
            where,
            orderBy: { dueAt: 'asc' },
            take: listed,
            include: { assignee: true, evaluation: { include: { manager: true } } },
          }),
        ]);
        if (total === 0) continue;
        const items: DigestItem[] = tasks.map((t) => ({
          taskKind: t.kind,
          managerName: t.evaluation?.manager.name ?? null,
          assigneeName: t.assignee.displayName,
          dueDate: t.dueDate,
          daysOverdue: Math.max(1, Math.ceil((at.getTime() - t.dueAt.getTime()) / dayMs)),
          escalationLevel: t.escalationLevel,
        }));
        const lang = languageOf(user.language);
        const mail = renderOverdueDigest(
          {
            ...(await mailFrame(prisma, lang)),
            recipientName: user.displayName,
            date,
            total,
            items,
            url: `${settings.publicUrl}/app/#/cycles`,
          },
          lang,
        );
        outboxIds.push(
          await enqueueMail(prisma, {
            dedupeKey: `digest:${date}:${user.id}`,
            kind: 'overdueDigest',
            user,
            language: lang,
            rendered: mail,
            link: '#/cycles',
          }),
        );
      }
      return { outboxIds };
    },

    /**
     * 新任务每日汇总: for each user who chose it, one mail with the tasks opened for them in
     * the day before `at` and still open (none: no mail). Idempotent per user and day.
     */
    async sendNewTaskDigests(input: { at: string }): Promise<{ outboxIds: string[] }> {
      const at = new Date(input.at);
      const date = shanghaiDate(at);
      const users = await prisma.user.findMany({ where: { taskMail: 'DAILY_DIGEST', active: true } });
      const outboxIds: string[] = [];
      for (const user of users) {
        const where = {
          assigneeId: user.id,
          status: 'OPEN' as const,
          openedAt: { gte: new Date(at.getTime() - dayMs), lt: at },
        };
        const [total, tasks] = await Promise.all([
          prisma.task.count({ where }),
          prisma.task.findMany({
            where,
            orderBy: [{ dueAt: 'asc' }, { openedAt: 'asc' }],
            take: listed,
            include: {
              cycle: true,
              complaint: { select: { receivedOn: true } },
              weeklySheet: { select: { weekStart: true } },
              evaluation: { include: { manager: true } },
            },
          }),
        ]);
        if (total === 0) continue;
        const lang = languageOf(user.language);
        const mail = renderNewTaskDigest(
          {
            ...(await mailFrame(prisma, lang)),
            recipientName: user.displayName,
            date,
            total,
            items: tasks.map((t) => ({
              taskKind: t.kind,
              managerName: t.evaluation?.manager.name ?? null,
              cycleLabel: taskSubjectLabel(t, lang),
              dueDate: t.dueDate,
            })),
            url: `${settings.publicUrl}/app/#/inbox`,
          },
          lang,
        );
        outboxIds.push(
          await enqueueMail(prisma, {
            dedupeKey: `newTasks:${date}:${user.id}`,
            kind: 'newTaskDigest',
            user,
            language: lang,
            rendered: mail,
            link: '#/inbox',
          }),
        );
      }
      return { outboxIds };
    },
  };
}

// Results talks (情感沟通): the record of each talk after a month's results, as the result
// page, the talk's tasks and the county's list show it. The talks themselves are held
// through their tasks (the leader records, the manager acknowledges).
import { Router } from 'express';
import { z } from 'zod';
import { talkStatuses } from '../../domain/resultsTalk';
import { talkReaders } from '../../domain/roles';
import type { PrismaClient } from '../../generated/prisma/client';
import { actorOf, authenticate, managerRowScope } from '../auth';
import type { ApiContext } from '../context';
import { parseInput, problems, requestLanguage } from '../problems';
import { listedResult } from './objections';

const talkText = { 'zh-CN': '结果谈话', en: 'Results talk' };

export const resultsTalkListQuery = z.object({
  status: z.enum(talkStatuses).optional(),
  cycleId: z.uuid().optional(),
  countyId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

const person = { select: { id: true, displayName: true } } as const;

/** Who led and who held the talks, by id (null for nobody). */
async function peopleNamed(prisma: PrismaClient, talks: { leaderId: string | null; heldById: string | null }[]) {
  const ids = [...new Set(talks.flatMap((t) => [t.leaderId, t.heldById]))].filter((id): id is string => Boolean(id));
  const users = await prisma.user.findMany({ where: { id: { in: ids } }, ...person });
  return (id: string | null) => users.find((u) => u.id === id) ?? null;
}

/** A talk as people read it: who held it, the four answers, the manager's acknowledgement, its tasks. */
export async function resultsTalkView(prisma: PrismaClient, where: { evaluationId: string } | { id: string }) {
  const talk = await prisma.resultsTalk.findUnique({
    where: 'id' in where ? { id: where.id } : { evaluationId: where.evaluationId },
    include: {
      tasks: { include: { assignee: person }, orderBy: { openedAt: 'asc' } },
    },
  });
  if (!talk) return null;
  const name = await peopleNamed(prisma, [talk]);
  const { tasks, leaderId, heldById, ...rest } = talk;
  return {
    ...rest,
    leader: name(leaderId),
    heldBy: name(heldById),
    steps: tasks.map((t) => ({
      taskId: t.id,
      kind: t.kind,
      status: t.status,
      dueDate: t.dueDate,
      assignee: t.assignee,
      submittedAt: t.submittedAt,
    })),
  };
}

/** The manager's talk before this one (its agreed change is what this talk follows up). */
export async function previousTalk(prisma: PrismaClient, managerId: string, before: Date) {
  const talk = await prisma.resultsTalk.findFirst({
    where: { managerId, createdAt: { lt: before }, recordedAt: { not: null } },
    orderBy: { createdAt: 'desc' },
    include: { evaluation: { select: { cycle: { select: { type: true, period: true } } } } },
  });
  if (!talk) return null;
  return {
    id: talk.id,
    cycle: talk.evaluation.cycle,
    heldOn: talk.heldOn,
    agreedChange: talk.agreedChange,
    status: talk.status,
  };
}

export function resultsTalkRoutes(ctx: ApiContext): Router {
  const router = Router();

  /** Talks in the reader's scope (a manager: their own), by cycle, county and status. */
  router.get('/results-talks', authenticate(ctx.prisma), async (req, res) => {
    const actor = actorOf(req);
    const query = parseInput(resultsTalkListQuery, req.query, 'query', requestLanguage(req));
    const scope = await managerRowScope(ctx.prisma, actor, talkReaders);
    if (!scope) throw problems.forbidden(talkText);
    // The counts per status follow every filter but the status itself.
    const filters = {
      ...scope,
      ...(query.cycleId ? { cycleId: query.cycleId } : {}),
      ...(query.countyId ? { countyId: query.countyId } : {}),
    };
    const where = { ...filters, ...(query.status ? { status: query.status } : {}) };
    const [rows, total, byStatus] = await Promise.all([
      ctx.prisma.resultsTalk.findMany({
        where,
        include: {
          evaluation: { select: listedResult },
        },
        orderBy: [{ evaluation: { rank: 'asc' } }, { id: 'asc' }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      }),
      ctx.prisma.resultsTalk.count({ where }),
      ctx.prisma.resultsTalk.groupBy({ by: ['status'], where: filters, _count: true }),
    ]);
    const name = await peopleNamed(ctx.prisma, rows);
    res.json({
      talks: rows.map(({ leaderId, heldById, ...t }) => ({
        ...t,
        leader: name(leaderId),
        heldBy: name(heldById),
        evaluation: {
          ...t.evaluation,
          compositeScore: t.evaluation.compositeScore === null ? null : Number(t.evaluation.compositeScore),
        },
      })),
      counts: Object.fromEntries(byStatus.map((g) => [g.status, g._count])),
      total,
      page: query.page,
      pageSize: query.pageSize,
    });
  });

  return router;
}

// A manager's timeline: every event of their evaluations and tasks, with who and when.
import { peopleOf } from '../eventPeople';
import { Router } from 'express';
import { z } from 'zod';
import { actorOf, authenticate, countiesInScope } from '../auth';
import type { ApiContext } from '../context';
import { findOr404, parseInput, problems, requestLanguage } from '../problems';
import { evaluationReaders } from '../../domain/roles';

export const timelineQuery = z.object({ cycleId: z.uuid().optional() });
const managerText = { 'zh-CN': '客户经理', en: 'Manager' };

export function managerRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.use('/managers', authenticate(ctx.prisma));

  router.get('/managers/:id/timeline', async (req, res) => {
    const actor = actorOf(req);
    const query = parseInput(timelineQuery, req.query, 'query', requestLanguage(req));
    const id = String(req.params.id);
    const manager = await findOr404(id, managerText, (id) => ctx.prisma.manager.findUnique({ where: { id } }));
    if (actor.managerId !== manager.id) {
      const counties = await countiesInScope(ctx.prisma, actor, evaluationReaders);
      if (counties !== 'all' && !counties.includes(manager.countyId)) throw problems.forbidden(managerText);
    }
    const evaluations = await ctx.prisma.evaluation.findMany({
      where: { managerId: manager.id, ...(query.cycleId ? { cycleId: query.cycleId } : {}) },
      include: {
        tasks: { select: { id: true, kind: true } },
        cycle: { select: { id: true, type: true, period: true } },
      },
    });
    const taskKind = new Map(evaluations.flatMap((e) => e.tasks.map((t) => [t.id, t.kind] as const)));
    const events = await ctx.prisma.auditLog.findMany({
      where: {
        OR: [
          { entityType: 'task', entityId: { in: [...taskKind.keys()] } },
          { entityType: 'evaluation', entityId: { in: evaluations.map((e) => e.id) } },
          { entityType: 'manager', entityId: manager.id, ...(query.cycleId ? { cycleId: query.cycleId } : {}) },
        ],
      },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      take: 2000,
    });
    const people = await peopleOf(ctx.prisma, events);
    res.json({
      manager: { id: manager.id, employeeNo: manager.employeeNo, name: manager.name },
      evaluations: evaluations.map((e) => ({
        id: e.id,
        cycle: e.cycle,
        stage: e.stage,
        compositeScore: e.compositeScore,
        rank: e.rank,
        cohortSize: e.cohortSize,
        flagged: e.flagged,
      })),
      events: events.map((e) => ({
        id: e.id.toString(),
        at: e.at,
        action: e.action,
        taskKind: taskKind.get(e.entityId) ?? null,
        cycleId: e.cycleId,
        actorName: e.actorId ? (people[e.actorId] ?? null) : null,
        details: e.details,
      })),
      people,
    });
  });

  return router;
}

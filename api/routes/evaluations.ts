// One manager's result in one cycle: component scores, composite, rank, flags.
// The manager sees their own; their county's roles and the city see it too.
import { Router } from 'express';
import { z } from 'zod';
import { actorOf, authenticate, countiesInScope } from '../auth';
import type { ApiContext } from '../context';
import { problems } from '../problems';

const evaluationText = { 'zh-CN': '考评结果', en: 'Evaluation' };

export function evaluationRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get('/evaluations/:id', authenticate(ctx.prisma), async (req, res) => {
    const actor = actorOf(req);
    const id = String(req.params.id);
    const evaluation = z.uuid().safeParse(id).success
      ? await ctx.prisma.evaluation.findUnique({
          where: { id },
          include: { scores: true, cycle: { select: { id: true, type: true, period: true, status: true } }, manager: { select: { id: true, employeeNo: true, name: true, countyId: true } } },
        })
      : null;
    if (!evaluation) throw problems.notFound(evaluationText);
    if (actor.managerId !== evaluation.managerId) {
      const counties = await countiesInScope(ctx.prisma, actor, ['HR', 'CITY_APPROVER', 'ADMIN', 'COUNTY_HEAD', 'INSPECTOR', 'MARKETING_REVIEWER']);
      if (counties !== 'all' && !counties.includes(evaluation.countyId)) throw problems.forbidden(evaluationText);
    }
    res.json({
      ...evaluation,
      compositeScore: evaluation.compositeScore === null ? null : Number(evaluation.compositeScore),
      scores: evaluation.scores.map((s) => ({ component: s.component, value: Number(s.value), missing: s.missing, details: s.details })),
    });
  });
  return router;
}

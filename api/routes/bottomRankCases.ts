// Bottom-ranking cases (末位淘汰) as HR and the city read them: the flag's rules, the
// case's stage and round, and (once HR decided and the city approved) the decision.
import { Router } from 'express';
import { z } from 'zod';
import { actorOf, authenticate, countiesInScope } from '../auth';
import type { ApiContext } from '../context';
import { parseInput, problems, requestLanguage } from '../problems';
import { gradeAndPayReaders } from '../../domain/roles';

export const caseListQuery = z.object({ status: z.enum(['HR_DECISION', 'CITY_APPROVAL', 'DECIDED']).optional() });

export function bottomRankCaseRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.use('/bottom-rank-cases', authenticate(ctx.prisma));
  router.get('/bottom-rank-cases', async (req, res) => {
    const query = parseInput(caseListQuery, req.query, 'query', requestLanguage(req));
    const counties = await countiesInScope(ctx.prisma, actorOf(req), gradeAndPayReaders);
    if (counties !== 'all' && counties.length === 0)
      throw problems.forbidden({ 'zh-CN': '末位淘汰案件', en: 'bottom-ranking cases' });
    const cases = await ctx.prisma.bottomRankCase.findMany({
      where: { ...query, ...(counties === 'all' ? {} : { countyId: { in: counties } }) },
      include: {
        flag: { select: { period: true, rules: true } },
        manager: { select: { employeeNo: true, name: true, employment: true } },
        tasks: { select: { id: true, kind: true, round: true, status: true, dueDate: true } },
      },
      orderBy: { createdAt: 'desc' },
      take: 500,
    });
    res.json({ cases });
  });
  return router;
}

// The organisation as the signed-in user may see it: counties and managers in scope.
import { Router } from 'express';
import { z } from 'zod';
import { actorOf, authenticate, countiesInScope } from '../auth';
import type { ApiContext } from '../context';
import { parseInput, problems, requestLanguage } from '../problems';

export const managerListQuery = z.object({ countyId: z.uuid().optional() });
const viewerRoles = ['HR', 'CITY_APPROVER', 'ADMIN', 'COUNTY_HEAD', 'INSPECTOR', 'MARKETING_REVIEWER', 'INDUSTRY_PARTNER'] as const;

export function orgRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.use('/org', authenticate(ctx.prisma));

  router.get('/org/counties', async (req, res) => {
    const counties = await countiesInScope(ctx.prisma, actorOf(req), [...viewerRoles, 'MANAGER']);
    const units = await ctx.prisma.orgUnit.findMany({
      where: { kind: 'COUNTY', ...(counties === 'all' ? {} : { id: { in: counties } }) },
      orderBy: { code: 'asc' },
      include: { _count: { select: { managers: { where: { active: true } } } } },
    });
    res.json({ counties: units.map(({ _count, ...u }) => ({ ...u, managerCount: _count.managers })) });
  });

  router.get('/org/managers', async (req, res) => {
    const actor = actorOf(req);
    const query = parseInput(managerListQuery, req.query, 'query', requestLanguage(req));
    const counties = await countiesInScope(ctx.prisma, actor, viewerRoles);
    if (counties !== 'all' && counties.length === 0) throw problems.forbidden({ 'zh-CN': '客户经理名单', en: 'the manager list' });
    if (query.countyId && counties !== 'all' && !counties.includes(query.countyId)) throw problems.forbidden({ 'zh-CN': '不在您的管辖范围', en: 'outside your scope' });
    const managers = await ctx.prisma.manager.findMany({
      where: { active: true, ...(query.countyId ? { countyId: query.countyId } : counties === 'all' ? {} : { countyId: { in: counties } }) },
      select: { id: true, employeeNo: true, name: true, countyId: true, area: true, employment: true, grade: true, starRating: true, hireDate: true, postStartDate: true, education: true },
      orderBy: { employeeNo: 'asc' },
    });
    res.json({ managers });
  });

  return router;
}

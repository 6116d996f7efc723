// Evaluation templates: HR edits a template by creating a new version; a running cycle
// keeps the version it started with.
import { Router } from 'express';
import { z } from 'zod';
import { cycleTypeSchema } from '../../domain/cycles';
import { templateConfigSchema } from '../../domain/templates';
import { actorOf, authenticate, hasRole } from '../auth';
import type { ApiContext } from '../context';
import { parseInput, problems, requestLanguage } from '../problems';
import { recordAudit } from '../../prisma/audit';

export const templateListQuery = z.object({ cycleType: cycleTypeSchema.optional() });
export const newTemplateBody = z.object({ cycleType: cycleTypeSchema, config: templateConfigSchema });

export function templateRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.use('/templates', authenticate(ctx.prisma));

  router.get('/templates', async (req, res) => {
    const query = parseInput(templateListQuery, req.query, 'query', requestLanguage(req));
    const templates = await ctx.prisma.evaluationTemplate.findMany({
      where: query,
      orderBy: [{ cycleType: 'asc' }, { version: 'desc' }],
    });
    res.json({ templates });
  });

  router.post('/templates', async (req, res) => {
    const actor = actorOf(req);
    if (!hasRole(actor, 'HR'))
      throw problems.forbidden({ 'zh-CN': '只有人力资源部可以修改模板', en: 'only HR edits templates' });
    const body = parseInput(newTemplateBody, req.body, 'body', requestLanguage(req));
    const template = await ctx.prisma.$transaction(async (tx) => {
      const latest = await tx.evaluationTemplate.findFirst({
        where: { cycleType: body.cycleType },
        orderBy: { version: 'desc' },
      });
      const created = await tx.evaluationTemplate.create({
        data: {
          cycleType: body.cycleType,
          version: (latest?.version ?? 0) + 1,
          config: body.config,
          createdById: actor.id,
        },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'template.versionCreated',
        entityType: 'template',
        entityId: created.id,
        details: { cycleType: created.cycleType, version: created.version },
      });
      return created;
    });
    res.status(201).json(template);
  });

  return router;
}

// The bell (站内通知): the signed-in user's notices, newest first, with the unread count;
// marking read is the user's own business.
import { Router } from 'express';
import { z } from 'zod';
import { actorOf, authenticate } from '../auth';
import type { ApiContext } from '../context';
import { parseInput, requestLanguage } from '../problems';

export const noticeListQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(10),
});
export const noticeReadBody = z.union([
  z.object({ ids: z.array(z.uuid()).min(1).max(100) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

export function noticeRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.use('/notices', authenticate(ctx.prisma));

  router.get('/notices', async (req, res) => {
    const actor = actorOf(req);
    const query = parseInput(noticeListQuery, req.query, 'query', requestLanguage(req));
    const where = { userId: actor.id, ...(query.unread === 'true' ? { readAt: null } : {}) };
    const [notices, total, unread] = await Promise.all([
      ctx.prisma.notice.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      }),
      ctx.prisma.notice.count({ where }),
      ctx.prisma.notice.count({ where: { userId: actor.id, readAt: null } }),
    ]);
    res.json({ notices, total, unread });
  });

  router.post('/notices/read', async (req, res) => {
    const actor = actorOf(req);
    const body = parseInput(noticeReadBody, req.body, 'body', requestLanguage(req));
    const { count } = await ctx.prisma.notice.updateMany({
      where: { userId: actor.id, readAt: null, ...('ids' in body ? { id: { in: body.ids } } : {}) },
      data: { readAt: new Date() },
    });
    const unread = await ctx.prisma.notice.count({ where: { userId: actor.id, readAt: null } });
    res.json({ marked: count, unread });
  });
  return router;
}

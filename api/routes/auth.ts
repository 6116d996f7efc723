import { Router } from 'express';
import { z } from 'zod';
import { actorOf, authenticate, createSession, hashToken } from '../auth';
import type { ApiContext } from '../context';
import { verifyPassword } from '../passwords';
import { parseInput, problems, requestLanguage } from '../problems';
import { oneLine, secret } from '../../domain/text';

export const loginBody = z.object({
  username: oneLine().min(1).max(100),
  password: secret().min(1).max(200),
});

export function authRoutes(ctx: ApiContext): Router {
  const router = Router();

  router.post('/auth/login', async (req, res) => {
    const body = parseInput(loginBody, req.body, 'body', requestLanguage(req));
    const user = await ctx.prisma.user.findUnique({ where: { username: body.username } });
    if (!user || !user.active || !(await verifyPassword(body.password, user.passwordHash)))
      throw problems.badCredentials();
    const session = await createSession(ctx.prisma, user.id, ctx.sessionTtlHours);
    res.json({
      token: session.token,
      expiresAt: session.expiresAt,
      user: { id: user.id, username: user.username, displayName: user.displayName, language: user.language },
    });
  });

  router.post('/auth/logout', authenticate(ctx.prisma), async (req, res) => {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (token) await ctx.prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } });
    res.status(204).end();
  });

  router.get('/me', authenticate(ctx.prisma), async (req, res) => {
    const actor = actorOf(req);
    const units = await ctx.prisma.orgUnit.findMany({ where: { id: { in: actor.roles.map((r) => r.orgUnitId) } } });
    res.json({
      id: actor.id,
      username: actor.username,
      displayName: actor.displayName,
      language: actor.language,
      managerId: actor.managerId,
      roles: actor.roles.map((r) => ({ role: r.role, orgUnit: units.find((u) => u.id === r.orgUnitId) })),
    });
  });

  return router;
}

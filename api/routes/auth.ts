import { Router, type Request } from 'express';
import { z } from 'zod';
import { actorOf, authenticate, createSession, hashToken } from '../auth';
import type { ApiContext } from '../context';
import { hashPassword, verifyPassword } from '../passwords';
import { LoginThrottle } from '../loginThrottle';
import { recordAudit } from '../../prisma/audit';
import { isWeakPassword, newPasswordSchema } from '../../domain/passwordPolicy';
import { parseInput, problems, requestLanguage } from '../problems';
import { oneLine, secret } from '../../domain/text';
import { languages } from '../../domain/language';

export const loginBody = z.object({
  username: oneLine().min(1).max(100),
  password: secret().min(1).max(200),
});

export const changePasswordBody = z.object({
  currentPassword: secret().min(1).max(200),
  newPassword: newPasswordSchema(),
});

/** A real hash to check wrong usernames against, so they cost what a wrong password does. */
const unknownUserHash = hashPassword('no such account: the same work as a wrong password');

const bearerToken = (req: Request) => /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];

export const languageBody = z.object({ language: z.enum(languages) }).strict();
export const taskMailBody = z.object({ taskMail: z.enum(['EACH', 'DAILY_DIGEST']) }).strict();

export function authRoutes(ctx: ApiContext): Router {
  const router = Router();

  const throttle = new LoginThrottle(ctx.prisma);
  const keysOf = (req: Request, username: string) => ({
    account: `account:${username.toLowerCase()}`,
    address: `address:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`,
  });

  /** A wrong password: counted, and a lock-out it causes audited. */
  async function wrongPassword(req: Request, username: string, userId: string | null) {
    const keys = keysOf(req, username);
    for (const key of await throttle.failed(keys.account, keys.address)) {
      await recordAudit(ctx.prisma, {
        actorId: null,
        action: 'auth.lockedOut',
        entityType: key === keys.account ? 'user' : 'address',
        entityId: key === keys.account ? (userId ?? username) : keys.address.slice('address:'.length),
        details: { username, retryAfterSeconds: await throttle.retryAfter([key]) },
      });
    }
  }

  router.post('/auth/login', async (req, res) => {
    const body = parseInput(loginBody, req.body, 'body', requestLanguage(req));
    const keys = keysOf(req, body.username);
    const wait = await throttle.retryAfter([keys.account, keys.address]);
    if (wait > 0) throw problems.tooManyAttempts(wait);
    const user = await ctx.prisma.user.findUnique({ where: { username: body.username } });
    // The same work whether or not the account exists, so answers do not tell usernames apart.
    const matches = await verifyPassword(body.password, user?.passwordHash ?? (await unknownUserHash));
    if (!user || !user.active || !matches) {
      await wrongPassword(req, body.username, user?.id ?? null);
      throw problems.badCredentials();
    }
    await throttle.succeeded(keys.account);
    const session = await createSession(ctx.prisma, user.id, ctx.sessionTtlHours);
    res.json({
      token: session.token,
      expiresAt: session.expiresAt,
      user: { id: user.id, username: user.username, displayName: user.displayName, language: user.language },
    });
  });

  /** Anyone changes their own password with their current one; their other sessions end. */
  router.post('/auth/password', authenticate(ctx.prisma), async (req, res) => {
    const actor = actorOf(req);
    const lang = requestLanguage(req);
    const body = parseInput(changePasswordBody, req.body, 'body', lang);
    const keys = keysOf(req, actor.username);
    const wait = await throttle.retryAfter([keys.account, keys.address]);
    if (wait > 0) throw problems.tooManyAttempts(wait);
    const user = await ctx.prisma.user.findUniqueOrThrow({ where: { id: actor.id } });
    if (!(await verifyPassword(body.currentPassword, user.passwordHash))) {
      await wrongPassword(req, actor.username, actor.id);
      throw problems.badRequest([
        {
          field: 'body.currentPassword',
          message: lang === 'en' ? 'body.currentPassword is not right' : 'body.currentPassword 当前密码不正确',
        },
      ]);
    }
    if (body.newPassword === body.currentPassword || isWeakPassword(body.newPassword, actor.username))
      throw problems.badRequest([
        {
          field: 'body.newPassword',
          message:
            lang === 'en'
              ? 'body.newPassword must differ from the current one and from the username'
              : 'body.newPassword 不能与当前密码或用户名相同',
        },
      ]);
    const passwordHash = await hashPassword(body.newPassword);
    const current = hashToken(bearerToken(req) ?? '');
    const ended = await ctx.prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
      const { count } = await tx.session.deleteMany({ where: { userId: actor.id, tokenHash: { not: current } } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'user.passwordChanged',
        entityType: 'user',
        entityId: actor.id,
        details: { otherSessionsEnded: count },
      });
      return count;
    });
    await throttle.succeeded(keys.account);
    res.json({ changed: true, otherSessionsEnded: ended });
  });

  router.post('/auth/logout', authenticate(ctx.prisma), async (req, res) => {
    const token = bearerToken(req);
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
      taskMail: actor.taskMail,
      managerId: actor.managerId,
      roles: actor.roles.map((r) => ({ role: r.role, orgUnit: units.find((u) => u.id === r.orgUnitId) })),
    });
  });

  /** How my new tasks reach me by mail: one by one, or in one mail each morning (新任务每日汇总). */
  router.put('/me/task-mail', authenticate(ctx.prisma), async (req, res) => {
    const actor = actorOf(req);
    const body = parseInput(taskMailBody, req.body, 'body', requestLanguage(req));
    await ctx.prisma.user.update({ where: { id: actor.id }, data: { taskMail: body.taskMail } });
    res.json({ taskMail: body.taskMail });
  });

  /** The language of my pages and my mails (界面与邮件语言). */
  router.put('/me/language', authenticate(ctx.prisma), async (req, res) => {
    const actor = actorOf(req);
    const body = parseInput(languageBody, req.body, 'body', requestLanguage(req));
    await ctx.prisma.user.update({ where: { id: actor.id }, data: { language: body.language } });
    res.json({ language: body.language });
  });

  return router;
}

// Bearer-token sessions and the signed-in user's roles and scope.
import { createHash, randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { cityWideRoles, type Role } from '../domain/roles';
import type { PrismaClient } from '../prisma/database';
import { problems } from './problems';

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  language: string;
  /** New tasks mailed one by one (EACH) or in one morning digest (DAILY_DIGEST). */
  taskMail: 'EACH' | 'DAILY_DIGEST';
  roles: Array<{ role: Role; orgUnitId: string }>;
  managerId: string | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  prisma: PrismaClient,
  userId: string,
  ttlHours: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await prisma.session.create({ data: { tokenHash: hashToken(token), userId, expiresAt } });
  return { token, expiresAt };
}

export function authenticate(prisma: PrismaClient) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!match) throw problems.unauthenticated();
    const session = await prisma.session.findUnique({
      where: { tokenHash: hashToken(match[1]!) },
      include: { user: { include: { roles: true, manager: { select: { id: true } } } } },
    });
    if (!session || session.expiresAt < new Date() || !session.user.active) throw problems.unauthenticated();
    const u = session.user;
    req.actor = {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      language: u.language,
      taskMail: u.taskMail,
      roles: u.roles.map((r) => ({ role: r.role, orgUnitId: r.orgUnitId })),
      managerId: u.manager?.id ?? null,
    };
    next();
  };
}

export function actorOf(req: Request): Actor {
  if (!req.actor) throw problems.unauthenticated();
  return req.actor;
}

/** County ids the actor may see in one of `roles`: 'all' for a city-wide role. */
export async function countiesInScope(
  prisma: PrismaClient,
  actor: Actor,
  roles: readonly Role[],
): Promise<'all' | string[]> {
  const held = actor.roles.filter((r) => roles.includes(r.role));
  if (held.some((r) => cityWideRoles.has(r.role))) return 'all';
  const ids = held.map((r) => r.orgUnitId);
  if (actor.managerId && roles.includes('MANAGER')) {
    const m = await prisma.manager.findUnique({ where: { id: actor.managerId }, select: { countyId: true } });
    if (m) ids.push(m.countyId);
  }
  return [...new Set(ids)];
}

/**
 * Rows about a manager the actor may list: the counties their `roles` cover, and their own
 * rows if they are a manager; null when they may list none.
 */
export async function managerRowScope(
  prisma: PrismaClient,
  actor: Actor,
  roles: readonly Role[],
): Promise<{ OR?: ({ countyId: { in: string[] } } | { managerId: string })[] } | null> {
  const counties = await countiesInScope(prisma, actor, roles);
  if (counties === 'all') return {};
  if (counties.length === 0 && !actor.managerId) return null;
  return { OR: [{ countyId: { in: counties } }, ...(actor.managerId ? [{ managerId: actor.managerId }] : [])] };
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r.role));
}

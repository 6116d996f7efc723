// Administration (系统管理): staff accounts, their roles and scopes, and the counties.
// Managers' accounts come with their records (POST /api/org/managers).
import { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client';
import { roleScopeKind, staffRoles, type Role } from '../../domain/roles';
import { actorOf, authenticate, hasRole, type Actor } from '../auth';
import type { ApiContext } from '../context';
import { accountFields, hashPassword, passwordSchema } from '../passwords';
import { findOr404, parseInput, problems, requestLanguage } from '../problems';
import { recordAudit } from '../../prisma/audit';
import { multiLine, oneLine } from '../../domain/text';

const roleGrant = z.object({
  role: z.enum(staffRoles),
  /** The county's code (C01) for a county role; CITY (or omitted) for a city-wide one. */
  scope: oneLine().min(1).max(40).default('CITY'),
});
const roleList = z
  .array(roleGrant)
  .min(1)
  .max(20)
  .refine(
    (items) => new Set(items.map((r) => `${r.role}@${r.scope}`)).size === items.length,
    'each role and scope at most once',
  );
export const newUserBody = z.object({
  ...accountFields,
  displayName: oneLine().min(1).max(100),
  roles: roleList,
});
export const rolesBody = z.object({ roles: roleList });
export const userListQuery = z.object({
  role: z.enum([...staffRoles, 'MANAGER']).optional(),
  scope: oneLine().max(40).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
  /** Username, name or e-mail. */
  q: oneLine().max(50).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(500),
});
export const activeBody = z.object({ active: z.boolean(), reason: multiLine().min(2).max(500) });
export const passwordBody = z.object({ password: passwordSchema });
export const newCountyBody = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9_-]+$/),
  name: oneLine().min(1).max(100),
  nameEn: oneLine().min(1).max(100),
});

const userText = { 'zh-CN': '用户', en: 'User' };
const adminText = { 'zh-CN': '系统管理', en: 'Administration' };

export function adminRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.use('/admin', authenticate(ctx.prisma));

  const requireAdmin = (actor: Actor, readOnly = false) => {
    if (!hasRole(actor, 'ADMIN', ...(readOnly ? (['HR'] as Role[]) : []))) throw problems.forbidden(adminText);
  };

  /** Each grant's scope as an org unit: a county role needs a county's code, a city-wide role the city. */
  const resolveGrants = async (grants: z.infer<typeof roleList>) => {
    const units = await ctx.prisma.orgUnit.findMany();
    const city = units.find((u) => u.kind === 'CITY')!;
    const fields: Array<{ field: string; message: string }> = [];
    const resolved = grants.map((g, i) => {
      const wanted = roleScopeKind(g.role);
      const unit = g.scope === 'CITY' ? city : units.find((u) => u.code === g.scope && u.kind === 'COUNTY');
      if (!unit)
        fields.push({
          field: `body.roles.${i}.scope`,
          message: `body.roles.${i}.scope：未知的县区代码 ${g.scope} / unknown county code`,
        });
      else if (unit.kind !== wanted) {
        fields.push({
          field: `body.roles.${i}.scope`,
          message:
            wanted === 'CITY'
              ? `body.roles.${i}.scope：${g.role} 为全市角色，范围须为 CITY / a city-wide role`
              : `body.roles.${i}.scope：${g.role} 为县级角色，须指定县区代码 / a county role needs a county code`,
        });
      }
      return { role: g.role, orgUnitId: unit?.id ?? '' };
    });
    if (fields.length) throw problems.badRequest(fields);
    return resolved;
  };

  const userView = (u: {
    id: string;
    username: string;
    displayName: string;
    email: string;
    language: string;
    active: boolean;
    createdAt: Date;
    roles: Array<{ role: string; orgUnit: { code: string; kind: string } }>;
  }) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    language: u.language,
    active: u.active,
    createdAt: u.createdAt,
    roles: u.roles.map((r) => ({ role: r.role, scope: r.orgUnit.kind === 'CITY' ? 'CITY' : r.orgUnit.code })),
  });
  const withRoles = { roles: { include: { orgUnit: { select: { code: true, kind: true } } } } } as const;

  const loadUser = async (id: string) => {
    const user = await findOr404(id, userText, (id) =>
      ctx.prisma.user.findUnique({
        where: { id },
        include: { ...withRoles, manager: { select: { id: true } } },
      }),
    );
    return user;
  };

  router.get('/admin/users', async (req, res) => {
    const actor = actorOf(req);
    requireAdmin(actor, true);
    const query = parseInput(userListQuery, req.query, 'query', requestLanguage(req));
    const where = {
      ...(query.includeInactive === 'true' ? {} : { active: true }),
      ...(query.role || query.scope
        ? {
            roles: {
              some: {
                ...(query.role ? { role: query.role } : {}),
                ...(query.scope ? { orgUnit: query.scope === 'CITY' ? { kind: 'CITY' } : { code: query.scope } } : {}),
              },
            },
          }
        : {}),
      ...(query.q
        ? {
            OR: [
              { username: { contains: query.q } },
              { displayName: { contains: query.q } },
              { email: { contains: query.q } },
            ],
          }
        : {}),
    } satisfies Prisma.UserWhereInput;
    const [users, total] = await Promise.all([
      ctx.prisma.user.findMany({
        where,
        include: withRoles,
        orderBy: { username: 'asc' },
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      }),
      ctx.prisma.user.count({ where }),
    ]);
    res.json({ users: users.map(userView), total, page: query.page, pageSize: query.pageSize });
  });

  /** A staff account with its roles: an inspector, a reviewer, a partner's representative, a county head, HR… */
  router.post('/admin/users', async (req, res) => {
    const actor = actorOf(req);
    requireAdmin(actor);
    const body = parseInput(newUserBody, req.body, 'body', requestLanguage(req));
    const grants = await resolveGrants(body.roles);
    if (await ctx.prisma.user.findUnique({ where: { username: body.username } })) {
      throw problems.conflict('duplicate', {
        'zh-CN': `用户名 ${body.username} 已存在`,
        en: `username ${body.username} exists already`,
      });
    }
    const passwordHash = await hashPassword(body.password);
    const user = await ctx.prisma.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          username: body.username,
          displayName: body.displayName,
          email: body.email,
          language: body.language,
          passwordHash,
          roles: { create: grants },
        },
        include: withRoles,
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'user.created',
        entityType: 'user',
        entityId: created.id,
        details: { username: body.username, roles: body.roles },
      });
      return created;
    });
    res.status(201).json(userView(user));
  });

  /** Replaces a staff account's roles. A manager's own MANAGER role stays with their record. */
  router.put('/admin/users/:id/roles', async (req, res) => {
    const actor = actorOf(req);
    requireAdmin(actor);
    const user = await loadUser(String(req.params.id));
    const body = parseInput(rolesBody, req.body, 'body', requestLanguage(req));
    const grants = await resolveGrants(body.roles);
    if (user.id === actor.id && !grants.some((g) => g.role === 'ADMIN')) {
      throw problems.conflict('last_admin_role', {
        'zh-CN': '不能取消自己的管理员角色',
        en: 'You cannot take away your own admin role',
      });
    }
    const updated = await ctx.prisma.$transaction(async (tx) => {
      await tx.userRole.deleteMany({ where: { userId: user.id, role: { not: 'MANAGER' } } });
      await tx.userRole.createMany({ data: grants.map((g) => ({ ...g, userId: user.id })) });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'user.rolesChanged',
        entityType: 'user',
        entityId: user.id,
        details: { from: userView(user).roles, to: body.roles },
      });
      return tx.user.findUniqueOrThrow({ where: { id: user.id }, include: withRoles });
    });
    res.json(userView(updated));
  });

  /**
   * Closes (or reopens) a staff account: its sessions end at once. Its open tasks stay
   * where they are and are counted in the answer, for HR to reassign.
   */
  router.post('/admin/users/:id/active', async (req, res) => {
    const actor = actorOf(req);
    requireAdmin(actor);
    const user = await loadUser(String(req.params.id));
    const body = parseInput(activeBody, req.body, 'body', requestLanguage(req));
    if (user.manager)
      throw problems.conflict('manager_account', {
        'zh-CN': '客户经理的账号随其人员记录变化（离岗请用 /api/org/managers/:id/leave）',
        en: "A manager's account follows their record (use /api/org/managers/:id/leave)",
      });
    if (user.id === actor.id && !body.active)
      throw problems.conflict('own_account', {
        'zh-CN': '不能停用自己的账号',
        en: 'You cannot close your own account',
      });
    if (user.active !== body.active) {
      await ctx.prisma.$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { active: body.active } });
        if (!body.active) await tx.session.deleteMany({ where: { userId: user.id } });
        await recordAudit(tx, {
          actorId: actor.id,
          action: body.active ? 'user.reopened' : 'user.closed',
          entityType: 'user',
          entityId: user.id,
          details: { reason: body.reason },
        });
      });
    }
    const openTasks = await ctx.prisma.task.count({ where: { assigneeId: user.id, status: 'OPEN' } });
    res.json({ ...userView({ ...user, active: body.active }), openTasks });
  });

  /** Sets a new password; the account's sessions end. */
  router.post('/admin/users/:id/password', async (req, res) => {
    const actor = actorOf(req);
    requireAdmin(actor);
    const user = await loadUser(String(req.params.id));
    const body = parseInput(passwordBody, req.body, 'body', requestLanguage(req));
    const passwordHash = await hashPassword(body.password);
    await ctx.prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
      await tx.session.deleteMany({ where: { userId: user.id } });
      await recordAudit(tx, { actorId: actor.id, action: 'user.passwordReset', entityType: 'user', entityId: user.id });
    });
    res.status(204).end();
  });

  /** A new county branch (县级营销部) of the city. */
  router.post('/admin/counties', async (req, res) => {
    const actor = actorOf(req);
    requireAdmin(actor);
    const body = parseInput(newCountyBody, req.body, 'body', requestLanguage(req));
    if (await ctx.prisma.orgUnit.findUnique({ where: { code: body.code } })) {
      throw problems.conflict('duplicate', {
        'zh-CN': `代码 ${body.code} 已存在`,
        en: `code ${body.code} exists already`,
      });
    }
    const city = await ctx.prisma.orgUnit.findFirstOrThrow({ where: { kind: 'CITY' } });
    const county = await ctx.prisma.$transaction(async (tx) => {
      const created = await tx.orgUnit.create({
        data: { code: body.code, name: body.name, nameEn: body.nameEn, kind: 'COUNTY', parentId: city.id },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'county.created',
        entityType: 'orgUnit',
        entityId: created.id,
        details: body,
      });
      return created;
    });
    res.status(201).json(county);
  });

  return router;
}

// Administration: an admin creates staff accounts with roles over the right scope, adds
// a county, changes roles, closes and reopens accounts and sets passwords; nobody else
// can, and bad input changes nothing.
import { eventually, startHarness, type Harness } from './support/harness';
import { testPassword } from './support/fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const login = async (username: string, password: string) =>
  h.api('POST', '/api/auth/login', { body: { username, password } });
const newInspector = {
  username: 'inspector04',
  displayName: '乙县督察员（三）',
  email: 'inspector04@test.local',
  password: 'a-long-password',
  roles: [{ role: 'INSPECTOR', scope: 'C02' }],
};

test('an admin manages staff accounts, roles and counties', async () => {
  const admin = await h.login('admin');
  const hr = await h.login('hr');
  const users = await h.db.prisma.user.count();

  // Only an admin writes; HR may read the list.
  expect((await h.api('POST', '/api/admin/users', { token: hr, body: newInspector })).status).toBe(403);
  expect(
    (await h.api('POST', '/api/admin/counties', { token: hr, body: { code: 'C03', name: '丙县', nameEn: 'County C' } }))
      .status,
  ).toBe(403);
  expect((await h.api('GET', '/api/admin/users', { token: await h.login('head01') })).status).toBe(403);
  const list = await h.api('GET', '/api/admin/users?role=INSPECTOR&scope=C02', { token: hr });
  expect(list.status).toBe(200);
  expect(list.body.users.map((u: { username: string }) => u.username)).toEqual(['inspector02', 'inspector03']);

  // A role over the wrong kind of scope, an unknown county, a missing e-mail: 400 naming each, nothing created.
  const bad = await h.api('POST', '/api/admin/users', {
    token: admin,
    body: {
      ...newInspector,
      email: undefined,
      roles: [
        { role: 'INSPECTOR', scope: 'CITY' },
        { role: 'HR', scope: 'C01' },
        { role: 'COUNTY_HEAD', scope: 'C99' },
      ],
    },
  });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.email']);
  const badScopes = await h.api('POST', '/api/admin/users', {
    token: admin,
    body: {
      ...newInspector,
      roles: [
        { role: 'INSPECTOR', scope: 'CITY' },
        { role: 'HR', scope: 'C01' },
        { role: 'COUNTY_HEAD', scope: 'C99' },
      ],
    },
  });
  expect(badScopes.status).toBe(400);
  expect(badScopes.body.errors.map((e: { field: string }) => e.field)).toEqual([
    'body.roles.0.scope',
    'body.roles.1.scope',
    'body.roles.2.scope',
  ]);
  expect(
    (
      await h.api('POST', '/api/admin/users', {
        token: admin,
        body: { ...newInspector, roles: [{ role: 'MANAGER', scope: 'C02' }] },
      })
    ).status,
  ).toBe(400);
  expect(await h.db.prisma.user.count()).toBe(users);

  // Created: the new inspector logs in and sees their county only; the same username again is 409.
  const created = await h.api('POST', '/api/admin/users', { token: admin, body: newInspector });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({
    username: 'inspector04',
    active: true,
    roles: [{ role: 'INSPECTOR', scope: 'C02' }],
  });
  expect((await h.api('POST', '/api/admin/users', { token: admin, body: newInspector })).status).toBe(409);
  const inspectorToken = (await login('inspector04', 'a-long-password')).body.token;
  expect(
    (await h.api('GET', '/api/org/counties', { token: inspectorToken })).body.counties.map(
      (c: { code: string }) => c.code,
    ),
  ).toEqual(['C02']);

  // A new county, then its head; the code again is 409.
  const county = await h.api('POST', '/api/admin/counties', {
    token: admin,
    body: { code: 'C03', name: '丙县', nameEn: 'County C' },
  });
  expect(county.status).toBe(201);
  expect(
    (
      await h.api('POST', '/api/admin/counties', {
        token: admin,
        body: { code: 'C03', name: '丙县', nameEn: 'County C' },
      })
    ).status,
  ).toBe(409);
  expect(
    (
      await h.api('POST', '/api/admin/users', {
        token: admin,
        body: { ...newInspector, username: 'head03', roles: [{ role: 'COUNTY_HEAD', scope: 'C03' }] },
      })
    ).status,
  ).toBe(201);

  // Roles replaced: the inspector moves to C01 and also reviews there; their county list follows.
  const moved = await h.api('PUT', `/api/admin/users/${created.body.id}/roles`, {
    token: admin,
    body: {
      roles: [
        { role: 'INSPECTOR', scope: 'C01' },
        { role: 'MARKETING_REVIEWER', scope: 'C01' },
      ],
    },
  });
  expect(moved.status).toBe(200);
  expect(moved.body.roles).toEqual(
    expect.arrayContaining([
      { role: 'INSPECTOR', scope: 'C01' },
      { role: 'MARKETING_REVIEWER', scope: 'C01' },
    ]),
  );
  expect(
    (await h.api('GET', '/api/org/counties', { token: inspectorToken })).body.counties.map(
      (c: { code: string }) => c.code,
    ),
  ).toEqual(['C01']);
  expect(
    (
      await h.api('PUT', '/api/admin/users/00000000-0000-4000-8000-000000000000/roles', {
        token: admin,
        body: { roles: [{ role: 'HR' }] },
      })
    ).status,
  ).toBe(404);

  // An admin keeps their own admin role and account; a manager's account follows their record.
  const me = (await h.api('GET', '/api/me', { token: admin })).body;
  expect(
    (await h.api('PUT', `/api/admin/users/${me.id}/roles`, { token: admin, body: { roles: [{ role: 'HR' }] } })).status,
  ).toBe(409);
  expect(
    (await h.api('POST', `/api/admin/users/${me.id}/active`, { token: admin, body: { active: false, reason: '测试' } }))
      .status,
  ).toBe(409);
  const m004 = await h.db.prisma.user.findUniqueOrThrow({ where: { username: 'm004' } });
  expect(
    (
      await h.api('POST', `/api/admin/users/${m004.id}/active`, {
        token: admin,
        body: { active: false, reason: '测试' },
      })
    ).status,
  ).toBe(409);

  // inspector02 has an open task when the account closes: sessions end, the task is counted for HR.
  const countyB = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C02' } });
  expect(
    (
      await h.api('POST', '/api/cycles', {
        token: hr,
        body: { type: 'MONTHLY', period: '2026-11', countyId: countyB.id },
      })
    ).status,
  ).toBe(201);
  await eventually(
    async () =>
      (await h.db.prisma.task.count({ where: { kind: 'INSPECTION', assignee: { username: 'inspector02' } } })) === 1 ||
      undefined,
    20_000,
    'inspection task',
  );
  const inspector02 = await h.login('inspector02');
  const user02 = await h.db.prisma.user.findUniqueOrThrow({ where: { username: 'inspector02' } });
  const closed = await h.api('POST', `/api/admin/users/${user02.id}/active`, {
    token: admin,
    body: { active: false, reason: '调离督察组' },
  });
  expect(closed.status).toBe(200);
  expect(closed.body).toMatchObject({ active: false, openTasks: 1 });
  expect((await h.api('GET', '/api/tasks', { token: inspector02 })).status).toBe(401);
  expect((await login('inspector02', testPassword)).status).toBe(401);
  expect(
    (await h.api('GET', '/api/admin/users?scope=C02&role=INSPECTOR', { token: admin })).body.users.map(
      (u: { username: string }) => u.username,
    ),
  ).toEqual(['inspector03']);
  expect(
    (
      await h.api('POST', `/api/admin/users/${user02.id}/active`, {
        token: admin,
        body: { active: true, reason: '返岗' },
      })
    ).status,
  ).toBe(200);
  expect((await login('inspector02', testPassword)).status).toBe(200);

  // A new password: the old one and the old sessions stop working.
  const head01 = await h.login('head01');
  const user01 = await h.db.prisma.user.findUniqueOrThrow({ where: { username: 'head01' } });
  expect(
    (await h.api('POST', `/api/admin/users/${user01.id}/password`, { token: admin, body: { password: 'short' } }))
      .status,
  ).toBe(400);
  expect(
    (
      await h.api('POST', `/api/admin/users/${user01.id}/password`, {
        token: admin,
        body: { password: 'another-long-one' },
      })
    ).status,
  ).toBe(204);
  expect((await h.api('GET', '/api/tasks', { token: head01 })).status).toBe(401);
  expect((await login('head01', testPassword)).status).toBe(401);
  expect((await login('head01', 'another-long-one')).status).toBe(200);

  // Every change is in the audit log with who made it.
  const actions = (await h.db.prisma.auditLog.findMany({ where: { actorId: me.id }, orderBy: { id: 'asc' } })).map(
    (a) => a.action,
  );
  expect(actions).toEqual([
    'user.created',
    'county.created',
    'user.created',
    'user.rolesChanged',
    'user.closed',
    'user.reopened',
    'user.passwordReset',
  ]);
});

// Access and bad input: the wrong actor gets 403, an unknown id 404, bad input a 400
// naming the field (and nothing changes), no token 401; nothing a client sends gives a 5xx.
import { randomUUID } from 'node:crypto';
import { eventually, selfAssessmentOnlyTemplate, startHarness, type Harness } from './support/harness';
import { validSelfAssessment } from './support/fixtures';

let h: Harness;
let tokens: Record<string, string>;
let countyA: string;
let countyB: string;
let cycleId: string;
let taskOf: Record<string, string>;

beforeAll(async () => {
  h = await startHarness({ templates: { MONTHLY: selfAssessmentOnlyTemplate() } });
  tokens = {};
  for (const u of ['hr', 'approver', 'head01', 'head02', 'inspector01', 'm001', 'm002', 'm004'])
    tokens[u] = await h.login(u);
  const counties = await h.db.prisma.orgUnit.findMany({ where: { kind: 'COUNTY' }, orderBy: { code: 'asc' } });
  [countyA, countyB] = counties.map((c) => c.id) as [string, string];
  const opened = await h.api('POST', '/api/cycles', {
    token: tokens.hr,
    body: { type: 'MONTHLY', period: '2026-10', countyId: countyA },
  });
  expect(opened.status).toBe(201);
  cycleId = opened.body.id;
  const tasks = await eventually(
    async () => {
      const t = await h.db.prisma.task.findMany({ include: { assignee: true } });
      return t.length === 3 ? t : undefined;
    },
    20_000,
    'tasks',
  );
  taskOf = Object.fromEntries(tasks.map((t) => [t.assignee.username, t.id]));
});
afterAll(() => h?.close());

describe('logging in', () => {
  test('a wrong password is refused, with a message in the request language', async () => {
    const zh = await h.api('POST', '/api/auth/login', { body: { username: 'hr', password: 'nope' } });
    expect(zh.status).toBe(401);
    expect(zh.headers.get('content-type')).toContain('application/problem+json');
    expect(zh.body.title).toBe('用户名或密码错误');
    const en = await h.api('POST', '/api/auth/login', {
      body: { username: 'hr', password: 'nope' },
      headers: { 'accept-language': 'en-US' },
    });
    expect(en.body.title).toBe('Wrong username or password');
  });

  test('passwords are stored hashed', async () => {
    const user = await h.db.prisma.user.findUniqueOrThrow({ where: { username: 'hr' } });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(user.passwordHash).not.toContain('test-password-1');
  });

  test('no token, or a made-up one, gets 401', async () => {
    expect((await h.api('GET', '/api/tasks')).status).toBe(401);
    expect((await h.api('GET', '/api/tasks', { token: 'made-up' })).status).toBe(401);
  });

  test('a logged-out token no longer works', async () => {
    const token = await h.login('approver');
    expect((await h.api('POST', '/api/auth/logout', { token })).status).toBe(204);
    expect((await h.api('GET', '/api/me', { token })).status).toBe(401);
  });
});

describe('submitting a self-assessment', () => {
  test("another manager, an inspector or a county head cannot submit a manager's task", async () => {
    for (const who of ['m002', 'm004', 'inspector01', 'head01', 'hr']) {
      const res = await h.api('POST', `/api/tasks/${taskOf.m001}/submission`, {
        token: tokens[who],
        body: validSelfAssessment,
      });
      expect({ who, status: res.status }).toEqual({ who, status: 403 });
    }
    expect(await h.db.prisma.submission.count()).toBe(0);
  });

  test('bad input gets 400 naming each field, and changes nothing', async () => {
    const res = await h.api('POST', `/api/tasks/${taskOf.m001}/submission`, {
      token: tokens.m001,
      body: { ...validSelfAssessment, attitude: 150, workSummary: undefined },
      headers: { 'accept-language': 'en' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.attitude',
      'body.workSummary',
    ]);
    expect(res.body.detail).toContain('body.attitude');
    const zh = await h.api('POST', `/api/tasks/${taskOf.m001}/submission`, {
      token: tokens.m001,
      body: { ...validSelfAssessment, skills: 'ninety' },
    });
    expect(zh.status).toBe(400);
    expect(zh.body.errors[0].message).toContain('body.skills');
    expect(zh.body.title).toContain('输入有误');
    expect(await h.db.prisma.submission.count()).toBe(0);
    expect((await h.db.prisma.task.findUniqueOrThrow({ where: { id: taskOf.m001! } })).status).toBe('OPEN');
  });

  test('malformed JSON, a wrong content type and a bad idempotency key get 400', async () => {
    const malformed = await h.api('POST', `/api/tasks/${taskOf.m001}/submission`, {
      token: tokens.m001,
      body: '{"attitude": 9',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    const text = await h.api('POST', `/api/tasks/${taskOf.m001}/submission`, {
      token: tokens.m001,
      body: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(400);
    const key = await h.api('POST', `/api/tasks/${taskOf.m001}/submission`, {
      token: tokens.m001,
      body: validSelfAssessment,
      headers: { 'idempotency-key': 'bad key!' },
    });
    expect(key.status).toBe(400);
    expect(await h.db.prisma.submission.count()).toBe(0);
  });

  test('an unknown task id gets 404', async () => {
    expect(
      (await h.api('POST', `/api/tasks/${randomUUID()}/submission`, { token: tokens.m001, body: validSelfAssessment }))
        .status,
    ).toBe(404);
    expect(
      (await h.api('POST', '/api/tasks/not-an-id/submission', { token: tokens.m001, body: validSelfAssessment }))
        .status,
    ).toBe(404);
    expect((await h.api('GET', `/api/tasks/${randomUUID()}`, { token: tokens.m001 })).status).toBe(404);
  });

  test('the same Idempotency-Key sent twice counts once', async () => {
    const headers = { 'idempotency-key': 'req-m002-0001' };
    const first = await h.api('POST', `/api/tasks/${taskOf.m002}/submission`, {
      token: tokens.m002,
      body: validSelfAssessment,
      headers,
    });
    const second = await h.api('POST', `/api/tasks/${taskOf.m002}/submission`, {
      token: tokens.m002,
      body: validSelfAssessment,
      headers,
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.submissionId).toBe(first.body.submissionId);
    expect(await h.db.prisma.submission.count({ where: { taskId: taskOf.m002 } })).toBe(1);
  });
});

describe('seeing tasks and cycles', () => {
  test("a manager sees their own task and not another's", async () => {
    expect((await h.api('GET', `/api/tasks/${taskOf.m001}`, { token: tokens.m001 })).status).toBe(200);
    expect((await h.api('GET', `/api/tasks/${taskOf.m001}`, { token: tokens.m002 })).status).toBe(403);
    const inbox = await h.api('GET', '/api/tasks?status=OPEN', { token: tokens.m001 });
    expect(inbox.body.tasks.map((t: { id: string }) => t.id)).toEqual([taskOf.m001]);
  });

  test("a county sees its own cycle status, never another county's", async () => {
    expect((await h.api('GET', `/api/cycles/${cycleId}/status`, { token: tokens.head01 })).status).toBe(200);
    expect((await h.api('GET', `/api/cycles/${cycleId}/status`, { token: tokens.head02 })).status).toBe(403);
    expect((await h.api('GET', `/api/tasks/${taskOf.m001}`, { token: tokens.head02 })).status).toBe(403);
    expect((await h.api('GET', `/api/cycles/${cycleId}/status`, { token: tokens.m001 })).status).toBe(403);
    const hr = await h.api('GET', `/api/cycles/${cycleId}/status`, { token: tokens.hr });
    expect(hr.status).toBe(200);
    expect(hr.body.totals.total).toBe(3);
    expect((await h.api('GET', `/api/cycles/${randomUUID()}/status`, { token: tokens.hr })).status).toBe(404);
  });
});

describe('opening cycles', () => {
  test('only HR opens a cycle', async () => {
    for (const who of ['m001', 'head01', 'approver']) {
      const res = await h.api('POST', '/api/cycles', {
        token: tokens[who],
        body: { type: 'MONTHLY', period: '2026-12', countyId: countyB },
      });
      expect({ who, status: res.status }).toEqual({ who, status: 403 });
    }
    expect(await h.db.prisma.cycle.count()).toBe(1);
  });

  test('bad cycle input gets 400 naming the field; an unknown county 404', async () => {
    const period = await h.api('POST', '/api/cycles', {
      token: tokens.hr,
      body: { type: 'MONTHLY', period: '2026-13', countyId: countyB },
    });
    expect(period.status).toBe(400);
    expect(period.body.errors[0].field).toBe('body.period');
    const type = await h.api('POST', '/api/cycles', { token: tokens.hr, body: { type: 'WEEKLY', period: '2026-12' } });
    expect(type.status).toBe(400);
    expect(type.body.errors[0].field).toBe('body.type');
    const county = await h.api('POST', '/api/cycles', {
      token: tokens.hr,
      body: { type: 'MONTHLY', period: '2026-12', countyId: randomUUID() },
    });
    expect(county.status).toBe(404);
    expect(await h.db.prisma.cycle.count()).toBe(1);
  });

  test('an unknown endpoint gets a 404 problem', async () => {
    const res = await h.api('GET', '/api/nothing-here', { token: tokens.hr });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });
});

test('scope: partners see the managers they rate, pay tables are HR and admin only, a county head sees the county against the caps', async () => {
  const [p2, p2b] = [await h.login('partner02'), await h.login('partner02b')];
  const listed = async (token: string) =>
    (await h.api('GET', '/api/org/managers', { token })).body.managers.map((m: { employeeNo: string }) => m.employeeNo);
  // M004 of county B has no partner named: the county's first partner account rates them.
  expect(await listed(p2)).toEqual(['M004']);
  expect(await listed(p2b)).toEqual([]);
  const m004 = await h.db.prisma.manager.findUniqueOrThrow({ where: { employeeNo: 'M004' } });
  const partner2b = await h.db.prisma.user.findUniqueOrThrow({ where: { username: 'partner02b' } });
  const assigned = await h.api('POST', `/api/org/managers/${m004.id}/partner`, {
    token: tokens.hr,
    body: { partnerUserId: partner2b.id },
  });
  expect(assigned.status).toBe(200);
  expect(await listed(p2)).toEqual([]);
  expect(await listed(p2b)).toEqual(['M004']);
  expect((await listed(tokens.head02!)).length).toBeGreaterThan(0);

  expect((await h.api('GET', '/api/pay-tables', { token: p2 })).status).toBe(403);
  expect((await h.api('GET', '/api/pay-tables', { token: tokens.head01 })).status).toBe(403);
  expect((await h.api('GET', '/api/pay-tables', { token: tokens.hr })).status).toBe(200);

  const city = (await h.api('GET', '/api/grade-quotas', { token: tokens.hr })).body;
  const county = (await h.api('GET', '/api/grade-quotas', { token: tokens.head01 })).body;
  const countyA = await h.db.prisma.manager.count({ where: { active: true, county: { code: 'C01' } } });
  expect(city).toMatchObject({
    scope: 'city',
    headCount: await h.db.prisma.manager.count({ where: { active: true } }),
  });
  expect(county).toMatchObject({ scope: 'county', headCount: countyA });
  expect(county.now.map((u: { cap: number }) => u.cap)).toEqual(city.now.map((u: { cap: number }) => u.cap));
  expect(county.now.reduce((s: number, u: { count: number }) => s + u.count, 0)).toBeLessThanOrEqual(countyA);
});

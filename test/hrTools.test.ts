// HR's tools: template versions (a running cycle keeps its own), reassigning a task
// to another user of the same role and county, and a manager's timeline.
import { defaultTemplateConfig } from '../domain/templates';
import { eventually, startHarness, type Harness } from './support/harness';
import { validInspection } from './support/fixtures';

let h: Harness;
let t: Record<string, string>;
beforeAll(async () => {
  h = await startHarness();
  t = {};
  for (const u of ['hr', 'head01', 'inspector01', 'inspector02', 'inspector03', 'm001', 'm004'])
    t[u] = await h.login(u);
});
afterAll(() => h?.close());

test('templates are versioned; a running cycle keeps the version it started with', async () => {
  const listed = await h.api('GET', '/api/templates?cycleType=MONTHLY', { token: t.hr });
  expect(listed.body.templates.map((x: { version: number }) => x.version)).toEqual([1]);
  const config = defaultTemplateConfig('MONTHLY');
  expect(
    (await h.api('POST', '/api/templates', { token: t.head01, body: { cycleType: 'MONTHLY', config } })).status,
  ).toBe(403);
  const bad = await h.api('POST', '/api/templates', {
    token: t.hr,
    body: { cycleType: 'MONTHLY', config: { ...config, weights: { ...config.weights, performance: 'forty' } } },
  });
  expect(bad.status).toBe(400);
  expect(bad.body.errors[0].field).toBe('body.config.weights.performance');
  const v2 = await h.api('POST', '/api/templates', {
    token: t.hr,
    body: {
      cycleType: 'MONTHLY',
      config: { ...config, tasks: { ...config.tasks, INSPECTION: { ...config.tasks.INSPECTION!, dueOffsetDays: 8 } } },
    },
  });
  expect(v2.status).toBe(201);
  expect(v2.body.version).toBe(2);

  const countyB = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C02' } });
  const cycle = await h.api('POST', '/api/cycles', {
    token: t.hr,
    body: { type: 'MONTHLY', period: '2026-11', countyId: countyB.id },
  });
  expect(cycle.body.templateId).toBe(v2.body.id);
  // A version made after the cycle opened changes nothing in it.
  expect(
    (await h.api('POST', '/api/templates', { token: t.hr, body: { cycleType: 'MONTHLY', config } })).body.version,
  ).toBe(3);
  const inspection = await eventually(
    () =>
      h.db.prisma.task
        .findFirst({ where: { kind: 'INSPECTION' }, include: { assignee: true } })
        .then((x) => x ?? undefined),
    20_000,
    'inspection task',
  );
  const opened = new Date(inspection.openedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  expect(Math.round((Date.parse(inspection.dueDate) - Date.parse(opened)) / 86_400_000)).toBe(8);
  expect((await h.db.prisma.cycle.findUniqueOrThrow({ where: { id: cycle.body.id } })).templateId).toBe(v2.body.id);
});

test('HR reassigns an inspection to another inspector of the county', async () => {
  const task = await h.db.prisma.task.findFirstOrThrow({ where: { kind: 'INSPECTION' }, include: { assignee: true } });
  expect(task.assignee.username).toBe('inspector02');
  const users = Object.fromEntries((await h.db.prisma.user.findMany()).map((u) => [u.username, u.id]));

  expect(
    (
      await h.api('POST', `/api/tasks/${task.id}/reassign`, {
        token: t.head01,
        body: { assigneeId: users.inspector03, reason: '休假' },
      })
    ).status,
  ).toBe(403);
  const wrongCounty = await h.api('POST', `/api/tasks/${task.id}/reassign`, {
    token: t.hr,
    body: { assigneeId: users.inspector01, reason: '休假' },
  });
  expect(wrongCounty.status).toBe(400);
  expect(wrongCounty.body.errors[0].field).toBe('body.assigneeId');
  expect(
    (
      await h.api('POST', `/api/tasks/${task.id}/reassign`, {
        token: t.hr,
        body: { assigneeId: users.m004, reason: '休假' },
      })
    ).status,
  ).toBe(400);

  const ok = await h.api('POST', `/api/tasks/${task.id}/reassign`, {
    token: t.hr,
    body: { assigneeId: users.inspector03, reason: 'inspector02 休假' },
  });
  expect(ok.status).toBe(200);
  expect((await h.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).assigneeId).toBe(users.inspector03);
  await h.smtp.waitFor((m) => m.some((x) => x.to.includes('inspector03@test.local')));
  expect(
    (await h.api('POST', `/api/tasks/${task.id}/submission`, { token: t.inspector02, body: validInspection })).status,
  ).toBe(403);
  expect(
    (await h.api('POST', `/api/tasks/${task.id}/submission`, { token: t.inspector03, body: validInspection })).status,
  ).toBe(201);
});

test("a manager's timeline, for the manager and their county, not another county", async () => {
  const m004 = await h.db.prisma.manager.findUniqueOrThrow({ where: { employeeNo: 'M004' } });
  const timeline = await h.api('GET', `/api/managers/${m004.id}/timeline`, { token: t.hr });
  expect(timeline.status).toBe(200);
  const events = timeline.body.events.map(
    (e: { action: string; taskKind: string | null; actor: string }) => `${e.action}:${e.taskKind ?? ''}`,
  );
  expect(events.filter((e: string) => e.startsWith('task.opened'))).toHaveLength(3);
  expect(events).toContain('task.reassigned:INSPECTION');
  expect(events).toContain('task.submitted:INSPECTION');
  const reassigned = timeline.body.events.find((e: { action: string }) => e.action === 'task.reassigned');
  expect(reassigned.actorName).toBe('HR 刘芳');
  expect((await h.api('GET', `/api/managers/${m004.id}/timeline`, { token: t.m004 })).status).toBe(200);
  expect((await h.api('GET', `/api/managers/${m004.id}/timeline`, { token: t.head01 })).status).toBe(403);
  expect((await h.api('GET', `/api/managers/${m004.id}/timeline`, { token: t.m001 })).status).toBe(403);
  expect(
    (await h.api('GET', `/api/managers/00000000-0000-0000-0000-000000000000/timeline`, { token: t.hr })).status,
  ).toBe(404);
});

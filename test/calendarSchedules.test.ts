// Cycles open on their calendar through Temporal Schedules, in Asia/Shanghai time; a
// schedule firing twice for the same period still gives one cycle. On the dev server
// (the time-skipping test server has no schedules).
import { currentPeriod } from '../domain/cycles';
import { ensureCalendarSchedules } from '../workflows/client/schedules';
import { calendarScheduleId } from '../workflows/calendarCycle.messages';
import { taskQueue } from '../workflows/taskQueue';
import { eventually, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ temporal: 'devServer' });
});
afterAll(() => h?.close());

test('the four calendars and the daily digest, in Shanghai time, created once', async () => {
  expect(await ensureCalendarSchedules(h.env.client, taskQueue)).toEqual([
    'MONTHLY',
    'QUARTERLY',
    'HALF_YEAR',
    'ANNUAL',
    'DAILY_DIGEST',
    'WEEKLY_SHEETS',
  ]);
  expect(await ensureCalendarSchedules(h.env.client, taskQueue)).toEqual([]);
  const next = async (type: 'MONTHLY' | 'QUARTERLY' | 'HALF_YEAR' | 'ANNUAL') => {
    const d = await h.env.client.schedule.getHandle(calendarScheduleId(type)).describe();
    return d.info.nextActionTimes
      .slice(0, 4)
      .map((t) => new Date(t.getTime() + 8 * 3600_000).toISOString().slice(0, 16)); // as Shanghai wall time
  };
  const monthly = await next('MONTHLY');
  for (const t of monthly) expect(t).toMatch(/^\d{4}-\d{2}-01T00:05$/);
  for (const t of await next('QUARTERLY')) expect(t).toMatch(/^\d{4}-(01|04|07|10)-01T00:05$/);
  for (const t of await next('HALF_YEAR')) expect(t).toMatch(/^\d{4}-(01|07)-01T00:05$/);
  for (const t of await next('ANNUAL')) expect(t).toMatch(/^\d{4}-01-01T00:05$/);
  const digest = await h.env.client.schedule.getHandle('daily-overdue-digest').describe();
  for (const t of digest.info.nextActionTimes.slice(0, 3))
    expect(new Date(t.getTime() + 8 * 3600_000).toISOString().slice(11, 16)).toBe('08:00');
});

test('a schedule that fires twice opens one city-wide cycle', async () => {
  const handle = h.env.client.schedule.getHandle(calendarScheduleId('MONTHLY'));
  await handle.trigger();
  const period = currentPeriod('MONTHLY', new Date());
  const cycle = await eventually(
    () =>
      h.db.prisma.cycle
        .findFirst({ where: { type: 'MONTHLY', period }, include: { scope: true } })
        .then((c) => c ?? undefined),
    30_000,
    'scheduled cycle',
  );
  expect(cycle.scope.kind).toBe('CITY');
  expect(cycle.openedById).toBeNull();
  await eventually(
    async () => (await h.db.prisma.evaluation.count({ where: { cycleId: cycle.id } })) === 4 || undefined,
    30_000,
    'four evaluations',
  );
  // The scheduler names each run by its time to the second: fired again within the same second,
  // the second start finds the first run and is dropped. A real second firing is a later one.
  const [first] = (await handle.describe()).info.recentActions;
  const nextSecond = Math.floor(first!.scheduledAt.getTime() / 1000) * 1000 + 1100;
  await new Promise((r) => setTimeout(r, Math.max(0, nextSecond - Date.now())));
  await handle.trigger();
  await eventually(
    async () => (await handle.describe()).info.recentActions.length >= 2 || undefined,
    30_000,
    'second run',
  );
  await new Promise((r) => setTimeout(r, 2000));
  expect(await h.db.prisma.cycle.count({ where: { type: 'MONTHLY', period } })).toBe(1);
  expect(await h.db.prisma.evaluation.count({ where: { cycleId: cycle.id } })).toBe(4);
});

test("HR moves a calendar's opening day and time or pauses it; the change survives the worker's start", async () => {
  const hr = await h.login('hr');
  const list = await h.api('GET', '/api/calendars', { token: hr });
  expect(list.status).toBe(200);
  expect(
    list.body.calendars.map(
      (c: { type: string; dayOfMonth: number; hour: number; minute: number; paused: boolean }) => [
        c.type,
        c.dayOfMonth,
        c.hour,
        c.minute,
        c.paused,
      ],
    ),
  ).toEqual([
    ['MONTHLY', 1, 0, 5, false],
    ['QUARTERLY', 1, 0, 5, false],
    ['HALF_YEAR', 1, 0, 5, false],
    ['ANNUAL', 1, 0, 5, false],
  ]);
  for (const t of list.body.calendars[0].nextOpenings) expect(t).toMatch(/^\d{4}-\d{2}-01 00:05$/);

  // Only HR changes it; the city approver may read; a county head may not even read.
  const move = { dayOfMonth: 3, hour: 8, minute: 30, paused: false, note: '每月 3 日 8:30 开启，避开月初结账' };
  expect((await h.api('GET', '/api/calendars', { token: await h.login('approver') })).status).toBe(200);
  expect((await h.api('GET', '/api/calendars', { token: await h.login('head01') })).status).toBe(403);
  expect((await h.api('PUT', '/api/calendars/MONTHLY', { token: await h.login('approver'), body: move })).status).toBe(
    403,
  );
  expect((await h.api('PUT', '/api/calendars/WEEKLY', { token: hr, body: move })).status).toBe(404);
  const bad = await h.api('PUT', '/api/calendars/MONTHLY', { token: hr, body: { ...move, dayOfMonth: 31, note: '' } });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.dayOfMonth', 'body.note']);

  const moved = await h.api('PUT', '/api/calendars/MONTHLY', { token: hr, body: move });
  expect(moved.status).toBe(200);
  expect(moved.body).toMatchObject({ dayOfMonth: 3, hour: 8, minute: 30, paused: false, note: move.note });
  expect(moved.body.nextOpenings).toHaveLength(3);
  for (const t of moved.body.nextOpenings) expect(t).toMatch(/^\d{4}-\d{2}-03 08:30$/);
  // Temporal's own view of the schedule agrees.
  const d = await h.env.client.schedule.getHandle(calendarScheduleId('MONTHLY')).describe();
  for (const t of d.info.nextActionTimes)
    expect(new Date(t.getTime() + 8 * 3600_000).toISOString()).toMatch(/^\d{4}-\d{2}-03T08:30/);

  // A paused calendar opens nothing until HR resumes it.
  const paused = await h.api('PUT', '/api/calendars/QUARTERLY', {
    token: hr,
    body: { dayOfMonth: 1, hour: 0, minute: 5, paused: true, note: '机构调整期间暂停季度考评' },
  });
  expect(paused.body).toMatchObject({ paused: true, nextOpenings: [] });
  expect((await h.env.client.schedule.getHandle(calendarScheduleId('QUARTERLY')).describe()).state.paused).toBe(true);

  // The worker's start leaves HR's calendars as they are; both changes are audit-logged.
  expect(await ensureCalendarSchedules(h.env.client, taskQueue)).toEqual([]);
  const again = (await h.api('GET', '/api/calendars', { token: hr })).body.calendars;
  expect(again.map((c: { dayOfMonth: number; paused: boolean }) => [c.dayOfMonth, c.paused])).toEqual([
    [3, false],
    [1, true],
    [1, false],
    [1, false],
  ]);
  expect(
    (await h.db.prisma.auditLog.findMany({ where: { action: 'calendar.changed' }, orderBy: { id: 'asc' } })).map(
      (a) => a.entityId,
    ),
  ).toEqual(['MONTHLY', 'QUARTERLY']);
});

// Cycles open on their calendar through Temporal Schedules, in Asia/Shanghai time; a
// schedule firing twice for the same period still gives one cycle. On the dev server
// (the time-skipping test server has no schedules).
import { currentPeriod } from '../domain/cycles';
import { calendarScheduleId, ensureCalendarSchedules } from '../scripts/schedules';
import { taskQueue } from '../workflows/types';
import { eventually, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => { h = await startHarness({ temporal: 'devServer' }); });
afterAll(() => h?.close());

test('the four calendars and the daily digest, in Shanghai time, created once', async () => {
  expect(await ensureCalendarSchedules(h.env.client, taskQueue)).toEqual(['MONTHLY', 'QUARTERLY', 'HALF_YEAR', 'ANNUAL', 'DAILY_DIGEST']);
  expect(await ensureCalendarSchedules(h.env.client, taskQueue)).toEqual([]);
  const next = async (type: 'MONTHLY' | 'QUARTERLY' | 'HALF_YEAR' | 'ANNUAL') => {
    const d = await h.env.client.schedule.getHandle(calendarScheduleId(type)).describe();
    return d.info.nextActionTimes.slice(0, 4).map((t) => new Date(t.getTime() + 8 * 3600_000).toISOString().slice(0, 16)); // as Shanghai wall time
  };
  const monthly = await next('MONTHLY');
  for (const t of monthly) expect(t).toMatch(/^\d{4}-\d{2}-01T00:05$/);
  for (const t of await next('QUARTERLY')) expect(t).toMatch(/^\d{4}-(01|04|07|10)-01T00:05$/);
  for (const t of await next('HALF_YEAR')) expect(t).toMatch(/^\d{4}-(01|07)-01T00:05$/);
  for (const t of await next('ANNUAL')) expect(t).toMatch(/^\d{4}-01-01T00:05$/);
  const digest = await h.env.client.schedule.getHandle('daily-overdue-digest').describe();
  for (const t of digest.info.nextActionTimes.slice(0, 3)) expect(new Date(t.getTime() + 8 * 3600_000).toISOString().slice(11, 16)).toBe('08:00');
});

test('a schedule that fires twice opens one city-wide cycle', async () => {
  const handle = h.env.client.schedule.getHandle(calendarScheduleId('MONTHLY'));
  await handle.trigger();
  const period = currentPeriod('MONTHLY', new Date());
  const cycle = await eventually(() => h.db.prisma.cycle.findFirst({ where: { type: 'MONTHLY', period }, include: { scope: true } }).then((c) => c ?? undefined), 30_000, 'scheduled cycle');
  expect(cycle.scope.kind).toBe('CITY');
  expect(cycle.openedById).toBeNull();
  await eventually(async () => (await h.db.prisma.evaluation.count({ where: { cycleId: cycle.id } })) === 4 || undefined, 30_000, 'four evaluations');
  await handle.trigger();
  await eventually(async () => (await handle.describe()).info.recentActions.length >= 2 || undefined, 30_000, 'second run');
  await new Promise((r) => setTimeout(r, 2000));
  expect(await h.db.prisma.cycle.count({ where: { type: 'MONTHLY', period } })).toBe(1);
  expect(await h.db.prisma.evaluation.count({ where: { cycleId: cycle.id } })).toBe(4);
});

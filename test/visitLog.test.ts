// The visit log and check-ins (工作本, 首末签到, DOMAIN.md "Visit log and check-ins"): the
// manager records visit days, the county's inspector records check-ins from the phone
// report, and the month's facts stand beside the check items on the inspection form.
import { addDays, shanghaiDate } from '../domain/calendar';
import { weekStartOf } from '../domain/visitLog';
import { eventually, openCountyCycleWithTasks, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

// Last month: always open for recording (from the first of the previous month to today).
const lastMonth = (() => {
  const [y, m] = shanghaiDate(new Date()).slice(0, 7).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
})();

test('manager and inspector record the month; its facts stand beside the inspection’s check items', async () => {
  const m001 = await h.db.prisma.manager.findUniqueOrThrow({ where: { employeeNo: 'M001' } });
  const m002 = await h.db.prisma.manager.findUniqueOrThrow({ where: { employeeNo: 'M002' } });
  const [c0, c1, c2, c3] = (
    await h.db.prisma.retailCustomer.findMany({ where: { managerId: m001.id }, orderBy: { licenceNo: 'asc' } })
  ).map((c) => c.id);
  const theirs = (await h.db.prisma.retailCustomer.findFirstOrThrow({ where: { managerId: m002.id } })).id;
  const [own, inspector, other, reviewer, head02] = (await Promise.all(
    ['m001', 'inspector01', 'm002', 'reviewer01', 'head02'].map((u) => h.login(u)),
  )) as [string, string, string, string, string];
  const day10 = {
    route: '城关—东街—北关',
    plannedCustomerIds: [c0, c1, c2],
    visitedCustomerIds: [c0, c1, c3],
    mileageKm: 12.5,
    firstCheckIn: { time: '08:30', place: '城关便利店' },
    lastCheckIn: { time: '17:10', place: '北关烟酒店' },
  };
  const put = (token: string, date: string, body: object, managerId = m001.id) =>
    h.api('PUT', `/api/visit-log/${managerId}/${date}`, { token, body });

  // The manager records a day; the same day again replaces it (one row).
  expect((await put(own, `${lastMonth}-10`, day10)).status).toBe(200);
  expect((await put(own, `${lastMonth}-10`, day10)).status).toBe(200);
  // The inspector records the 11th from the phone report: the first check-in only, so far.
  const day11 = {
    plannedCustomerIds: [c0],
    visitedCustomerIds: [c0],
    mileageKm: 8,
    firstCheckIn: { time: '09:05', place: '南街' },
  };
  expect((await put(inspector, `${lastMonth}-11`, day11)).status).toBe(200);
  expect(await h.db.prisma.visitDay.count({ where: { managerId: m001.id } })).toBe(2);

  // Who may not, and what is refused (naming the field), changing nothing.
  expect((await put(other, `${lastMonth}-12`, day10)).status).toBe(403);
  expect((await put(reviewer, `${lastMonth}-12`, day10)).status).toBe(403);
  const future = await put(own, '2999-01-01', day10);
  expect([future.status, JSON.stringify(future.body.errors)]).toEqual([400, expect.stringContaining('params.date')]);
  const notHis = await put(own, `${lastMonth}-12`, { ...day10, plannedCustomerIds: [theirs] });
  expect([notHis.status, JSON.stringify(notHis.body.errors)]).toEqual([
    400,
    expect.stringContaining('body.plannedCustomerIds'),
  ]);
  const backwards = await put(own, `${lastMonth}-12`, { ...day10, lastCheckIn: { time: '07:00', place: '城关' } });
  expect([backwards.status, JSON.stringify(backwards.body.errors)]).toEqual([
    400,
    expect.stringContaining('body.lastCheckIn.time'),
  ]);
  const control = await put(own, `${lastMonth}-12`, { ...day10, route: 'a\u0000b' });
  expect(control.status).toBe(400);
  expect(await h.db.prisma.visitDay.count({ where: { managerId: m001.id } })).toBe(2);

  // The month as the manager reads it: 2 days logged, 1 with both check-ins, 3 of 4 planned visits made.
  const month = await h.api('GET', `/api/visit-log?managerId=${m001.id}&month=${lastMonth}`, { token: own });
  expect(month.status).toBe(200);
  const facts = {
    daysLogged: 2,
    daysWithBothCheckIns: 1,
    daysMissingCheckIn: [`${lastMonth}-11`],
    planned: 4,
    visited: 4,
    visitedOnPlan: 3,
    planShare: 0.75,
    mileageKm: 20.5,
  };
  expect(month.body.facts).toEqual(facts);
  expect(month.body.canRecord).toBe(true);
  expect(month.body.days[1]).toMatchObject({ firstCheckInBy: '甲县督察员', lastCheckIn: null });
  expect(month.body.customers).toHaveLength(12);
  expect((await h.api('GET', `/api/visit-log?managerId=${m001.id}&month=${lastMonth}`, { token: head02 })).status).toBe(
    403,
  );
  const headView = await h.api('GET', `/api/visit-log?managerId=${m001.id}&month=${lastMonth}`, {
    token: await h.login('head01'),
  });
  expect([headView.status, headView.body.canRecord]).toEqual([200, false]);

  // The county reviews the week (按周批阅): the head or the inspector, never the manager; a Monday, begun.
  const week = weekStartOf(`${lastMonth}-10`);
  const review = (token: string, weekStart: string, comment: string) =>
    h.api('PUT', `/api/visit-log/${m001.id}/weeks/${weekStart}/review`, { token, body: { comment } });
  expect((await review(own, week, '自己批阅自己')).status).toBe(403);
  expect((await review(head02, week, '别县的')).status).toBe(403);
  const tuesday = await review(inspector, addDays(week, 1), '日期不对');
  expect([tuesday.status, JSON.stringify(tuesday.body.errors)]).toEqual([
    400,
    expect.stringContaining('params.weekStart'),
  ]);
  expect((await review(inspector, week, '11 日缺末次签到，请补报。')).status).toBe(200);
  const reviewed = await h.api('GET', `/api/visit-log?managerId=${m001.id}&month=${lastMonth}`, { token: own });
  expect(reviewed.body.canReview).toBe(false);
  expect(reviewed.body.weeks.find((w: { weekStart: string }) => w.weekStart === week).review).toMatchObject({
    reviewer: '甲县督察员',
    comment: '11 日缺末次签到，请补报。',
  });

  // The month's inspection: the inspector's form carries the facts; the grid has them for every manager.
  const { cycleId } = await openCountyCycleWithTasks(h, await h.login('hr'), {
    countyCode: 'C01',
    period: lastMonth,
    kind: 'INSPECTION',
    count: 3,
  });
  const task = await eventually(
    () =>
      h.db.prisma.task
        .findFirst({ where: { cycleId, kind: 'INSPECTION', evaluation: { managerId: m001.id } } })
        .then((t) => t ?? undefined),
    20_000,
    'the inspection',
  );
  const context = await h.api('GET', `/api/tasks/${task.id}/context`, { token: inspector });
  expect(context.body.fieldFacts).toEqual({ managerId: m001.id, months: [lastMonth], ...facts });
  const grid = await h.api('GET', `/api/visit-log/facts?cycleId=${cycleId}`, { token: inspector });
  expect(grid.status).toBe(200);
  expect(Object.keys(grid.body.facts)).toHaveLength(3);
  expect(grid.body.facts[m001.id]).toEqual(facts);
  expect(grid.body.facts[m002.id]).toMatchObject({ daysLogged: 0, planShare: null });
  const audit = await h.db.prisma.auditLog.findMany({
    where: { entityId: m001.id, action: { startsWith: 'visit' } },
  });
  expect(audit.map((a) => a.action).sort()).toEqual([
    'visitDay.recorded',
    'visitDay.recorded',
    'visitDay.updated',
    'visitWeek.reviewed',
  ]);
});

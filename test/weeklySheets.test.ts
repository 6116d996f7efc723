// The weekly one-sheet (一张纸, DOMAIN.md "Weekly one-sheet"): opened for every manager for the
// week; last week's open problems already on it; at most 5 ticked tasks (a 6th refused);
// only the manager's own customers in the visit plan; submitted, returned by the county
// with a reason, sent again, reviewed with a comment; a sheet nobody sends is closed as missed.
import { shanghaiDate } from '../domain/calendar';
import { weekStartOf } from '../domain/visitLog';
import { monthOfWeek } from '../domain/weeklySheet';
import { eventually, openCountyCycle, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const thisWeek = weekStartOf(shanghaiDate(new Date()));
const lastWeek = (() => {
  const d = new Date(`${thisWeek}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 7);
  return d.toISOString().slice(0, 10);
})();

const tick = (category: string, item: string) => ({ category, item, how: '逐户上门，当面讲解' });
const fiveTicks = [
  tick('SERVE_CUSTOMERS', 'KEY_CUSTOMER_VISITS'),
  tick('SERVE_CUSTOMERS', 'NEW_PRODUCT_PROMOTION'),
  tick('MARKET_ANALYSIS', 'PRICE_CHECK'),
  tick('TERMINAL_BUILDING', 'DISPLAY'),
  tick('INTEGRITY_GROUPS', 'GROUP_MEETING'),
];

test('a week’s sheet: carried-in problem, the 5-item limit, returned and sent again, reviewed; one missed', async () => {
  const m001 = await h.db.prisma.manager.findUniqueOrThrow({ where: { employeeNo: 'M001' } });
  // Last week M001 found a problem and did not resolve it.
  await h.db.prisma.weeklySheet.create({
    data: {
      managerId: m001.id,
      countyId: m001.countyId,
      weekStart: lastWeek,
      month: lastWeek.slice(0, 7),
      status: 'REVIEWED',
      workflowId: `weekly-sheet-${m001.id}-${lastWeek}`,
      content: {
        focus: '新品铺货',
        mainWork: '走访 45 户',
        problems: [
          { text: '城关片区两户断货', resolved: false },
          { text: '终端价格偏高', resolved: true },
        ],
      },
    },
  });

  const hr = await h.login('hr');
  expect((await h.api('POST', '/api/weekly-sheets/open', { token: await h.login('m001') })).status).toBe(403);
  const opened = await h.api('POST', '/api/weekly-sheets/open', { token: hr });
  expect(opened.status).toBe(202);
  expect(opened.body.weekStart).toBe(thisWeek);
  const tasks = await eventually(
    async () => {
      const t = await h.db.prisma.task.findMany({
        where: { kind: 'WEEKLY_SHEET', weeklySheet: { weekStart: thisWeek } },
        include: { weeklySheet: true, assignee: true },
      });
      return t.length === 4 ? t : undefined;
    },
    30_000,
    'four weekly sheets',
  );
  const mine = tasks.find((t) => t.weeklySheet!.managerId === m001.id)!;
  expect(mine.assignee.username).toBe('m001');
  expect(mine.dueDate).toBe(
    new Date(new Date(`${thisWeek}T00:00:00Z`).getTime() + 6 * 86_400_000).toISOString().slice(0, 10),
  ); // its Sunday
  await h.smtp.waitFor((mails) => mails.some((m) => m.to.includes('m001@') && m.subject.includes('一张纸')), 20_000);

  const token = await h.login('m001');
  const sheetId = mine.weeklySheetId!;
  const view = await h.api('GET', `/api/weekly-sheets/${sheetId}`, { token });
  expect(view.status).toBe(200);
  expect(view.body.content.carriedIn).toEqual([{ text: '城关片区两户断货', resolved: false }]);
  expect(view.body.editTaskId).toBe(mine.id);
  expect(view.body.customers.length).toBeGreaterThan(0);
  const customer = view.body.customers[0].id as string;

  // Who may read and write.
  expect((await h.api('GET', `/api/weekly-sheets/${sheetId}`, { token: await h.login('m002') })).status).toBe(403);
  expect((await h.api('GET', `/api/weekly-sheets/${sheetId}`, { token: await h.login('head01') })).status).toBe(200);
  expect((await h.api('GET', `/api/weekly-sheets/${sheetId}`, { token: await h.login('head02') })).status).toBe(403);

  const draft = {
    carriedIn: [{ text: '城关片区两户断货', resolved: true }],
    focus: '中秋旺季备货',
    ticked: fiveTicks,
    visitPlan: [{ day: 0, customerId: customer, focus: '陈列调整', done: true }],
    daily: [{ day: 0, indicators: '订单 12 户', tasks: '走访 9 户', completed: true, problem: '', fix: '' }],
    actuals: { orderSuccessRate: 96 },
    mainWork: '',
    problems: [{ text: '两户客户订货意愿低', resolved: false }],
    measures: '',
    communication: [{ audience: 'MARKETING_DIRECTOR', kind: 'ANOMALY', content: '某品规断货三天', howTold: '电话' }],
  };
  const sixth = await h.api('PUT', `/api/weekly-sheets/${sheetId}`, {
    token,
    body: { ...draft, ticked: [...fiveTicks, tick('MARKET_ANALYSIS', 'SALES_TRENDS')] },
  });
  expect(sixth.status).toBe(400);
  expect(sixth.body.errors[0].field).toBe('body.ticked');
  expect(sixth.body.detail).toContain('最多勾选 5 项');
  const stranger = await h.db.prisma.retailCustomer.findFirstOrThrow({ where: { managerId: { not: m001.id } } });
  const foreign = await h.api('PUT', `/api/weekly-sheets/${sheetId}`, {
    token,
    body: { ...draft, visitPlan: [{ day: 1, customerId: stranger.id, focus: '', done: false }] },
  });
  expect(foreign.status).toBe(400);
  expect(foreign.body.errors[0].field).toBe('body.visitPlan');
  expect((await h.api('PUT', `/api/weekly-sheets/${sheetId}`, { token, body: draft })).status).toBe(200);
  const saved = await h.api('GET', `/api/weekly-sheets/${sheetId}`, { token });
  expect(saved.body.content.ticked).toHaveLength(5);
  expect(saved.body.targets.find((t: { kpi: string }) => t.kpi === 'orderSuccessRate').actual).toBe(96);

  // Submitting needs the week's main work.
  const incomplete = await h.api('POST', `/api/tasks/${mine.id}/submission`, { token, body: draft });
  expect(incomplete.status).toBe(400);
  expect(JSON.stringify(incomplete.body)).toContain('body.mainWork');
  const sent = await h.api('POST', `/api/tasks/${mine.id}/submission`, {
    token,
    body: { ...draft, mainWork: '走访 46 户，新品铺货 12 户', measures: '周三前补齐断货品规' },
  });
  expect(sent.status).toBe(201);
  const submitted = await eventually(
    async () => {
      const s = await h.db.prisma.weeklySheet.findUniqueOrThrow({ where: { id: sheetId } });
      return s.status === 'SUBMITTED' ? s : undefined;
    },
    20_000,
    'submitted',
  );
  expect(submitted.onTime).toBe(true);

  // The county head returns it with the reason; it comes back to M001 as round 2.
  const head = await h.login('head01');
  const review1 = await eventually(
    () =>
      h.db.prisma.task
        .findFirst({ where: { weeklySheetId: sheetId, kind: 'WEEKLY_SHEET_REVIEW', round: 1 } })
        .then((t) => t ?? undefined),
    20_000,
    'the review task',
  );
  const headView = await h.api('GET', `/api/weekly-sheets/${sheetId}`, { token: head });
  expect(headView.body.reviewTaskId).toBe(review1.id);
  expect(headView.body.editTaskId).toBeNull();
  expect(
    (
      await h.api('POST', `/api/tasks/${review1.id}/submission`, {
        token: head,
        body: { decision: 'return', reason: '请写明断货两户的补货时间' },
      })
    ).status,
  ).toBe(201);
  const round2 = await eventually(
    () =>
      h.db.prisma.task
        .findFirst({ where: { weeklySheetId: sheetId, kind: 'WEEKLY_SHEET', round: 2, status: 'OPEN' } })
        .then((t) => t ?? undefined),
    20_000,
    'round 2',
  );
  expect((await h.db.prisma.weeklySheet.findUniqueOrThrow({ where: { id: sheetId } })).status).toBe('RETURNED');
  await h.smtp.waitFor(
    (mails) => mails.some((m) => m.to.includes('m001@') && m.text.includes('请写明断货两户')),
    20_000,
  );
  const again = await h.api('GET', `/api/weekly-sheets/${sheetId}`, { token });
  expect(again.body.editTaskId).toBe(round2.id);
  expect(again.body.content.mainWork).toBe('走访 46 户，新品铺货 12 户'); // what was sent, to change
  expect(
    (
      await h.api('POST', `/api/tasks/${round2.id}/submission`, {
        token,
        body: { ...again.body.content, measures: '周三前为两户补货（已与配送中心确认）' },
      })
    ).status,
  ).toBe(201);
  const review2 = await eventually(
    () =>
      h.db.prisma.task
        .findFirst({ where: { weeklySheetId: sheetId, kind: 'WEEKLY_SHEET_REVIEW', round: 2 } })
        .then((t) => t ?? undefined),
    20_000,
    'the second review',
  );
  expect(
    (
      await h.api('POST', `/api/tasks/${review2.id}/submission`, {
        token: head,
        body: { decision: 'reviewed', comment: '措施具体，继续跟进。' },
      })
    ).status,
  ).toBe(201);
  const reviewed = await eventually(
    async () => {
      const s = await h.db.prisma.weeklySheet.findUniqueOrThrow({ where: { id: sheetId } });
      return s.status === 'REVIEWED' ? s : undefined;
    },
    20_000,
    'reviewed',
  );
  expect(reviewed.reviewComment).toBe('措施具体，继续跟进。');
  expect(reviewed.onTime).toBe(true); // the first submission counts

  // The county's week, as the head lists it.
  const list = await h.api('GET', `/api/weekly-sheets?week=${thisWeek}`, { token: head });
  expect(list.status).toBe(200);
  expect(list.body.total).toBe(3); // 甲县's three managers
  expect(list.body.counts.REVIEWED).toBe(1);

  // The month's self-assessment starts from the sheets: one week sent on time, its main work.
  const { cycleId } = await openCountyCycle(h, hr, 'C01', monthOfWeek(thisWeek));
  const selfTask = await eventually(
    () =>
      h.db.prisma.task
        .findFirst({ where: { cycleId, kind: 'SELF_ASSESSMENT', evaluation: { managerId: m001.id } } })
        .then((t) => t ?? undefined),
    20_000,
    'the self-assessment',
  );
  const context = await h.api('GET', `/api/tasks/${selfTask.id}/context`, { token });
  expect(context.body.weeklySheets).toMatchObject({ submitted: 1, onTime: 1 });
  expect(context.body.weeklySheets.summary).toContain('走访 46 户，新品铺货 12 户');

  // M002 never sends theirs: after its Sunday and two days' grace it is closed as missed.
  const late = tasks.find((t) => t.assignee.username === 'm002')!;
  await h.env.sleep(late.dueAt.getTime() + 3 * 86_400_000 - (await h.env.currentTimeMs()));
  await eventually(
    async () =>
      (await h.db.prisma.weeklySheet.findUniqueOrThrow({ where: { id: late.weeklySheetId! } })).status === 'MISSED',
    30_000,
    'missed',
  );
}, 240_000);

// Results talk (情感沟通, DOMAIN.md "Results talk and objection"): after the month's results
// the county's leaders talk with each manager, split among them; each talk is recorded
// (what went well, what did not, why, the agreed change) and the manager acknowledges it.
import { shanghaiDate, addDays } from '../domain/calendar';
import { describeEvent } from '../domain/eventText';
import {
  eventually,
  publishCountyCycle,
  selfAssessmentOnlyTemplate,
  startHarness,
  type Harness,
} from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ templates: { MONTHLY: selfAssessmentOnlyTemplate() } });
  // 甲县 has a second leader (副县长): the talks are split between the two.
  const head = await h.db.prisma.user.findUniqueOrThrow({ where: { username: 'head01' } });
  const county = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C01' } });
  await h.db.prisma.user.create({
    data: {
      username: 'head01b',
      displayName: '甲县副职',
      email: 'head01b@test.local',
      passwordHash: head.passwordHash,
      roles: { create: { role: 'COUNTY_HEAD', orgUnitId: county.id } },
    },
  });
});
afterAll(async () => {
  await h?.close();
});

const record = (heldOn: string) => ({
  heldOn,
  wentWell: '订单成功率稳步提升，客户走访到位',
  wentBadly: '基础数据维护不及时',
  causes: '月末集中录入，平时没有随手更新',
  agreedChange: '每周五下班前更新本周客户资料',
});

test('talks are split between the county leaders, recorded, handed over and acknowledged', async () => {
  const cycleId = await publishCountyCycle(h, {
    type: 'MONTHLY',
    period: '2026-11',
    countyCode: 'C01',
    selfScores: { m001: 95, m002: 80, m003: 70 },
  });
  const talks = await eventually(
    async () => {
      const t = await h.db.prisma.task.findMany({
        where: { cycleId, kind: 'RESULTS_TALK' },
        include: { assignee: true, resultsTalk: { include: { evaluation: true } } },
      });
      return t.length === 3 ? t : undefined;
    },
    20_000,
    'three talks',
  );
  // Split in turn by rank between 甲县's two leaders: two to one, one to the other.
  const byLeader = new Map<string, number>();
  for (const t of talks) byLeader.set(t.assignee.username, (byLeader.get(t.assignee.username) ?? 0) + 1);
  expect([...byLeader.keys()].sort()).toEqual(['head01', 'head01b']);
  expect([...byLeader.values()].sort()).toEqual([1, 2]);
  expect(talks.every((t) => t.resultsTalk!.reason === 'all' && t.resultsTalk!.status === 'TO_HOLD')).toBe(true);

  // The county's talks are opened together when it publishes: each due 7 days after the
  // results, with one opening line and one opening mail, sent; each talk's workflow starts
  // with its task open (no openTask of its own).
  const publishedAt = talks[0]!.resultsTalk!.evaluation.publishedAt!;
  for (const t of talks) {
    expect(t.dueDate).toBe(addDays(shanghaiDate(publishedAt), 7));
    const audit = await h.db.prisma.auditLog.findMany({ where: { entityId: t.id, action: 'task.opened' } });
    expect(audit.map((a) => a.details)).toEqual([
      expect.objectContaining({ resultsTalkId: t.resultsTalkId, round: 1 }),
    ]);
    await eventually(
      async () => {
        const mails = await h.db.prisma.notificationOutbox.findMany({
          where: { dedupeKey: { startsWith: `task:${t.id}:opened` } },
        });
        return mails.length === 1 && mails[0]!.status === 'SENT' ? mails : undefined;
      },
      20_000,
      'the talk’s opening mail sent',
    );
    const history = await h.env.client.workflow.getHandle(t.resultsTalk!.workflowId).fetchHistory();
    const activities = history.events!.flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
    expect(activities).not.toContain('openTask');
  }

  // head01b hands their talk with the lowest rank to head01 (谈话分工); an inspector cannot.
  const last = talks.find((t) => t.resultsTalk!.evaluation.rank === 3)!;
  const holder = await h.login(last.assignee.username);
  const other = last.assignee.username === 'head01' ? 'head01b' : 'head01';
  const otherUser = await h.db.prisma.user.findUniqueOrThrow({ where: { username: other } });
  const refused = await h.api('POST', `/api/tasks/${last.id}/reassign`, {
    token: await h.login('inspector01'),
    body: { assigneeId: otherUser.id, reason: '我来谈' },
  });
  expect(refused.status).toBe(403);
  const options = await h.api('GET', `/api/tasks/${last.id}/assignees`, { token: holder });
  expect(options.body.users.map((u: { username: string }) => u.username).sort()).toEqual(['head01', 'head01b']);
  const handed = await h.api('POST', `/api/tasks/${last.id}/reassign`, {
    token: holder,
    body: { assigneeId: otherUser.id, reason: '分管该片区，由我谈' },
  });
  expect(handed.status).toBe(200);
  await eventually(
    async () => (await h.db.prisma.task.findUniqueOrThrow({ where: { id: last.id } })).assigneeId === otherUser.id,
    10_000,
    'the hand-over',
  );

  // The leader sees what the talk is about: m003, 70, last of three, on the list as everyone is.
  const leader = await h.login(other);
  const context = await h.api('GET', `/api/tasks/${last.id}/context`, { token: leader });
  expect(context.status).toBe(200);
  expect(context.body.talk).toMatchObject({
    reason: 'all',
    evaluation: { compositeScore: 70, rank: 3, rankFromBottom: 1, cohortSize: 3 },
    previous: null,
  });
  // The opening mail names the manager the talk is with.
  const manager = context.body.talk.manager;
  expect(h.smtp.mails.some((m) => m.to.includes('head01') && m.subject.includes(manager.name))).toBe(true);

  // A talk before the results were published, or in the future, is refused, naming the date.
  const today = shanghaiDate(new Date());
  for (const heldOn of ['2026-10-01', addDays(today, 3)]) {
    const bad = await h.api('POST', `/api/tasks/${last.id}/submission`, { token: leader, body: record(heldOn) });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('heldOn');
  }
  const held = await h.api('POST', `/api/tasks/${last.id}/submission`, { token: leader, body: record(today) });
  expect(held.status).toBe(201);

  // The manager is asked to acknowledge; the result page shows the record to them, not to the inspector.
  const ack = await eventually(
    () =>
      h.db.prisma.task
        .findFirst({
          where: { resultsTalkId: last.resultsTalkId, kind: 'TALK_ACKNOWLEDGEMENT' },
          include: { assignee: true },
        })
        .then((x) => x ?? undefined),
    20_000,
    'the acknowledgement',
  );
  const mine = await h.login(ack.assignee.username);
  const evaluationId = last.resultsTalk!.evaluationId;
  const page = await h.api('GET', `/api/evaluations/${evaluationId}`, { token: mine });
  expect(page.body.resultsTalk).toMatchObject({
    status: 'TO_ACKNOWLEDGE',
    heldOn: today,
    agreedChange: '每周五下班前更新本周客户资料',
    heldBy: { displayName: otherUser.displayName },
  });
  const inspector = await h.api('GET', `/api/evaluations/${evaluationId}`, { token: await h.login('inspector01') });
  expect(inspector.status).toBe(200);
  expect(inspector.body.resultsTalk).toBeNull();

  const acknowledged = await h.api('POST', `/api/tasks/${ack.id}/submission`, {
    token: mine,
    body: { decision: 'acknowledge', comment: '同意，下月改进' },
  });
  expect(acknowledged.status).toBe(201);
  const done = await eventually(
    async () => {
      const t = await h.db.prisma.resultsTalk.findUniqueOrThrow({ where: { id: last.resultsTalkId! } });
      return t.status === 'ACKNOWLEDGED' ? t : undefined;
    },
    20_000,
    'acknowledged',
  );
  expect(done.managerComment).toBe('同意，下月改进');

  // Both steps are on the manager's timeline, as sentences.
  const timeline = await h.api('GET', `/api/managers/${manager.id}/timeline?cycleId=${cycleId}`, { token: leader });
  const actions = timeline.body.events.map((e: { action: string }) => e.action);
  expect(actions).toEqual(expect.arrayContaining(['resultsTalk.held', 'resultsTalk.acknowledged']));

  // The county lists its talks with counts; a manager lists only their own.
  const list = await h.api('GET', `/api/results-talks?cycleId=${cycleId}`, { token: leader });
  expect(list.body.total).toBe(3);
  expect(list.body.counts).toMatchObject({ TO_HOLD: 2, ACKNOWLEDGED: 1 });
  const own = await h.api('GET', '/api/results-talks', { token: mine });
  expect(own.body.talks.map((t: { managerId: string }) => t.managerId)).toEqual([manager.id]);
  const partner = await h.api('GET', '/api/results-talks', { token: await h.login('partner02') });
  expect(partner.status).toBe(403);

  // A manager whose talk is still to be held leaves (离岗): the talk and its task are cancelled,
  // nobody is reminded of it, and the timeline says why.
  const pending = talks.find((t) => t.id !== last.id)!;
  const leaver = pending.resultsTalk!.managerId;
  const hr = await h.login('hr');
  const left = await h.api('POST', `/api/org/managers/${leaver}/leave`, { token: hr, body: { reason: '调往外地' } });
  expect(left.status).toBe(200);
  expect(left.body.cancelledTalks).toEqual([pending.resultsTalkId]);
  const cancelled = await eventually(
    async () => {
      const t = await h.db.prisma.resultsTalk.findUniqueOrThrow({ where: { id: pending.resultsTalkId! } });
      return t.status === 'CANCELLED' ? t : undefined;
    },
    20_000,
    'the talk cancelled',
  );
  expect(cancelled.heldOn).toBeNull();
  expect((await h.db.prisma.task.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe('CANCELLED');
  const leaverTimeline = await h.api('GET', `/api/managers/${leaver}/timeline?cycleId=${cycleId}`, { token: hr });
  const cancelEvent = leaverTimeline.body.events.find((e: { action: string }) => e.action === 'resultsTalk.cancelled');
  expect(describeEvent({ ...cancelEvent, people: leaverTimeline.body.people }, 'zh-CN')).toBe(
    'HR 刘芳：客户经理离岗，情感沟通已取消（调往外地）',
  );
  const after = await h.api('GET', `/api/results-talks?cycleId=${cycleId}`, { token: leader });
  expect(after.body.counts).toMatchObject({ TO_HOLD: 1, ACKNOWLEDGED: 1, CANCELLED: 1 });
  // The talk already over is not touched by a later leave: the acknowledged one stays.
  const again = await h.api('POST', `/api/org/managers/${manager.id}/leave`, { token: hr, body: { reason: '离职' } });
  expect(again.body.cancelledTalks).toEqual([]);
  expect((await h.db.prisma.resultsTalk.findUniqueOrThrow({ where: { id: last.resultsTalkId! } })).status).toBe(
    'ACKNOWLEDGED',
  );
});

// A results talk (情感沟通) whose record the manager never acknowledges: reminded, escalated to
// the county head when due (3 days after the talk), and after the grace period (3 more days)
// closed as not acknowledged (逾期未确认), on the result page and the timeline.
import { shanghaiDate } from '../domain/calendar';
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
});
afterAll(() => h?.close());

test('an acknowledgement never given: escalated when due, closed as not acknowledged after the grace period', async () => {
  const cycleId = await publishCountyCycle(h, {
    type: 'MONTHLY',
    period: '2026-11',
    countyCode: 'C01',
    selfScores: { m001: 95, m002: 80, m003: 70 },
  });
  const talk = await eventually(
    () =>
      h.db.prisma.task
        .findFirst({
          where: { cycleId, kind: 'RESULTS_TALK', resultsTalk: { evaluation: { manager: { employeeNo: 'M003' } } } },
        })
        .then((x) => x ?? undefined),
    20_000,
    "M003's talk",
  );
  const head = await h.login('head01');
  const held = await h.api('POST', `/api/tasks/${talk.id}/submission`, {
    token: head,
    body: {
      heldOn: shanghaiDate(new Date(await h.env.currentTimeMs())),
      wentWell: '客户走访到位',
      wentBadly: '订单成功率偏低',
      causes: '对重点客户需求了解不够',
      agreedChange: '每周与三户重点客户面谈',
    },
  });
  expect(held.status).toBe(201);
  const ack = await eventually(
    () =>
      h.db.prisma.task
        .findFirst({ where: { resultsTalkId: talk.resultsTalkId, kind: 'TALK_ACKNOWLEDGEMENT' } })
        .then((x) => x ?? undefined),
    20_000,
    'the acknowledgement',
  );

  // Due and not acknowledged: the county head is told (督办).
  await h.env.sleep(ack.dueAt.getTime() + 3_600_000 - (await h.env.currentTimeMs()));
  await h.smtp.waitFor((m) =>
    m.some(
      (x) => x.to.includes('head01@test.local') && x.subject.includes('谈话记录确认') && x.subject.includes('逾期'),
    ),
  );
  expect((await h.db.prisma.resultsTalk.findUniqueOrThrow({ where: { id: talk.resultsTalkId! } })).status).toBe(
    'TO_ACKNOWLEDGE',
  );

  // Three days of grace later: closed as not acknowledged; the record stays as the leader wrote it.
  await h.env.sleep(ack.dueAt.getTime() + 3 * 86_400_000 + 3_600_000 - (await h.env.currentTimeMs()));
  const closed = await eventually(
    async () => {
      const t = await h.db.prisma.resultsTalk.findUniqueOrThrow({ where: { id: talk.resultsTalkId! } });
      return t.status === 'UNACKNOWLEDGED' ? t : undefined;
    },
    30_000,
    'not acknowledged',
  );
  expect(closed).toMatchObject({ acknowledgedAt: null, agreedChange: '每周与三户重点客户面谈' });
  expect((await h.db.prisma.task.findUniqueOrThrow({ where: { id: ack.id } })).status).toBe('CLOSED_MISSING');
  const evaluationId = closed.evaluationId;
  const page = await h.api('GET', `/api/evaluations/${evaluationId}`, { token: head });
  expect(page.body.resultsTalk).toMatchObject({ status: 'UNACKNOWLEDGED' });
  const timeline = await h.api('GET', `/api/managers/${closed.managerId}/timeline?cycleId=${cycleId}`, {
    token: head,
  });
  const event = timeline.body.events.find((e: { action: string }) => e.action === 'resultsTalk.unacknowledged');
  expect(describeEvent({ ...event, people: timeline.body.people }, 'zh-CN')).toBe('系统：谈话记录逾期未确认');
}, 300_000);

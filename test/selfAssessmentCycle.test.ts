// The first slice end to end, with time skipping: HR opens a monthly cycle for a
// county, each manager gets a self-assessment task due 5 days later, reminders go
// out 2 days before the due date and on it, an unanswered task escalates to the
// county head and then the city approver, and is closed as missing after the grace period.
import { addDays, shanghaiInstant } from '../domain/calendar';
import { eventually, selfAssessmentOnlyTemplate, startHarness, type Harness } from './support/harness';
import { validSelfAssessment } from './support/fixtures';

let h: Harness;
let hr: string;
beforeAll(async () => {
  h = await startHarness({ templates: { MONTHLY: selfAssessmentOnlyTemplate() } });
  hr = await h.login('hr');
});
afterAll(() => h?.close());

async function sleepUntil(instant: Date, plusMs = 60_000) {
  const now = await h.env.currentTimeMs();
  const ms = instant.getTime() + plusMs - now;
  if (ms > 0) await h.env.sleep(ms);
}

/** Timers fire at their instant, give or take milliseconds. */
const toSecond = (d: Date | null | undefined) =>
  d ? new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString() : d;

const subjects = (address: string) => h.smtp.to(address).map((m) => m.subject);

test('a monthly self-assessment cycle: tasks, submissions, reminders, escalation and policy', async () => {
  const counties = await h.db.prisma.orgUnit.findMany({ where: { kind: 'COUNTY' }, orderBy: { code: 'asc' } });
  const countyA = counties[0]!;

  // HR opens the cycle; opening it again gives the same cycle.
  const opened = await h.api('POST', '/api/cycles', {
    token: hr,
    body: { type: 'MONTHLY', period: '2026-11', countyId: countyA.id },
  });
  expect(opened.status).toBe(201);
  const again = await h.api('POST', '/api/cycles', {
    token: hr,
    body: { type: 'MONTHLY', period: '2026-11', countyId: countyA.id },
  });
  expect(again.status).toBe(200);
  expect(again.body.id).toBe(opened.body.id);
  expect(await h.db.prisma.cycle.count()).toBe(1);

  // One self-assessment task per manager of county A, due 5 days after opening.
  const tasks = await eventually(
    async () => {
      const t = await h.db.prisma.task.findMany({
        include: { assignee: true },
        orderBy: { assignee: { username: 'asc' } },
      });
      return t.length === 3 ? t : undefined;
    },
    20_000,
    'three tasks',
  );
  const [t1, t2, t3] = tasks as [(typeof tasks)[0], (typeof tasks)[0], (typeof tasks)[0]];
  expect(tasks.map((t) => t.assignee.username)).toEqual(['m001', 'm002', 'm003']);
  for (const t of tasks) {
    expect(t.kind).toBe('SELF_ASSESSMENT');
    expect(t.dueDate).toBe(addDays(new Date(t.openedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10), 5));
    expect(t.dueAt.toISOString()).toBe(shanghaiInstant(addDays(t.dueDate, 1)).toISOString());
  }
  await h.smtp.waitFor((m) => m.filter((x) => x.notification.includes(':opened:')).length === 3);
  expect(subjects('m001@test.local')[0]).toContain('请完成');

  // m002 submits at once, twice at the same moment and once more later: it counts once.
  const m002 = await h.login('m002');
  const [a, b] = await Promise.all([
    h.api('POST', `/api/tasks/${t2.id}/submission`, { token: m002, body: validSelfAssessment }),
    h.api('POST', `/api/tasks/${t2.id}/submission`, { token: m002, body: validSelfAssessment }),
  ]);
  expect([a.status, b.status].sort()).toEqual(expect.arrayContaining([201]));
  expect(a.body.submissionId).toBe(b.body.submissionId);
  const third = await h.api('POST', `/api/tasks/${t2.id}/submission`, {
    token: m002,
    body: { ...validSelfAssessment, attitude: 10 },
  });
  expect(third.status).toBe(200);
  expect(third.body).toMatchObject({ outcome: 'duplicate', submissionId: a.body.submissionId });
  expect(await h.db.prisma.submission.count({ where: { taskId: t2.id } })).toBe(1);
  expect(await h.db.prisma.auditLog.count({ where: { entityId: t2.id, action: 'task.submitted' } })).toBe(1);
  const score2 = await h.db.prisma.score.findFirstOrThrow({
    where: { evaluationId: t2.evaluationId!, component: 'selfEvaluation' },
  });
  expect(Number(score2.value)).toBe(85); // (90 + 85 + 80) / 3

  // First reminder: 09:00 Shanghai two days before the due date, to m001 and m003 only.
  const reminder1 = shanghaiInstant(addDays(t1.dueDate, -2), 9);
  await sleepUntil(reminder1);
  await h.smtp.waitFor((m) => m.filter((x) => x.notification.includes(':reminder:')).length === 2);
  expect(subjects('m001@test.local').some((s) => s.includes('考评提醒'))).toBe(true);
  expect(subjects('m003@test.local').some((s) => s.includes('考评提醒'))).toBe(true);
  expect(subjects('m002@test.local').some((s) => s.includes('考评提醒'))).toBe(false);
  const reminded = await h.db.prisma.auditLog.findMany({ where: { action: 'task.reminded' } });
  expect(reminded.map((r) => toSecond(r.at))).toEqual([reminder1.toISOString(), reminder1.toISOString()]);

  // m001 submits after the first reminder: no reminder on the due date for m001.
  const m001 = await h.login('m001');
  expect(
    (await h.api('POST', `/api/tasks/${t1.id}/submission`, { token: m001, body: validSelfAssessment })).status,
  ).toBe(201);

  // Second reminder: 09:00 on the due date, to m003 only.
  const reminder2 = shanghaiInstant(t1.dueDate, 9);
  await sleepUntil(reminder2);
  await h.smtp.waitFor((m) => m.filter((x) => x.notification.includes(':reminder:')).length === 3);
  expect(h.smtp.to('m003@test.local').filter((m) => m.notification.includes(':reminder:'))).toHaveLength(2);
  expect(h.smtp.to('m001@test.local').filter((m) => m.notification.includes(':reminder:'))).toHaveLength(1);
  expect((await h.db.prisma.task.findUniqueOrThrow({ where: { id: t3.id } })).remindersSent).toBe(2);

  // Overdue once the due date ends: escalation to county A's head, not county B's.
  await sleepUntil(t3.dueAt);
  await h.smtp.waitFor((m) => m.some((x) => x.to.includes('head01@test.local')));
  const escalation = h.smtp.to('head01@test.local')[0]!;
  expect(escalation.subject).toContain('张敏'); // m003's name
  expect(escalation.subject).toContain('逾期');
  expect(escalation.text).toContain(`${'http://kaoping.test'}/app/#/tasks/${t3.id}`);
  expect(h.smtp.to('head02@test.local')).toHaveLength(0);
  const overdue = await h.db.prisma.task.findUniqueOrThrow({ where: { id: t3.id } });
  expect(toSecond(overdue.overdueSince)).toBe(t3.dueAt.toISOString());
  expect(overdue.escalationLevel).toBe(1);

  // HR sees per county and stage: open, submitted, overdue, escalated.
  const status = await h.api('GET', `/api/cycles/${opened.body.id}/status`, { token: hr });
  expect(status.status).toBe(200);
  expect(status.body.totals).toEqual({
    total: 3,
    open: 1,
    submitted: 2,
    overdue: 1,
    escalated: 1,
    unassigned: 0,
    closedMissing: 0,
  });
  expect(status.body.byCountyAndStage).toEqual([
    expect.objectContaining({ kind: 'SELF_ASSESSMENT', county: expect.objectContaining({ code: 'C01' }), overdue: 1 }),
  ]);
  // …and which task it is, with whom, how late and how often escalated.
  const late = await h.api('GET', `/api/cycles/${opened.body.id}/overdue`, { token: hr });
  expect(late.body.total).toBe(1);
  expect(late.body.tasks[0]).toMatchObject({
    id: t3.id,
    kind: 'SELF_ASSESSMENT',
    escalationLevel: 1,
    county: { code: 'C01' },
    evaluation: { manager: { name: '张敏' } },
  });

  // After the 3-day grace period: escalation again, one level up, then closed as missing.
  const graceEnd = new Date(t3.dueAt.getTime() + 3 * 86_400_000);
  await sleepUntil(graceEnd);
  await h.smtp.waitFor((m) => m.some((x) => x.to.includes('approver@test.local')));
  const closed = await eventually(
    async () => {
      const t = await h.db.prisma.task.findUniqueOrThrow({ where: { id: t3.id } });
      return t.status === 'CLOSED_MISSING' ? t : undefined;
    },
    10_000,
    'task closed as missing',
  );
  expect(closed.escalationLevel).toBe(2);
  const missing = await h.db.prisma.score.findFirstOrThrow({
    where: { evaluationId: t3.evaluationId!, component: 'selfEvaluation' },
  });
  expect(missing).toMatchObject({ missing: true });
  expect(Number(missing.value)).toBe(0);
  expect(await h.db.prisma.evaluation.findUniqueOrThrow({ where: { id: t3.evaluationId! } })).toMatchObject({
    flagged: true,
    flagReasons: ['missing:SELF_ASSESSMENT'],
  });

  // A closed task takes no submission.
  const m003 = await h.login('m003');
  expect(
    (await h.api('POST', `/api/tasks/${t3.id}/submission`, { token: m003, body: validSelfAssessment })).status,
  ).toBe(409);

  // Every evaluation is done: the cycle says so within the hour.
  await h.env.sleep(3_600_000 + 60_000);
  await eventually(
    async () =>
      (await h.db.prisma.cycle.findUniqueOrThrow({ where: { id: opened.body.id } })).status === 'EVALUATIONS_COMPLETE',
    10_000,
    'cycle complete',
  );
  const final = await h.api('GET', `/api/cycles/${opened.body.id}/status`, { token: hr });
  const selfRow = final.body.byCountyAndStage.find((r: { kind: string }) => r.kind === 'SELF_ASSESSMENT');
  expect(selfRow).toMatchObject({ total: 3, open: 0, submitted: 2, overdue: 0, escalated: 1, closedMissing: 1 });
  // The county's results go to its head for sign-off.
  const signOff = await h.db.prisma.task.findFirstOrThrow({
    where: { kind: 'COUNTY_SIGN_OFF' },
    include: { assignee: true },
  });
  expect(signOff.assignee.username).toBe('head01');

  // The timeline says who did what, when.
  const timeline = await h.api('GET', `/api/tasks/${t3.id}/timeline`, { token: hr });
  expect(timeline.body.events.map((e: { action: string }) => e.action)).toEqual([
    'task.opened',
    'task.reminded',
    'task.reminded',
    'task.escalated',
    'task.escalated',
    'task.closedMissing',
  ]);
  // No mail went out twice.
  const keys = h.smtp.mails.map((m) => m.notification);
  expect(new Set(keys).size).toBe(keys.length);
});

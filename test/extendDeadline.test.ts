// HR extends a task's due date: its reminders and escalation move with it (the
// workflow's timers are re-planned), and only HR of that scope may do it.
import { addDays, shanghaiInstant } from '../domain/calendar';
import { eventually, selfAssessmentOnlyTemplate, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ templates: { MONTHLY: selfAssessmentOnlyTemplate() } });
});
afterAll(() => h?.close());

test('extending a due date moves the reminders and the escalation', async () => {
  const hr = await h.login('hr');
  const head01 = await h.login('head01');
  const countyB = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C02' } });
  expect(
    (
      await h.api('POST', '/api/cycles', {
        token: hr,
        body: { type: 'MONTHLY', period: '2026-11', countyId: countyB.id },
      })
    ).status,
  ).toBe(201);
  const task = await eventually(
    () => h.db.prisma.task.findFirst({ where: { kind: 'SELF_ASSESSMENT' } }).then((t) => t ?? undefined),
    20_000,
    'task',
  );
  const newDue = addDays(task.dueDate, 7);

  // Not HR: refused. A date not after the current one: 400. Nothing changes.
  expect(
    (await h.api('POST', `/api/tasks/${task.id}/extend`, { token: head01, body: { dueDate: newDue, reason: '病假' } }))
      .status,
  ).toBe(403);
  const early = await h.api('POST', `/api/tasks/${task.id}/extend`, {
    token: hr,
    body: { dueDate: task.dueDate, reason: '病假' },
  });
  expect(early.status).toBe(400);
  expect(early.body.errors[0].field).toBe('body.dueDate');
  expect(
    (
      await h.api('POST', `/api/tasks/${task.id}/extend`, {
        token: hr,
        body: { dueDate: '2026-02-30', reason: '病假' },
      })
    ).status,
  ).toBe(400);

  const ok = await h.api('POST', `/api/tasks/${task.id}/extend`, {
    token: hr,
    body: { dueDate: newDue, reason: '客户经理病假一周' },
  });
  expect(ok.status).toBe(200);
  const moved = await h.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
  expect(moved.dueDate).toBe(newDue);
  expect(moved.dueAt.toISOString()).toBe(shanghaiInstant(addDays(newDue, 1)).toISOString());

  // Past the old due date: no escalation, no reminder yet (the new due date is a week later).
  await h.env.sleep(task.dueAt.getTime() + 3_600_000 - (await h.env.currentTimeMs()));
  await new Promise((r) => setTimeout(r, 1000));
  expect(await h.db.prisma.auditLog.count({ where: { action: { in: ['task.reminded', 'task.escalated'] } } })).toBe(0);

  // Two days before the new due date at 09:00: the reminder.
  const reminder = shanghaiInstant(addDays(newDue, -2), 9);
  await h.env.sleep(reminder.getTime() + 60_000 - (await h.env.currentTimeMs()));
  await h.smtp.waitFor((m) =>
    m.some((x) => x.to.includes('m004@test.local') && x.notification.includes(`:reminder:${newDue}:2`)),
  );
  // Overdue only when the new due date ends.
  await h.env.sleep(moved.dueAt.getTime() + 60_000 - (await h.env.currentTimeMs()));
  await h.smtp.waitFor((m) => m.some((x) => x.to.includes('head02@test.local') && x.subject.includes('逾期')));
  const extended = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'task.extended' } });
  expect(extended.details).toMatchObject({ from: task.dueDate, to: newDue, reason: '客户经理病假一周' });
  expect(extended.actorId).toBe((await h.db.prisma.user.findUniqueOrThrow({ where: { username: 'hr' } })).id);
});

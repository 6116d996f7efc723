// A NUL or another control character in any text a user sends is refused with a 400 that
// names the field, before anything reaches Temporal or the database; a flood of them
// leaves the manager's workflow free to take the clean submission that follows.
import {
  openCountyCycle,
  selfAssessmentOnlyTemplate,
  startHarness,
  taskAssignedTo,
  type Harness,
} from './support/harness';
import { validSelfAssessment } from './support/fixtures';

let h: Harness;
const t: Record<string, string> = {};
beforeAll(async () => {
  h = await startHarness({ templates: { MONTHLY: selfAssessmentOnlyTemplate() } });
  for (const u of ['hr', 'm001']) t[u] = await h.login(u);
});
afterAll(() => h?.close());

test('NUL in a submission: 400 naming the field, and the workflow still takes a clean one at once', async () => {
  await openCountyCycle(h, t.hr!, 'C01', '2026-11');
  const task = await taskAssignedTo(h, 'm001');
  const bad = { ...validSelfAssessment, workSummary: '本月走访零售客户\u0000 180 户。' };
  const answers = await Promise.all(
    Array.from({ length: 12 }, () => h.api('POST', `/api/tasks/${task.id}/submission`, { token: t.m001, body: bad })),
  );
  expect(answers.map((a) => a.status)).toEqual(Array(12).fill(400));
  expect(answers[0]!.body.errors).toEqual([
    { field: 'body.workSummary', message: 'body.workSummary 不能包含控制字符' },
  ]);
  expect(await h.db.prisma.submission.count()).toBe(0);

  const started = Date.now();
  const good = await h.api('POST', `/api/tasks/${task.id}/submission`, { token: t.m001, body: validSelfAssessment });
  expect(good.status).toBe(201);
  expect(Date.now() - started).toBeLessThan(5_000);
});

test('control characters in the other text fields are 400s, never 500s', async () => {
  const county = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C01' } });
  const manager = await h.db.prisma.manager.findUniqueOrThrow({ where: { employeeNo: 'M002' } });
  const task = await h.db.prisma.task.findFirstOrThrow({ where: { assignee: { username: 'm002' } } });
  const cases: Array<[string, string, Record<string, unknown>, string | undefined, string]> = [
    ['POST', '/api/auth/login', { username: 'hr\u0000', password: 'x' }, undefined, 'body.username'],
    ['POST', '/api/auth/login', { username: 'hr', password: 'pass\u0000' }, undefined, 'body.password'],
    ['POST', `/api/tasks/${task.id}/extend`, { dueDate: '2026-12-20', reason: '延期\u0000' }, t.hr, 'body.reason'],
    [
      'POST',
      `/api/org/managers/${manager.id}/transfer`,
      { countyId: county.id, reason: '调\u0007动' },
      t.hr,
      'body.reason',
    ],
    [
      'POST',
      `/api/org/managers/${manager.id}/customers`,
      { customers: [{ licenceNo: 'L\u0000001', name: '便民超市' }] },
      t.hr,
      'body.customers.0.licenceNo',
    ],
    [
      'PUT',
      '/api/calendars/MONTHLY',
      { dayOfMonth: 2, hour: 8, minute: 0, paused: false, note: '说明\u0000' },
      t.hr,
      'body.note',
    ],
  ];
  for (const [method, path, body, token, field] of cases) {
    const r = await h.api(method, path, { token, body });
    expect([r.status, r.body.errors?.map((e: { field: string }) => e.field)]).toEqual([400, [field]]);
  }
});

// The customer survey (客户满意度调查) of a quarterly cycle: a sample of the manager's
// retail customers each gets a personal link (no account), unguessable, single-use and
// expiring; answers aggregate into a satisfaction rate and score; nobody can tell who
// answered what. The survey closes on its due date and its score joins the composite.
import { addDays, shanghaiInstant } from '../domain/calendar';
import { redactedSurveyLink } from '../domain/notifications';
import { eventually, publicUrl, startHarness, type Harness } from './support/harness';
import { validInspection, validMarketingReview, validSelfAssessment } from './support/fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const tokenOf = (text: string) => text.match(/\/survey\/([A-Za-z0-9_-]+)/)![1]!;
const rate = (r: number[], comment?: string) => ({
  serviceAttitude: r[0],
  visitRegularity: r[1],
  businessGuidance: r[2],
  orderingService: r[3],
  informationDelivery: r[4],
  overall: r[5],
  ...(comment ? { comment } : {}),
});

test('customers answer through personal links; the survey closes with its rate and score', async () => {
  const t: Record<string, string> = {};
  for (const u of ['hr', 'partner02', 'inspector02', 'reviewer02', 'm004']) t[u] = await h.login(u);
  const countyB = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C02' } });
  expect(
    (
      await h.api('POST', '/api/cycles', {
        token: t.hr,
        body: { type: 'QUARTERLY', period: '2026-Q4', countyId: countyB.id },
      })
    ).status,
  ).toBe(201);
  const tasks = await eventually(
    async () => {
      const x = await h.db.prisma.task.findMany();
      return x.length === 5 ? x : undefined;
    },
    20_000,
    'five tasks',
  );
  const byKind = Object.fromEntries(tasks.map((x) => [x.kind, x]));
  const survey = byKind.CUSTOMER_SURVEY!;

  // 10 of m004's 12 retail customers are invited (template default), each by mail with a link of their own.
  await h.smtp.waitFor((m) => m.filter((x) => x.to.includes('@retail.test.local')).length === 10, 20_000);
  const invitations = h.smtp.mails.filter((x) => x.to.includes('@retail.test.local'));
  expect(new Set(invitations.map((x) => x.to)).size).toBe(10);
  expect(invitations[0]!.subject).toContain('刘洋');
  expect(invitations[0]!.text).toContain(`${publicUrl}/survey/`);
  // The task's timeline says who holds it (办理人), as every task's does, and how many were invited.
  const timeline = await h.api('GET', `/api/tasks/${survey.id}/timeline`, { token: t.hr });
  expect(timeline.body.events[0]).toMatchObject({
    action: 'task.opened',
    details: { assigneeId: survey.assigneeId, invited: 10, dueDate: survey.dueDate },
  });
  const tokens = invitations.map((x) => tokenOf(x.text));
  expect(new Set(tokens).size).toBe(10);
  expect(tokens.every((x) => x.length >= 32)).toBe(true);
  // Only hashes are stored; once sent, the outbox keeps no link either.
  const stored = await h.db.prisma.surveyInvitation.findMany();
  expect(stored.some((i) => tokens.includes(i.tokenHash))).toBe(false);
  await eventually(
    async () =>
      (await h.db.prisma.notificationOutbox.findMany({ where: { kind: 'surveyInvitation' } })).every(
        (r) => r.textBody === redactedSurveyLink && r.status === 'SENT',
      ),
    10_000,
    'redacted outbox',
  );

  // The page, in Chinese by default and English on request; no account needed.
  const page = await fetch(`${h.baseUrl}/survey/${tokens[0]}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('客户满意度调查');
  expect(html).toContain('刘洋');
  expect(await (await fetch(`${h.baseUrl}/survey/${tokens[0]}?lang=en`)).text()).toContain(
    'Customer satisfaction survey',
  );
  expect((await fetch(`${h.baseUrl}/survey/not-a-real-token-at-all-xxxxxxxx`)).status).toBe(404);
  expect((await h.api('GET', '/api/surveys/not-a-real-token-at-all-xxxxxxxx')).status).toBe(404);

  // Bad input names the field and uses nothing up.
  const bad = await h.api('POST', `/api/surveys/${tokens[0]}`, { body: rate([5, 5, 5, 5, 5, 6]) });
  expect(bad.status).toBe(400);
  expect(bad.body.errors[0].field).toBe('body.overall');
  expect(await h.db.prisma.surveyInvitation.count({ where: { answered: true } })).toBe(0);
  const badForm = await fetch(`${h.baseUrl}/survey/${tokens[0]}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'serviceAttitude=5',
  });
  expect(badForm.status).toBe(400);
  expect(await badForm.text()).toContain('请选择一项');

  // Four answer: three through the JSON API, one through the page's form.
  expect(
    (await h.api('POST', `/api/surveys/${tokens[0]}`, { body: rate([5, 5, 5, 5, 5, 5], '服务很好') })).status,
  ).toBe(201);
  expect((await h.api('POST', `/api/surveys/${tokens[1]}`, { body: rate([4, 4, 4, 4, 4, 4]) })).status).toBe(201);
  expect((await h.api('POST', `/api/surveys/${tokens[2]}`, { body: rate([5, 4, 4, 5, 4, 3]) })).status).toBe(201);
  const form = new URLSearchParams(
    Object.entries(rate([3, 3, 3, 3, 3, 2])).map(([k, v]): [string, string] => [k, String(v)]),
  );
  const thanks = await fetch(`${h.baseUrl}/survey/${tokens[3]}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  expect(thanks.status).toBe(201);
  expect(await thanks.text()).toContain('感谢您的评价');

  // Single use: a second answer on the same link is refused and changes nothing.
  const again = await h.api('POST', `/api/surveys/${tokens[0]}`, { body: rate([1, 1, 1, 1, 1, 1]) });
  expect(again.status).toBe(410);
  expect(again.body.code).toBe('survey_answered');
  expect((await fetch(`${h.baseUrl}/survey/${tokens[0]}`)).status).toBe(410);
  expect(await h.db.prisma.surveyResponse.count()).toBe(4);
  // Answers are stored apart from the links: a response names its survey and its day, nothing else.
  const response = await h.db.prisma.surveyResponse.findFirstOrThrow();
  expect(Object.keys(response).sort()).toEqual(['answeredOn', 'answers', 'id', 'taskId']);

  // Nobody can submit the survey as a task, nor reassign it.
  expect(
    (await h.api('POST', `/api/tasks/${survey.id}/submission`, { token: t.reviewer02, body: {} })).status,
  ).toBeGreaterThanOrEqual(400);

  // The other evaluations.
  expect(
    (
      await h.api('POST', `/api/tasks/${byKind.INDUSTRY_FEEDBACK!.id}/submission`, {
        token: t.partner02,
        body: { brandCultivation: 90, informationFeedback: 80, comment: '配合积极' },
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await h.api('POST', `/api/tasks/${byKind.INSPECTION!.id}/submission`, {
        token: t.inspector02,
        body: validInspection,
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await h.api('POST', `/api/tasks/${byKind.MARKETING_REVIEW!.id}/submission`, {
        token: t.reviewer02,
        body: validMarketingReview,
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await h.api('POST', `/api/tasks/${byKind.SELF_ASSESSMENT!.id}/submission`, {
        token: t.m004,
        body: validSelfAssessment,
      })
    ).status,
  ).toBe(201);

  // Two days before the due date at 09:00, the six who have not answered are reminded with a fresh link; the old one stops working.
  const reminderAt = shanghaiInstant(addDays(survey.dueDate, -2), 9);
  await h.env.sleep(reminderAt.getTime() + 60_000 - (await h.env.currentTimeMs()));
  await h.smtp.waitFor(
    (m) => m.filter((x) => x.to.includes('@retail.test.local') && x.subject.includes('提醒')).length === 6,
    20_000,
  );
  const reminders = h.smtp.mails.filter((x) => x.subject.includes('提醒') && x.to.includes('@retail.test.local'));
  expect(reminders.some((x) => x.to === invitations[0]!.to)).toBe(false);
  const stale = invitations.find((x) => x.to === reminders[0]!.to)!;
  expect((await h.api('POST', `/api/surveys/${tokenOf(stale.text)}`, { body: rate([4, 4, 4, 4, 4, 4]) })).status).toBe(
    404,
  );

  // The survey's last day ends: closed with 4 answers of 10 invited (at least 3 needed).
  await h.env.sleep(survey.dueAt.getTime() + 60_000 - (await h.env.currentTimeMs()));
  const score = await eventually(
    () => h.db.prisma.score.findFirst({ where: { component: 'customer' } }).then((s) => s ?? undefined),
    20_000,
    'customer score',
  );
  // Response scores 100, 80, 83.33, 56.67 → 80; satisfied overall (4 or 5): 2 of 4 → 50%, below the 95% target.
  expect(Number(score.value)).toBe(80);
  expect(score.details).toEqual({ invited: 10, responses: 4, satisfactionRate: 0.5, meetsTarget: false });
  // On the due date they were reminded once more; the newest link of one who never answered has expired with the survey.
  const newest = h.smtp.mails.filter((x) => x.to === reminders[1]!.to).at(-1)!;
  expect(h.smtp.mails.filter((x) => x.to === reminders[1]!.to)).toHaveLength(3);
  const expired = await h.api('POST', `/api/surveys/${tokenOf(newest.text)}`, { body: rate([4, 4, 4, 4, 4, 4]) });
  expect(expired.status).toBe(410);
  expect(expired.body.code).toBe('survey_expired');

  // Composite of all five: (40·96.8 + 20·80 + 10·85 + 10·85 + 20·88) / 100 − 8 = 89.32 − 8 = 81.32
  const evaluation = await eventually(
    async () => {
      const e = await h.db.prisma.evaluation.findFirstOrThrow();
      return e.compositeScore !== null ? e : undefined;
    },
    15_000,
    'scored',
  );
  expect(Number(evaluation.compositeScore)).toBe(81.32);
  // The manager sees the rate and score, not who answered.
  const mine = await h.api('GET', `/api/evaluations/${evaluation.id}`, { token: t.m004 });
  expect(mine.body.scores.find((s: { component: string }) => s.component === 'customer')).toEqual({
    component: 'customer',
    value: 80,
    missing: false,
    details: { invited: 10, responses: 4, satisfactionRate: 0.5, meetsTarget: false },
  });
});

// How a customer survey ends: early, once every invited customer has answered; or at
// its due date with too few answers, when the template's policy closes it as missing
// (the customer component counts 0 and the result is flagged).
import { defaultTemplateConfig, type TemplateConfig } from '../domain/templates';
import { eventually, startHarness, type Harness } from './support/harness';

function surveyOnly(): TemplateConfig {
  const t = defaultTemplateConfig('QUARTERLY');
  return {
    ...t,
    // Due after 2 days, not 10: every day skipped wakes each running cycle's hourly look 24 times.
    tasks: { CUSTOMER_SURVEY: { ...t.tasks.CUSTOMER_SURVEY!, dueOffsetDays: 2, reminderDaysBeforeDue: [0] } },
    customerSurvey: { sampleSize: 2, minResponses: 2, satisfactionTarget: 0.95 },
  };
}

// Each test on its own harness: the first one's cycle, left behind, kept the time-skipping
// server busy for minutes of real time on PostgreSQL (the CI's PG lane timed out at 300 s).
let h: Harness;
beforeEach(async () => {
  h = await startHarness({ templates: { QUARTERLY: surveyOnly() } });
});
afterEach(() => h?.close());

const tokenOf = (text: string) => text.match(/\/survey\/([A-Za-z0-9_-]+)/)![1]!;
const all = (n: number) => ({
  serviceAttitude: n,
  visitRegularity: n,
  businessGuidance: n,
  orderingService: n,
  informationDelivery: n,
  overall: n,
});

test('the survey closes early when every invited customer has answered', async () => {
  const hr = await h.login('hr');
  const countyB = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C02' } });
  expect(
    (
      await h.api('POST', '/api/cycles', {
        token: hr,
        body: { type: 'QUARTERLY', period: '2026-Q4', countyId: countyB.id },
      })
    ).status,
  ).toBe(201);
  await h.smtp.waitFor((m) => m.filter((x) => x.to.includes('@retail.test.local')).length === 2, 20_000);
  const before = await h.env.currentTimeMs();
  for (const mail of h.smtp.mails.filter((x) => x.to.includes('@retail.test.local'))) {
    expect((await h.api('POST', `/api/surveys/${tokenOf(mail.text)}`, { body: all(5) })).status).toBe(201);
  }
  const evaluation = await eventually(
    async () => {
      const e = await h.db.prisma.evaluation.findFirst({ where: { compositeScore: { not: null } } });
      return e ?? undefined;
    },
    20_000,
    'scored',
  );
  expect(Number(evaluation.compositeScore)).toBe(100);
  const task = await h.db.prisma.task.findFirstOrThrow({ where: { kind: 'CUSTOMER_SURVEY' } });
  expect(task.status).toBe('SUBMITTED');
  // Closed well before its due date (2 days): no time had to pass.
  expect(task.submittedAt!.getTime() - before).toBeLessThan(24 * 3600_000);
});

test('too few answers by the due date: closed as missing, counts 0, flagged', async () => {
  const hr = await h.login('hr');
  const retail = () => h.smtp.mails.filter((x) => x.to.includes('@retail.test.local'));
  const earlier = retail().length;
  const countyB = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C02' } });
  const opened = await h.api('POST', '/api/cycles', {
    token: hr,
    body: { type: 'QUARTERLY', period: '2027-Q1', countyId: countyB.id },
  });
  expect(opened.status).toBe(201);
  const task = await eventually(
    () =>
      h.db.prisma.task
        .findFirst({ where: { kind: 'CUSTOMER_SURVEY', cycleId: opened.body.id } })
        .then((t) => t ?? undefined),
    20_000,
    'survey task',
  );
  await h.smtp.waitFor((m) => m.filter((x) => x.to.includes('@retail.test.local')).length === earlier + 2, 20_000);
  const mine = retail().slice(earlier);
  expect((await h.api('POST', `/api/surveys/${tokenOf(mine[0]!.text)}`, { body: all(4) })).status).toBe(201);

  await h.env.sleep(task.dueAt.getTime() + 60_000 - (await h.env.currentTimeMs()));
  const evaluation = await eventually(
    async () => {
      const e = await h.db.prisma.evaluation.findFirst({
        where: { cycleId: opened.body.id, compositeScore: { not: null } },
      });
      return e ?? undefined;
    },
    20_000,
    'scored',
  );
  expect(Number(evaluation.compositeScore)).toBe(0);
  expect(evaluation.flagged).toBe(true);
  expect(evaluation.flagReasons).toEqual(['missing:CUSTOMER_SURVEY']);
  const score = await h.db.prisma.score.findFirstOrThrow({
    where: { evaluationId: evaluation.id, component: 'customer' },
  });
  expect(score.missing).toBe(true);
  expect((await h.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('CLOSED_MISSING');
}, 300_000);

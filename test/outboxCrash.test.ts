// Mail goes through the outbox: written in the same transaction as the event, then sent
// by an activity. Here the worker is killed after the rows are written and while the
// mail server has not yet accepted them; after a restart each mail is sent, once.
import { openSharedTestDatabase } from './support/database';
import { eventually, selfAssessmentOnlyTemplate, startHarness, type Harness } from './support/harness';
import { workerProcess } from './support/workerProcess';

let h: Harness;
let dbUrl: string;
const worker = workerProcess(
  () => h,
  () => dbUrl,
);

beforeAll(async () => {
  const db = await openSharedTestDatabase();
  dbUrl = db.url;
  h = await startHarness({
    worker: false,
    db,
    temporal: 'devServer',
    templates: { MONTHLY: selfAssessmentOnlyTemplate() },
  });
});
afterAll(async () => {
  if (worker.running()) await worker.kill();
  await h?.close();
});

test('a worker killed between writing and sending neither loses nor doubles a mail', async () => {
  h.smtp.hold();
  await worker.start();
  const hr = await h.login('hr');
  const countyA = await h.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C01' } });
  expect(
    (
      await h.api('POST', '/api/cycles', {
        token: hr,
        body: { type: 'MONTHLY', period: '2026-11', countyId: countyA.id },
      })
    ).status,
  ).toBe(201);

  // Three task mails written to the outbox; the worker is in the middle of sending them.
  await eventually(
    async () => (await h.db.prisma.notificationOutbox.count()) === 3 && h.smtp.held() > 0,
    30_000,
    'outbox written, sending',
  );
  await worker.kill();
  const written = await h.db.prisma.notificationOutbox.findMany();
  expect(written.every((r) => r.status !== 'SENT')).toBe(true);
  expect(h.smtp.mails).toHaveLength(0);

  // A new worker: Temporal retries the delivery; each mail arrives once.
  h.smtp.release();
  await worker.start();
  await eventually(
    async () => (await h.db.prisma.notificationOutbox.count({ where: { status: 'SENT' } })) === 3 || undefined,
    90_000,
    'outbox sent',
  );
  await h.smtp.waitFor((m) => m.length === 3, 10_000);
  await new Promise((r) => setTimeout(r, 2000));
  const keys = h.smtp.mails.map((m) => m.notification);
  expect(keys).toHaveLength(3);
  expect(new Set(keys).size).toBe(3);
  expect(new Set(h.smtp.mails.map((m) => m.to))).toEqual(
    new Set(['m001@test.local', 'm002@test.local', 'm003@test.local']),
  );
});

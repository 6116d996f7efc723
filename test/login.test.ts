// Logging in: wrong passwords are throttled per account (429 with Retry-After, audited),
// unknown usernames cost the same work as wrong passwords, and every user changes their
// own password (their other sessions end).
import type { AddressInfo } from 'node:net';
import { startHarness, type Harness } from './support/harness';
import { testPassword } from './support/fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const login = (username: string, password: string) =>
  h.api('POST', '/api/auth/login', { body: { username, password } });

test('five wrong passwords lock the account: 429 with Retry-After, even with the right one; audited', async () => {
  for (let i = 0; i < 5; i++) expect((await login('inspector01', 'wrong-password')).status).toBe(401);
  const locked = await login('inspector01', testPassword);
  expect(locked.status).toBe(429);
  expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(locked.body.code).toBe('too_many_attempts');
  expect((await login('inspector02', testPassword)).status).toBe(200); // another account is not affected
  const user = await h.db.prisma.user.findUniqueOrThrow({ where: { username: 'inspector01' } });
  expect(await h.db.prisma.auditLog.count({ where: { action: 'auth.lockedOut', entityId: user.id } })).toBe(1);
});

test('two API processes count the same failures: wrong passwords at once on both lock once', async () => {
  const { createApp } = await import('../api/app');
  const { listen } = await import('../api/server');
  const { taskQueue } = await import('../workflows/taskQueue');
  const other = await listen(
    createApp({ prisma: h.db.prisma, temporal: h.env.client, taskQueue, sessionTtlHours: 12 }),
    0,
    '127.0.0.1',
  );
  const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  const loginThere = (username: string, password: string) =>
    fetch(`${otherUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
  try {
    // Five wrong passwords at the same moment, three here and two there.
    const answers = await Promise.all([
      ...[0, 1, 2].map(() => login('reviewer02', 'wrong-password').then((r) => r.status)),
      ...[0, 1].map(() => loginThere('reviewer02', 'wrong-password').then((r) => r.status)),
    ]);
    expect(answers.sort()).toEqual([401, 401, 401, 401, 401]);
    // Locked on both, and once.
    expect((await login('reviewer02', testPassword)).status).toBe(429);
    expect((await loginThere('reviewer02', testPassword)).status).toBe(429);
    const user = await h.db.prisma.user.findUniqueOrThrow({ where: { username: 'reviewer02' } });
    expect(await h.db.prisma.auditLog.count({ where: { action: 'auth.lockedOut', entityId: user.id } })).toBe(1);
    expect(await h.db.prisma.loginThrottle.findUnique({ where: { key: 'account:reviewer02' } })).toMatchObject({
      lockouts: 1,
      failures: [],
    });
  } finally {
    await new Promise((r) => other.close(r));
  }
});

test('an unknown username takes as long as a wrong password', async () => {
  const time = async (username: string) => {
    const start = performance.now();
    expect((await login(username, 'some-wrong-password')).status).toBe(401);
    return performance.now() - start;
  };
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const unknown: number[] = [];
  const known: number[] = [];
  for (let i = 0; i < 3; i++) {
    unknown.push(await time(`nobody-${i}`));
    known.push(await time(['head01', 'head02', 'reviewer01'][i]!));
  }
  // scrypt dominates both: without it an unknown user answered in 6 ms against 78 ms.
  expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
});

test('a user changes their own password; the old one stops working, other sessions end', async () => {
  const first = (await login('m001', testPassword)).body.token as string;
  const second = (await login('m001', testPassword)).body.token as string;
  const change = (body: object) => h.api('POST', '/api/auth/password', { token: first, body });
  const weak = await change({ currentPassword: testPassword, newPassword: 'aaaaaaaa' });
  expect(weak.status).toBe(400);
  expect([...new Set(weak.body.errors.map((e: { field: string }) => e.field))]).toEqual(['body.newPassword']);
  const wrong = await change({ currentPassword: 'not-my-password', newPassword: 'a better one 2026' });
  expect(wrong.status).toBe(400);
  expect(wrong.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.currentPassword']);
  const done = await change({ currentPassword: testPassword, newPassword: 'a better one 2026' });
  expect(done.status).toBe(200);
  expect(done.body).toEqual({ changed: true, otherSessionsEnded: 1 });
  expect((await h.api('GET', '/api/me', { token: first })).status).toBe(200);
  expect((await h.api('GET', '/api/me', { token: second })).status).toBe(401);
  expect((await login('m001', testPassword)).status).toBe(401);
  expect((await login('m001', 'a better one 2026')).status).toBe(200);
  expect((await h.api('POST', '/api/auth/password', { body: {} })).status).toBe(401);
});

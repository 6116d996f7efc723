// Which errors mean "a service is unreachable, send it again" (503) rather than a fault of
// the request: taken from real failures, a database that refuses or cuts the connection and
// a Temporal server that is not there.
import { Connection } from '@temporalio/client';
import { isOutage } from '../api/outages';
import { openDatabase } from '../prisma/database';
import { openSharedTestDatabase } from './support/database';
import { freePort } from './support/processes';

const failureOf = async (run: () => Promise<unknown>) => {
  try {
    await run();
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
};

test('a database nobody listens on, a cut connection and an absent Temporal are outages', async () => {
  const port = await freePort();
  const absent = await openDatabase({ kind: 'postgres', url: `postgresql://postgres@127.0.0.1:${port}/none` });
  expect(isOutage(await failureOf(() => absent.prisma.user.count()))).toBe(true);
  await absent.close();

  const db = await openSharedTestDatabase();
  try {
    expect(await db.prisma.user.count()).toBe(0);
    const cut = db.interrupt(1500);
    await new Promise((r) => setTimeout(r, 300));
    expect(isOutage(await failureOf(() => db.prisma.user.count()))).toBe(true);
    await cut;
    // And back: the pool opens new connections.
    expect(await db.prisma.user.count()).toBe(0);
    // The request's own faults are not outages.
    expect(isOutage(await failureOf(() => db.prisma.user.create({ data: { username: 'x' } as never })))).toBe(false);
  } finally {
    await db.close();
  }

  const temporal = await failureOf(() => Connection.connect({ address: `127.0.0.1:${port}`, connectTimeout: '500ms' }));
  expect(isOutage(temporal)).toBe(true);
  expect(isOutage(new Error('Unique constraint failed on the fields: (`username`)'))).toBe(false);
  expect(isOutage(undefined)).toBe(false);
});

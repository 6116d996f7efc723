// /api/health says the process answers; /api/ready says whether the database, Temporal and
// the SMTP server answer, naming the one that does not (503), as a load balancer needs.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../api/app';
import { listen } from '../api/server';
import { openDatabase } from '../prisma/database';
import { taskQueue } from '../workflows/taskQueue';
import { startHarness, type Harness } from './support/harness';
import { freePort } from './support/processes';

let h: Harness;
const servers: Server[] = [];
beforeAll(async () => {
  h = await startHarness({ worker: false });
});
afterAll(async () => {
  for (const s of servers) await new Promise((r) => s.close(r));
  await h?.close();
});

async function serve(ctx: Parameters<typeof createApp>[0]) {
  const server = await listen(createApp(ctx), 0, '127.0.0.1');
  servers.push(server);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return async (path: string) => {
    const res = await fetch(`${url}${path}`);
    return { status: res.status, body: (await res.json()) as { status: string; checks?: Record<string, string> } };
  };
}

test('ready when every service answers; not ready, naming it, when one does not', async () => {
  const base = { prisma: h.db.prisma, temporal: h.env.client, taskQueue, sessionTtlHours: 12 };
  const all = await serve({ ...base, smtpUrl: `smtp://127.0.0.1:${h.smtp.port}` });
  expect(await all('/api/ready')).toEqual({
    status: 200,
    body: { status: 'ready', checks: { database: 'ok', temporal: 'ok', smtp: 'ok' } },
  });
  expect(await all('/api/health')).toEqual({ status: 200, body: { status: 'ok' } });

  // No mail server where it should be.
  const noMail = await serve({ ...base, smtpUrl: `smtp://127.0.0.1:${await freePort()}` });
  const mailDown = await noMail('/api/ready');
  expect(mailDown.status).toBe(503);
  expect(mailDown.body.checks).toMatchObject({
    database: 'ok',
    temporal: 'ok',
    smtp: expect.stringMatching(/^unreachable: .*ECONNREFUSED/),
  });

  // No database, no Temporal: the process is alive, not ready.
  const absentDb = await openDatabase({
    kind: 'postgres',
    url: `postgresql://postgres@127.0.0.1:${await freePort()}/x`,
  });
  const absentTemporal = new Client({ connection: Connection.lazy({ address: `127.0.0.1:${await freePort()}` }) });
  const nothing = await serve({ ...base, prisma: absentDb.prisma, temporal: absentTemporal });
  const down = await nothing('/api/ready');
  expect(down.status).toBe(503);
  expect(down.body.checks).toEqual({
    database: expect.stringMatching(/^unreachable: /),
    temporal: expect.stringMatching(/^unreachable: /),
  });
  expect(await nothing('/api/health')).toEqual({ status: 200, body: { status: 'ok' } });
  await absentDb.close();
});

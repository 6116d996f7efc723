// Measures HR's read paths (cycle status, overdue list, results) on a database a
// benchmark run left behind: DATABASE_URL=… npx tsx scripts/benchmark/readPaths.ts
// The API reads these from the database only, so no Temporal server is needed.
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../../api/app';
import { openDatabase } from '../../prisma/database';
import type { Server } from 'node:http';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('set DATABASE_URL to the database a benchmark run used');
  const db = await openDatabase({ kind: 'postgres', url }, { migrate: false, poolSize: 10 });
  const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  const app = createApp({ prisma: db.prisma, temporal, taskQueue: 'unused', sessionTtlHours: 1 });
  const server = await new Promise<Server>((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'hr', password: 'bench-password' }),
  });
  const { token } = (await login.json()) as { token: string };
  const cycle = await db.prisma.cycle.findFirstOrThrow({ orderBy: { openedAt: 'desc' } });
  const managers = await db.prisma.evaluation.count({ where: { cycleId: cycle.id } });
  for (const path of ['status', 'overdue', 'results', 'results?format=csv']) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 10; i++) {
      const start = performance.now();
      const res = await fetch(`${base}/api/cycles/${cycle.id}/${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      bytes = (await res.arrayBuffer()).byteLength;
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(
      `${`GET /api/cycles/:id/${path}`.padEnd(42)} median ${times[5]!.toFixed(0)} ms   max ${times[9]!.toFixed(0)} ms   ${(bytes / 1024).toFixed(0)} KiB   (${managers} managers)`,
    );
  }
  server.close();
  await db.close();
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

// Liveness and readiness for a process supervisor or a load balancer: /api/health says the
// process answers; /api/ready says whether what a request needs is reachable (the database,
// Temporal, the SMTP server), each within two seconds, so a router sends no traffic to an
// API that would only answer 503.
import net from 'node:net';
import type { Express } from 'express';
import type { ApiContext } from './context';

const checkTimeoutMs = 2000;

type Check = () => Promise<void>;

function within<T>(ms: number, run: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    run,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** An SMTP server answers when it accepts a connection and greets (220). */
function smtpGreets(url: string): Promise<void> {
  const { hostname, port, protocol } = new URL(url);
  const socket = net.connect(Number(port || (protocol === 'smtps:' ? 465 : 25)), hostname);
  return new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('data', (d) => (String(d).startsWith('220') ? resolve() : reject(new Error(String(d).trim()))));
  }).finally(() => socket.destroy());
}

export function mountReadiness(app: Express, ctx: ApiContext): void {
  app.get('/api/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/api/ready', async (_req, res) => {
    const checks: Record<string, Check> = {
      database: async () => {
        await ctx.prisma.$queryRaw`SELECT 1`;
      },
      temporal: async () => {
        await ctx.temporal.workflowService.getSystemInfo({});
      },
      ...(ctx.smtpUrl ? { smtp: () => smtpGreets(ctx.smtpUrl!) } : {}),
    };
    const results = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await within(checkTimeoutMs, check());
          return [name, 'ok'] as const;
        } catch (err) {
          return [name, `unreachable: ${err instanceof Error ? err.message : String(err)}`.slice(0, 300)] as const;
        }
      }),
    );
    const ready = results.every(([, r]) => r === 'ok');
    res
      .status(ready ? 200 : 503)
      .type(ready ? 'application/json' : 'application/problem+json')
      .json({
        ...(ready ? {} : { type: 'https://kaoping.dev/problems/not_ready', title: 'Not ready', status: 503 }),
        status: ready ? 'ready' : 'not ready',
        checks: Object.fromEntries(results),
      });
  });
}

// Prometheus metrics at /metrics: each request's latency and status by route, and on every
// scrape what operations watches (mails not yet sent, open incidents, open and overdue
// tasks), plus the process's own (memory, event-loop lag). The worker's Temporal metrics
// come from the SDK's own exporter (WORKER_METRICS_ADDRESS, see docs/operations.md).
import { timingSafeEqual } from 'node:crypto';
import type { Express, NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PrismaClient } from '../prisma/database';
import { routeOf } from './log';

export interface MetricsOptions {
  /** A bearer token Prometheus sends; without one, only this machine (loopback) may scrape. */
  token?: string;
}

const loopback = /^(127\.|::1$|::ffff:127\.)/;

function allowed(req: Request, token: string | undefined): boolean {
  if (!token) return loopback.test(req.socket.remoteAddress ?? '');
  const given = Buffer.from((req.headers.authorization ?? '').replace(/^Bearer /, ''));
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export function mountMetrics(app: Express, prisma: PrismaClient, options: MetricsOptions = {}): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'kaoping_' });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'kaoping_http_requests_total',
    help: 'HTTP requests answered',
    labelNames,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'kaoping_http_request_duration_seconds',
    help: 'Time to answer an HTTP request',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const gauge = (name: string, help: string, read: () => Promise<number>) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        this.set(await read());
      },
    });
  gauge('kaoping_outbox_backlog', 'Mails in the outbox not yet sent', () =>
    prisma.notificationOutbox.count({ where: { status: { not: 'SENT' } } }),
  );
  gauge('kaoping_incidents_open', 'Incidents waiting for a retry (open or retrying)', () =>
    prisma.incident.count({ where: { status: { in: ['OPEN', 'RETRYING'] } } }),
  );
  gauge('kaoping_tasks_open', 'Human tasks open', () => prisma.task.count({ where: { status: 'OPEN' } }));
  gauge('kaoping_tasks_overdue', 'Human tasks open past their due time', () =>
    prisma.task.count({ where: { status: 'OPEN', dueAt: { lt: new Date() } } }),
  );

  app.use((req: Request, res: Response, next: NextFunction) => {
    const end = latency.startTimer();
    res.once('finish', () => {
      const labels = { method: req.method, route: routeOf(req), status: String(res.statusCode) };
      end(labels);
      requests.inc(labels);
    });
    next();
  });
  app.get('/metrics', async (req, res) => {
    if (!allowed(req, options.token)) {
      res
        .status(options.token ? 401 : 403)
        .type('text')
        .send('metrics: not for this client');
      return;
    }
    res.type(registry.contentType).send(await registry.metrics());
  });
}

// Structured logs (JSON lines, pino): every request once, with its request id (X-Request-Id,
// taken from a proxy or made here), route, status, time and user; errors with the same id.
// The worker's lines carry the workflow's and activity's ids (activities/log.ts).
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export function createLog(name: string, level: LogLevel = 'info'): Logger {
  return pino({ name, level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });
}

/** Before anything logs for a request: the default for code that has no logger of its own. */
export const fallbackLog = createLog('api', 'info');

/** The route a request matched (/api/tasks/:id), never its raw path: logs and metrics group by it. */
export function routeOf(req: Request): string {
  const route = (req as Request & { route?: { path?: string } }).route?.path;
  if (typeof route !== 'string') return 'unmatched';
  // The router's base (/api) is gone from req.baseUrl once the answer is sent.
  return req.originalUrl.startsWith('/api/') && !route.startsWith('/api') ? `/api${route}` : route;
}

const requestIdPattern = /^[\w.-]{8,100}$/;

/** The request's logger (a child carrying its id), for handlers that log. */
export const logOf = (res: Response): Logger => (res.locals.log as Logger | undefined) ?? fallbackLog;

export function requestLog(log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const given = req.headers['x-request-id'];
    const reqId = typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    res.set('X-Request-Id', reqId);
    res.locals.log = log.child({ reqId });
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const actor = (req as Request & { actor?: { id: string } }).actor?.id;
      const line = {
        method: req.method,
        route: routeOf(req),
        path: req.path,
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
        ...(actor ? { userId: actor } : {}),
      };
      logOf(res)[res.statusCode >= 500 ? 'error' : 'info'](line, 'request');
    });
    next();
  };
}

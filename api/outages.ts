// A request that fails because the database or Temporal cannot be reached (a restart, a
// dropped connection, a full pool) answers 503 with Retry-After: the client sends it again,
// and submissions are idempotent. Only errors of the connection, never of the request.

/** Error codes of a connection that is down or was cut (Node, PostgreSQL, Prisma). */
const outageCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  '57P01', // admin_shutdown: terminating connection due to administrator command
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the database system is starting up
  '53300', // too_many_connections
  'P1001', // can't reach database server
  'P1002', // database server timed out
  'P1008', // operations timed out
  'P1017', // server has closed the connection
  'P2024', // timed out fetching a new connection from the pool
]);

const outageMessage =
  /Connection terminated|Connection refused|server closed the connection|Can't reach database|Timed out fetching a new connection|terminating connection due to administrator command|is not currently accepting connections|the database system is (starting up|shutting down|in recovery mode)|Client has encountered a connection error|Failed to connect before the deadline|\b14 UNAVAILABLE\b|\b4 DEADLINE_EXCEEDED\b/i;

/** gRPC status codes of Temporal being unreachable: UNAVAILABLE, DEADLINE_EXCEEDED. */
const grpcOutage = new Set([14, 4]);

/** Whether `err` (or an error it wraps) says a service is unreachable rather than the request wrong. */
export function isOutage(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 6) return false;
  const e = err as { code?: unknown; message?: unknown; name?: unknown; cause?: unknown; originalCode?: unknown };
  if (e.name === 'PrismaClientInitializationError') return true;
  if (typeof e.code === 'string' && outageCodes.has(e.code)) return true;
  if (typeof e.originalCode === 'string' && outageCodes.has(e.originalCode)) return true;
  if (typeof e.code === 'number' && grpcOutage.has(e.code) && e.name !== 'HttpProblem') return true;
  if (typeof e.message === 'string' && outageMessage.test(e.message)) return true;
  return isOutage(e.cause, depth + 1);
}

// Configuration comes only from environment variables, parsed by Zod at start-up.
import { z } from 'zod';
import { logLevels } from '../api/log';

const common = {
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('kaoping'),
  MAIL_FROM: z.string().min(3).default('考评系统 Kaoping <noreply@kaoping.local>'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  /** Open cycles on their calendar (Temporal Schedules), created by the worker at start. */
  CALENDAR_SCHEDULES: z.enum(['on', 'off']).default('on'),
  /** How much the processes log (JSON lines on stdout): info in production, warn for npm start. */
  LOG_LEVEL: z.enum(logLevels).optional(),
  /** Bearer token Prometheus sends to /metrics; unset: only this machine may scrape. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** host:port where the worker serves Temporal's own metrics (Prometheus); unset: none. */
  WORKER_METRICS_ADDRESS: z
    .string()
    .regex(/^[\w.:[\]-]+:\d+$/)
    .optional(),
  /** Connections to PostgreSQL per process. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /** Activities a worker runs at once: about the pool size, so none waits long for a connection. */
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).max(1000).default(20),
  /** Workflows a worker keeps in memory (sticky execution); 0 turns the cache off. */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).optional(),
  /** `false` runs each cached workflow in its own V8 context (more memory; see the README's benchmark notes). */
  WORKER_REUSE_V8_CONTEXT: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
};

/** `npm start`: everything not given is embedded (Temporal dev server, PGlite, mail catcher). */
export const embeddedConfigSchema = z.object({
  ...common,
  /** The interface the API listens on: this machine only, unless said otherwise (0.0.0.0: all). */
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: z.url().optional(),
  TEMPORAL_ADDRESS: z.string().min(3).optional(),
  TEMPORAL_PORT: z.coerce.number().int().min(1).max(65535).default(7233),
  TEMPORAL_UI_PORT: z.coerce.number().int().min(1).max(65535).default(8233),
  SMTP_URL: z.url().optional(),
  MAIL_CATCHER_PORT: z.coerce.number().int().min(1).max(65535).default(1025),
});

/** Production processes (`api`, `worker`): every service is named. */
export const productionConfigSchema = z.object({
  ...common,
  /** In a container the API is reached from outside it. */
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.url(),
  TEMPORAL_ADDRESS: z.string().min(3),
  SMTP_URL: z.url(),
});

export type EmbeddedConfig = z.infer<typeof embeddedConfigSchema>;
export type ProductionConfig = z.infer<typeof productionConfigSchema>;

/** Parses the environment or exits with one line per missing or bad variable. */
export function loadConfig<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv = process.env): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (i) => `  ${i.path.join('.')}: ${env[String(i.path[0])] === undefined ? 'missing' : i.message}`,
  );
  console.error(`Configuration error (environment variables):\n${lines.join('\n')}`);
  process.exit(2);
}

/** The worker's Temporal metrics, served for Prometheus at http://<address>/metrics when an address is given. */
export function workerTelemetry(address: string | undefined) {
  return address ? { telemetryOptions: { metrics: { prometheus: { bindAddress: address } } } } : {};
}

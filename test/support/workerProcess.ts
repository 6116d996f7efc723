// The production worker entry (scripts/worker.ts) as a child process, to be killed
// with SIGKILL and started again, as a crash would.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { taskQueue } from '../../workflows/taskQueue';
import { publicUrl, type Harness } from './harness';

export interface WorkerProcess {
  start(): Promise<void>;
  kill(): Promise<void>;
  running(): boolean;
}

export function workerProcess(h: () => Harness, dbUrl: () => string): WorkerProcess {
  let child: ChildProcess | undefined;
  let log = '';
  return {
    running: () => !!child,
    async start() {
      const proc = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(__dirname, '..', '..', 'scripts', 'worker.ts')],
        {
          cwd: path.join(__dirname, '..', '..'),
          env: {
            ...process.env,
            DATABASE_URL: dbUrl(),
            TEMPORAL_ADDRESS: h().env.address,
            SMTP_URL: `smtp://127.0.0.1:${h().smtp.port}`,
            TEMPORAL_TASK_QUEUE: taskQueue,
            PUBLIC_URL: publicUrl,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      child = proc;
      log = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`worker did not start:\n${log}`)), 60_000);
        const onData = (d: Buffer) => {
          log += d.toString();
          if (log.includes('[worker] polling')) {
            clearTimeout(timer);
            resolve();
          }
        };
        proc.stdout.on('data', onData);
        proc.stderr.on('data', onData);
        proc.once('exit', (code) => {
          clearTimeout(timer);
          if (!log.includes('[worker] polling')) reject(new Error(`worker exited ${code}:\n${log}`));
        });
      });
    },
    kill() {
      const proc = child!;
      child = undefined;
      return new Promise((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGKILL');
      });
    },
  };
}

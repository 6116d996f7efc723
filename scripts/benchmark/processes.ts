// Worker processes for the benchmark: spawned, started again if one dies (counted), and
// their resident memory sampled every second from /proc, so the summary gives the peak.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

export interface WorkerPool {
  readonly restarts: number;
  /** The largest resident set any one of the processes reached, in MiB. */
  readonly peakRssMb: number;
  /** The largest resident set of any one process, per second since the pool started (MiB). */
  readonly rssBySecond: number[];
  stop(): Promise<void>;
}

function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0; // gone between the sample and the read
  }
}

/** Runs `count` copies of `args` (a node command line); `name` labels their lines in the log. */
export function startWorkerPool(name: string, count: number, args: string[], env: NodeJS.ProcessEnv): WorkerPool {
  let restarts = 0;
  let peakRssMb = 0;
  const rssBySecond: number[] = [];
  let stopping = false;
  const children: (ChildProcess | undefined)[] = [];
  const start = (i: number) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children[i] = child;
    child.once('exit', (code, signal) => {
      if (stopping) return;
      restarts++;
      console.log(`[bench] ${name} worker ${i} exited (${code ?? signal}); starting it again (${restarts})`);
      start(i);
    });
  };
  for (let i = 0; i < count; i++) start(i);
  const sampler = setInterval(() => {
    const now = Math.max(0, ...children.map((c) => (c?.pid ? rssMb(c.pid) : 0)));
    rssBySecond.push(Math.round(now));
    peakRssMb = Math.max(peakRssMb, now);
  }, 1000);
  return {
    get restarts() {
      return restarts;
    },
    get peakRssMb() {
      return Math.round(peakRssMb);
    },
    rssBySecond,
    async stop() {
      stopping = true;
      clearInterval(sampler);
      await Promise.all(
        children.map(
          (c) =>
            new Promise<void>((resolve) => {
              if (!c || c.exitCode !== null || c.signalCode !== null) return resolve();
              const force = setTimeout(() => c.kill('SIGKILL'), 30_000);
              c.once('exit', () => {
                clearTimeout(force);
                resolve();
              });
              c.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

// CPU time by process while the cycle runs, read from /proc: on a saturated machine the
// question is which process the cores went to (the system under test, Temporal, the
// database or the load generator itself).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** Which part of the run a process belongs to, by its command line; undefined: not ours. */
function groupOf(pid: number, cmdline: string, comm: string): string | undefined {
  if (pid === process.pid) return 'benchmark';
  if (cmdline.includes('start-dev')) return 'Temporal';
  if (comm === 'postgres') return 'PostgreSQL';
  if (cmdline.includes('scripts/worker.ts')) return 'worker';
  if (cmdline.includes('scripts/api.ts')) return 'API';
  if (cmdline.includes('floorWorker.ts')) return 'floor worker';
  return undefined;
}

const read = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return ''; // the process ended between the listing and the read
  }
};

/** Seconds of CPU (user and system, every thread) used so far by each group's live processes. */
export function cpuByGroup(): Map<string, number> {
  const totals = new Map<string, number>();
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = read(`/proc/${pid}/stat`);
    const close = stat.lastIndexOf(')');
    if (close < 0) continue;
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const group = groupOf(pid, read(`/proc/${pid}/cmdline`).replace(/\0/g, ' '), comm);
    if (!group) continue;
    const fields = stat.slice(close + 2).split(' '); // fields from the third (state) on
    const seconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond; // utime, stime
    totals.set(group, (totals.get(group) ?? 0) + seconds);
  }
  return totals;
}

/** Busy seconds of the whole machine so far (all cores), from /proc/stat. */
export function machineBusySeconds(): number {
  const cpu = read('/proc/stat').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0); // idle, iowait
  return (cpu.reduce((a, b) => a + b, 0) - idle) / ticksPerSecond;
}

export interface CpuMark {
  at: number;
  groups: Map<string, number>;
  machine: number;
}

export const cpuMark = (): CpuMark => ({ at: performance.now(), groups: cpuByGroup(), machine: machineBusySeconds() });

/** "worker 61 s, Temporal 48 s, … of 2 cores × 70 s (96 % busy)" between two marks. */
export function cpuBetween(from: CpuMark, to: CpuMark, cores: number): string {
  const wall = (to.at - from.at) / 1000;
  const used = [...to.groups]
    .map(([group, s]) => [group, s - (from.groups.get(group) ?? 0)] as const)
    .filter(([, s]) => s >= 0.5)
    .sort((a, b) => b[1] - a[1])
    .map(([group, s]) => `${group} ${s.toFixed(0)} s`);
  const busy = (100 * (to.machine - from.machine)) / (wall * cores);
  return `${used.join(', ')} of ${cores} cores × ${wall.toFixed(0)} s (machine ${busy.toFixed(0)} % busy)`;
}

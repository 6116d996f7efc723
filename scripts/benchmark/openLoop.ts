// Open-loop load: requests arrive at a fixed mean rate (Poisson: exponential gaps) whatever
// the server is doing, so a slow answer does not slow the arrivals the way a closed loop
// of N clients would hide it. Each arrival's latency is recorded apart.

export interface OpenLoop {
  /** Latencies in ms of the requests that were made. */
  readonly latencies: number[];
  /** When each of those requests arrived (performance.now()), beside its latency. */
  readonly arrivals: number[];
  /** Arrivals that found nothing to do (no open task yet), and requests that failed. */
  readonly idle: number;
  readonly failures: string[];
  stop(): Promise<void>;
}

/**
 * Calls `request` at `ratePerSecond` on average. `request` answers false when it had nothing
 * to do (the arrival is counted idle, not timed); it throws on a failed request.
 */
export function openLoop(ratePerSecond: number, request: () => Promise<boolean>, seed = 1): OpenLoop {
  const latencies: number[] = [];
  const arrivals: number[] = [];
  const failures: string[] = [];
  const inFlight = new Set<Promise<void>>();
  let idle = 0;
  let running = ratePerSecond > 0;
  let timer: NodeJS.Timeout | undefined;
  // A small seeded generator, so two runs see the same arrival pattern.
  let state = seed >>> 0 || 1;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 1) / 4294967297;
  };
  const fire = () => {
    const start = performance.now();
    const p = request()
      .then((made) => {
        if (made) {
          latencies.push(performance.now() - start);
          arrivals.push(start);
        } else idle++;
      })
      .catch((err: unknown) => void failures.push(err instanceof Error ? err.message : String(err)))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  const next = () => {
    if (!running) return;
    timer = setTimeout(
      () => {
        fire();
        next();
      },
      (-Math.log(uniform()) / ratePerSecond) * 1000,
    );
  };
  next();
  return {
    latencies,
    arrivals,
    failures,
    get idle() {
      return idle;
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      await Promise.all([...inFlight]);
    },
  };
}

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** The latencies of the requests that arrived in [from, to) (performance.now() instants). */
export const arrivedBetween = (loop: Pick<OpenLoop, 'latencies' | 'arrivals'>, from: number, to: number): number[] =>
  loop.latencies.filter((_, i) => loop.arrivals[i]! >= from && loop.arrivals[i]! < to);

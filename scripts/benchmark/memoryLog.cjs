// Where a worker's resident memory is: load it into the worker with
// BENCH_WORKER_NODE_ARGS="--require ./scripts/benchmark/memoryLog.cjs" and it prints, every
// MEMORY_LOG_SECONDS (10), its RSS beside V8's heap (used / reserved), external and array buffers.
const seconds = Number(process.env.MEMORY_LOG_SECONDS ?? 10);
const started = Date.now();
const mib = (n) => Math.round(n / 2 ** 20);
setInterval(() => {
  const m = process.memoryUsage();
  const t = Math.round((Date.now() - started) / 1000);
  process.stderr.write(
    `[memory ${process.pid}] ${t} s rss ${mib(m.rss)} heap ${mib(m.heapUsed)}/${mib(m.heapTotal)} external ${mib(m.external)} buffers ${mib(m.arrayBuffers)} MiB\n`,
  );
}, seconds * 1000).unref();

// A page of work done a few at a time: enough to keep the database pool, the mail server's
// connections or the worker busy, never so many that transactions wait out their time-out.
// Plain promises, so workflow code uses it too (page steps side by side).

/** Calls `fn` on every item, at most `limit` at once; rejects with the first failure once all settled. */
export async function forEachLimit<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        await fn(item).catch((err: unknown) => void errors.push(err));
      }
    }),
  );
  if (errors.length) throw errors[0];
}

// Login throttling (登录限制): after a few wrong passwords for one account, or many from
// one address, further tries wait, each lock-out twice as long as the one before (30 s,
// 1 min, 2 min … at most 15 min). The rule, on one key's state; where the state is kept
// (the database, shared by every API process) is the API's business.

export interface ThrottleLimits {
  /** Wrong passwords per account, and per client address, before the first lock-out. */
  perAccount: number;
  perAddress: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
  firstLockMs: number;
  maxLockMs: number;
}

export const defaultThrottleLimits: ThrottleLimits = {
  perAccount: 5,
  perAddress: 30,
  windowMs: 15 * 60_000,
  firstLockMs: 30_000,
  maxLockMs: 15 * 60_000,
};

/** One account's or address's state: recent failures (ms), the lock, lock-outs so far. */
export interface ThrottleEntry {
  failures: number[];
  lockedUntil: number;
  lockouts: number;
}

export const freshEntry = (): ThrottleEntry => ({ failures: [], lockedUntil: 0, lockouts: 0 });

/** A wrong password at `now` against a key allowed `limit` failures: its next state, and whether it locks. */
export function afterFailure(
  entry: ThrottleEntry,
  now: number,
  limit: number,
  limits: ThrottleLimits = defaultThrottleLimits,
): { entry: ThrottleEntry; locked: boolean } {
  const failures = [...entry.failures.filter((f) => now - f < limits.windowMs), now];
  if (failures.length < limit) return { entry: { ...entry, failures }, locked: false };
  const lockMs = Math.min(limits.maxLockMs, limits.firstLockMs * 2 ** entry.lockouts);
  return { entry: { failures: [], lockedUntil: now + lockMs, lockouts: entry.lockouts + 1 }, locked: true };
}

/** Seconds to wait before any of these keys may try again (0: now). */
export function secondsToWait(entries: Array<Pick<ThrottleEntry, 'lockedUntil'> | undefined>, now: number): number {
  const until = Math.max(0, ...entries.map((e) => e?.lockedUntil ?? 0));
  return until > now ? Math.ceil((until - now) / 1000) : 0;
}

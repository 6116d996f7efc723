// Login throttling (登录限制): after a few wrong passwords for one account, or many from
// one address, further tries wait, each lock-out twice as long as the one before (30 s,
// 1 min, 2 min … at most 15 min). Kept in the API process's memory: every API process
// throttles on its own, and a restart forgets (the audit log keeps each lock-out).

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

interface Entry {
  failures: number[];
  lockedUntil: number;
  lockouts: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly limits: ThrottleLimits = defaultThrottleLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait before `keys` may try again (0: may try now). */
  retryAfter(keys: string[]): number {
    const t = this.now();
    const until = Math.max(0, ...keys.map((k) => this.entries.get(k)?.lockedUntil ?? 0));
    return until > t ? Math.ceil((until - t) / 1000) : 0;
  }

  /** A wrong password: returns the keys locked out by this failure. */
  failed(account: string, address: string): string[] {
    const locked: string[] = [];
    for (const [key, limit] of [
      [account, this.limits.perAccount],
      [address, this.limits.perAddress],
    ] as const) {
      const t = this.now();
      const e = this.entries.get(key) ?? { failures: [], lockedUntil: 0, lockouts: 0 };
      e.failures = [...e.failures.filter((f) => t - f < this.limits.windowMs), t];
      if (e.failures.length >= limit) {
        const lockMs = Math.min(this.limits.maxLockMs, this.limits.firstLockMs * 2 ** e.lockouts);
        e.lockedUntil = t + lockMs;
        e.lockouts++;
        e.failures = [];
        locked.push(key);
      }
      this.entries.set(key, e);
      if (this.entries.size > 100_000) this.forgetOld();
    }
    return locked;
  }

  /** The right password: the account starts afresh (the address keeps its count). */
  succeeded(account: string): void {
    this.entries.delete(account);
  }

  private forgetOld(): void {
    const t = this.now();
    for (const [k, e] of this.entries)
      if (e.lockedUntil < t && e.failures.every((f) => t - f >= this.limits.windowMs)) this.entries.delete(k);
  }
}

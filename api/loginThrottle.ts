// The login throttle's state in the database, so every API process counts the same
// failures and a restart forgets nothing (the rule itself: domain/loginThrottle).
import {
  afterFailure,
  defaultThrottleLimits,
  freshEntry,
  secondsToWait,
  type ThrottleEntry,
  type ThrottleLimits,
} from '../domain/loginThrottle';
import type { PrismaClient } from '../prisma/database';

/** Rows untouched for this long are deleted: far past any window or lock. */
const forgetAfterMs = 24 * 3600_000;

export class LoginThrottle {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly limits: ThrottleLimits = defaultThrottleLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait before `keys` may try again (0: may try now). */
  async retryAfter(keys: string[]): Promise<number> {
    const rows = await this.prisma.loginThrottle.findMany({
      where: { key: { in: keys } },
      select: { lockedUntil: true },
    });
    return secondsToWait(
      rows.map((r) => ({ lockedUntil: r.lockedUntil?.getTime() ?? 0 })),
      this.now(),
    );
  }

  /** A wrong password: returns the keys locked out by this failure. */
  async failed(account: string, address: string): Promise<string[]> {
    const locked: string[] = [];
    for (const [key, limit] of [
      [account, this.limits.perAccount],
      [address, this.limits.perAddress],
    ] as const) {
      if (await this.countFailure(key, limit)) locked.push(key);
    }
    await this.prisma.loginThrottle.deleteMany({ where: { updatedAt: { lt: new Date(this.now() - forgetAfterMs) } } });
    return locked;
  }

  /** The right password: the account starts afresh (the address keeps its count). */
  async succeeded(account: string): Promise<void> {
    await this.prisma.loginThrottle.deleteMany({ where: { key: account } });
  }

  /** One failure on one key, under a row lock: two processes never lose a count. */
  private countFailure(key: string, limit: number): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO "LoginThrottle" ("key", "failures", "lockouts", "updatedAt")
        VALUES (${key}, '{}', 0, now()) ON CONFLICT ("key") DO NOTHING`;
      const [row] = await tx.$queryRaw<Array<{ failures: Date[] | null; lockedUntil: Date | null; lockouts: number }>>`
        SELECT "failures", "lockedUntil", "lockouts" FROM "LoginThrottle" WHERE "key" = ${key} FOR UPDATE`;
      const entry: ThrottleEntry = row
        ? {
            failures: (row.failures ?? []).map((d) => new Date(d).getTime()),
            lockedUntil: row.lockedUntil ? new Date(row.lockedUntil).getTime() : 0,
            lockouts: row.lockouts,
          }
        : freshEntry();
      const next = afterFailure(entry, this.now(), limit, this.limits);
      await tx.loginThrottle.update({
        where: { key },
        data: {
          failures: next.entry.failures.map((t) => new Date(t)),
          lockedUntil: next.entry.lockedUntil ? new Date(next.entry.lockedUntil) : null,
          lockouts: next.entry.lockouts,
        },
      });
      return next.locked;
    });
  }
}

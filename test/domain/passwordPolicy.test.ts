import { isWeakPassword, newPasswordSchema } from '../../domain/passwordPolicy';
import { afterFailure, freshEntry, secondsToWait } from '../../domain/loginThrottle';

describe('password policy', () => {
  test('at least 10 characters, not a common or easy one, not the username', () => {
    const ok = (p: string) => newPasswordSchema().safeParse(p).success;
    expect(ok('aaaaaaaa')).toBe(false); // too short (seen accepted before)
    expect(ok('aaaaaaaaaa')).toBe(false);
    expect(ok('1234567890')).toBe(false);
    expect(ok('password123')).toBe(false);
    expect(ok('Qwertyuiop')).toBe(false);
    expect(ok('kaoping123')).toBe(false);
    expect(ok('晨跑三公里后开会')).toBe(false); // 8 characters
    expect(ok('correct horse battery')).toBe(true);
    expect(ok('县局督察2026年春季')).toBe(true);
    expect(isWeakPassword('hr01-2026!', 'hr01')).toBe(false);
    expect(isWeakPassword('inspector01x', 'inspector01')).toBe(true);
  });
});

describe('login throttle', () => {
  test('5 wrong passwords lock the account for 30 s, then 60 s; the window forgets old ones', () => {
    let entry = freshEntry();
    let now = 0;
    const fail = (limit = 5) => {
      const next = afterFailure(entry, now, limit);
      entry = next.entry;
      return next.locked;
    };
    for (let i = 0; i < 4; i++) expect(fail()).toBe(false);
    expect(fail()).toBe(true);
    expect(secondsToWait([entry, undefined], now)).toBe(30);
    now += 30_000;
    expect(secondsToWait([entry], now)).toBe(0);
    for (let i = 0; i < 4; i++) fail();
    expect(fail()).toBe(true);
    expect(secondsToWait([entry], now)).toBe(60); // twice as long
    // Four failures, then 15 minutes of quiet: they are forgotten.
    entry = freshEntry();
    for (let i = 0; i < 4; i++) fail();
    now += 15 * 60_000;
    expect(fail()).toBe(false);
    // At most 15 minutes however often.
    expect(afterFailure({ failures: [], lockedUntil: 0, lockouts: 10 }, now, 1).entry.lockedUntil - now).toBe(
      15 * 60_000,
    );
  });
});

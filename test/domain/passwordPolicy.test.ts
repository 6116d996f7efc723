import { isWeakPassword, newPasswordSchema } from '../../domain/passwordPolicy';
import { LoginThrottle } from '../../api/loginThrottle';

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
  test('5 wrong passwords lock the account for 30 s, then 60 s; the address has its own count', () => {
    let now = 0;
    const throttle = new LoginThrottle(undefined, () => now);
    for (let i = 0; i < 4; i++) expect(throttle.failed('account:a', 'address:x')).toEqual([]);
    expect(throttle.failed('account:a', 'address:x')).toEqual(['account:a']);
    expect(throttle.retryAfter(['account:a', 'address:x'])).toBe(30);
    expect(throttle.retryAfter(['account:b', 'address:y'])).toBe(0);
    now += 30_000;
    expect(throttle.retryAfter(['account:a'])).toBe(0);
    for (let i = 0; i < 5; i++) throttle.failed('account:a', 'address:x');
    expect(throttle.retryAfter(['account:a'])).toBe(60);
    throttle.succeeded('account:a');
    expect(throttle.retryAfter(['account:a'])).toBe(0);
    // 30 wrong tries from one address across accounts lock the address.
    for (let i = 0; i < 20; i++) throttle.failed(`account:u${i}`, 'address:x');
    expect(throttle.retryAfter(['account:new', 'address:x'])).toBeGreaterThan(0);
  });
});

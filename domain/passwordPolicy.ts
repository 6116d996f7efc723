// Passwords people choose (密码规则): at least 10 characters, not one of the passwords
// everyone tries first, not one character or an easy run repeated, not the username.
import { secret } from './text';

export const weakPasswordIssue = 'the password is too easy to guess';

const common = new Set([
  'password',
  'password1',
  'password12',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'qwertyuiop',
  'qwerty123',
  'qwertyuiop123',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'zaq12wsx',
  'abc123456',
  'abcd123456',
  'abcdefghij',
  'iloveyou',
  'admin123',
  'admin12345',
  'administrator',
  'welcome1',
  'woaini1314',
  'woaini520',
  '5201314520',
  'a123456789',
  'aa123456789',
  'qq123456789',
  'kaoping123',
]);
const easyRuns = ['0123456789', '9876543210', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm'];

/** True when the password is one people guess first. */
export function isWeakPassword(password: string, username?: string): boolean {
  const p = password.toLowerCase();
  if (common.has(p)) return true;
  if (new Set(p).size <= 2) return true; // aaaaaaaaaa, ababababab
  if (easyRuns.some((run) => run.includes(p) || (p.length >= 10 && run.repeat(3).includes(p)))) return true;
  return !!username && p.includes(username.toLowerCase()) && p.length - username.length < 4;
}

/** A new password: 10 to 200 characters, no control character, not weak. */
export const newPasswordSchema = () =>
  secret()
    .min(10)
    .max(200)
    .refine((p) => !isWeakPassword(p), { message: weakPasswordIssue });

// Text people type (评语、理由、姓名…): trimmed, and free of control characters, which
// PostgreSQL refuses (NUL) or which corrupt exports and mails. Every schema that takes
// text uses one of these two, so nothing reaches the database that it would refuse.
import { z } from 'zod';

/** The message of the issue, which the API turns into its zh-CN and en texts. */
export const controlCharacterIssue = 'control characters are not allowed';

// C0 controls and DEL; multi-line text keeps tab, line feed and carriage return.
/* eslint-disable no-control-regex -- matching control characters is the point */
const anyControl = /[\u0000-\u001f\u007f]/;
const controlButLineBreaks = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/* eslint-enable no-control-regex */

/** One line: a name, a code, a short reason; no control character at all. */
export const oneLine = () =>
  z
    .string()
    .trim()
    .refine((s) => !anyControl.test(s), { message: controlCharacterIssue });

/** Several lines: a comment, a summary, a plan; line breaks and tabs allowed. */
export const multiLine = () =>
  z
    .string()
    .trim()
    .refine((s) => !controlButLineBreaks.test(s), { message: controlCharacterIssue });

/** Passwords are not trimmed, but take no control character either. */
export const secret = () => z.string().refine((s) => !anyControl.test(s), { message: controlCharacterIssue });

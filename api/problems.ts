// Every error the API returns has one shape (RFC 9457 problem+json), with its
// message in Simplified Chinese or English by the request's Accept-Language.
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { languageOf, type Language } from '../domain/notifications';
import { issueNames } from '../domain/issueText';
import { isOutage } from './outages';
import { logOf } from './log';

type Text = Record<Language, string>;

/** One entry of a problem document's `errors`: the field and its message in the reader's language. */
export interface FieldError {
  field: string;
  message: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Text,
    readonly fields: FieldError[] = [],
    /** More members of the problem document (e.g. the quota numbers). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(text.en);
  }
}

export const problems = {
  badRequest: (fields: FieldError[]) =>
    new HttpProblem(
      400,
      'invalid_input',
      {
        'zh-CN': `输入有误：${fields.map((f) => f.field).join('、')}`,
        en: `Invalid input: ${fields.map((f) => f.field).join(', ')}`,
      },
      fields,
    ),
  unauthenticated: () => new HttpProblem(401, 'unauthenticated', { 'zh-CN': '请先登录', en: 'Please log in' }),
  badCredentials: () =>
    new HttpProblem(401, 'bad_credentials', { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' }),
  forbidden: (what: Text) =>
    new HttpProblem(403, 'forbidden', { 'zh-CN': `无权操作：${what['zh-CN']}`, en: `Not allowed: ${what.en}` }),
  notFound: (what: Text) =>
    new HttpProblem(404, 'not_found', { 'zh-CN': `未找到${what['zh-CN']}`, en: `${what.en} not found` }),
  conflict: (code: string, text: Text) => new HttpProblem(409, code, text),
  /** A service is unreachable for a moment: send the same request again in `seconds`. */
  unavailable: (seconds = 2) =>
    new HttpProblem(
      503,
      'unavailable',
      { 'zh-CN': '服务暂不可用，请稍后重试', en: 'Service temporarily unavailable, please retry' },
      [],
      { retryAfter: seconds },
    ),
  /** The workflow did not answer in time: send the same request again in `seconds`. */
  busy: (seconds: number) =>
    new HttpProblem(
      503,
      'busy',
      { 'zh-CN': `系统繁忙，请 ${seconds} 秒后重试`, en: `Busy: please send it again in ${seconds} s` },
      [],
      { retryAfter: seconds },
    ),
  /** Too many wrong passwords: try again in `seconds` (also the Retry-After header). */
  tooManyAttempts: (seconds: number) =>
    new HttpProblem(
      429,
      'too_many_attempts',
      {
        'zh-CN': `密码错误次数过多，请 ${seconds} 秒后再试`,
        en: `Too many wrong passwords: try again in ${seconds} s`,
      },
      [],
      { retryAfter: seconds },
    ),
};

export function requestLanguage(req: Request): Language {
  const header = req.headers['accept-language'] ?? '';
  return languageOf(/^\s*en\b/i.test(header) ? 'en' : 'zh-CN');
}

/** Parses `value` with `schema`; on failure a 400 that names each bad field. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: 'body' | 'query' | 'params',
  lang: Language = 'zh-CN',
): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw problems.badRequest(fieldErrorsOf(result.error, [where], lang));
}

/** Each issue of a failed parse as a field error, its path under `prefix` (body.rows.3.payload…). */
export function fieldErrorsOf(error: z.ZodError, prefix: string[], lang: Language): FieldError[] {
  return error.issues.map((issue) => {
    const field = [...prefix, ...issue.path.map(String)].join('.');
    return { field, message: `${field} ${issueNames(issue)[lang]}` };
  });
}

export function sendProblem(res: Response, req: Request, problem: HttpProblem): void {
  const lang = requestLanguage(req);
  if (typeof problem.extra.retryAfter === 'number') res.set('Retry-After', String(problem.extra.retryAfter));
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({
      type: `https://kaoping.dev/problems/${problem.code}`,
      title: problem.text[lang],
      status: problem.status,
      code: problem.code,
      detail: problem.fields.length ? problem.fields.map((f) => f.message).join('; ') : problem.text[lang],
      ...(problem.fields.length ? { errors: problem.fields } : {}),
      ...problem.extra,
    });
}

/**
 * The last middleware: known problems as they are; malformed JSON as 400; a service that
 * cannot be reached 503; anything else 500, logged.
 */
export function problemHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  if (err instanceof HttpProblem) return sendProblem(res, req, err);
  const e = err as { type?: string; status?: number };
  if (e?.type === 'entity.parse.failed')
    return sendProblem(
      res,
      req,
      problems.badRequest([{ field: 'body', message: 'body: malformed JSON / JSON 格式错误' }]),
    );
  if (e?.type === 'entity.too.large')
    return sendProblem(
      res,
      req,
      new HttpProblem(413, 'too_large', { 'zh-CN': '请求内容过大', en: 'Request body too large' }),
    );
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return sendProblem(res, req, new HttpProblem(e.status, 'bad_request', { 'zh-CN': '请求无效', en: 'Bad request' }));
  }
  if (isOutage(err)) {
    logOf(res).warn(
      { method: req.method, path: req.path, err: (err as Error).message },
      'a service is unreachable (503)',
    );
    return sendProblem(res, req, problems.unavailable());
  }
  logOf(res).error({ method: req.method, path: req.path, err }, 'unexpected error (500)');
  sendProblem(res, req, new HttpProblem(500, 'internal', { 'zh-CN': '服务器内部错误', en: 'Internal server error' }));
}

/** The row with this id, or a 404 naming what was looked for (an id that is not a UUID is unknown too). */
export async function findOr404<T>(id: string, what: Text, find: (id: string) => Promise<T | null>): Promise<T> {
  const row = z.uuid().safeParse(id).success ? await find(id) : null;
  if (!row) throw problems.notFound(what);
  return row;
}

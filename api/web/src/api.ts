// The JSON API as the pages call it: the session's token, the reader's language, and
// problem+json answers turned into one error type with the fields it names.
export interface FieldError {
  field: string;
  message: string;
}
export interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
  }
  get status(): number {
    return this.problem.status;
  }
}

const tokenKey = 'kaoping.token';
let language = 'zh-CN';

export const session = {
  token: (): string | null => localStorage.getItem(tokenKey),
  setToken(token: string | null): void {
    if (token) localStorage.setItem(tokenKey, token);
    else localStorage.removeItem(tokenKey);
  },
  setLanguage(lang: string): void {
    language = lang;
  },
};

/** Another tab signed out or in: every tab follows (the token lives in localStorage for the session's life). */
export function onSessionChange(listener: () => void): () => void {
  const handler = (e: StorageEvent) => {
    if (e.key === tokenKey) listener();
  };
  window.addEventListener('storage', handler);
  return () => window.removeEventListener('storage', handler);
}

let unauthorised: () => void = () => undefined;
export function onUnauthorised(listener: () => void): void {
  unauthorised = listener;
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const token = session.token();
  return { 'accept-language': language, ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra };
}

async function problemOf(res: Response): Promise<Problem> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    return { status: res.status, title: body.title ?? res.statusText, detail: body.detail, errors: body.errors };
  } catch {
    return { status: res.status, title: text || res.statusText };
  }
}

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  /**
   * keepalive: the request outlives the page (a draft saved as the tab closes);
   * idempotencyKey: the same key sent again is the same request (a double click, a retry).
   */
  options: { keepalive?: boolean; idempotencyKey?: string } = {},
): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: headers({
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
    }),
    body: body === undefined ? undefined : JSON.stringify(body),
    keepalive: options.keepalive,
  });
  if (res.status === 401 && path !== '/api/auth/login') {
    session.setToken(null);
    unauthorised();
  }
  if (!res.ok) throw new ApiError(await problemOf(res));
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** The name the API gives a file (`filename*=UTF-8''…`), e.g. a sheet named after the manager. */
function serverFileName(res: Response): string | undefined {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(res.headers.get('content-disposition') ?? '');
  try {
    return m ? decodeURIComponent(m[1]!) : undefined;
  } catch {
    return undefined;
  }
}

/** A file the API makes (CSV, XLSX, PDF), fetched with the session's token and saved under its name. */
export async function download(path: string, filename: string): Promise<void> {
  const res = await fetch(path, { headers: headers() });
  if (!res.ok) throw new ApiError(await problemOf(res));
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await res.blob());
  a.download = serverFileName(res) ?? filename;
  a.click();
  URL.revokeObjectURL(a.href);
}

/** A page the API renders (the result sheet's HTML), fetched with the session's token. */
export async function getText(path: string): Promise<string> {
  const res = await fetch(path, { headers: headers() });
  if (!res.ok) throw new ApiError(await problemOf(res));
  return res.text();
}

/** A raw body (a CSV file's bytes, whatever their encoding) posted as it is. */
export async function postText<T>(path: string, body: string | ArrayBuffer, type: string): Promise<T> {
  const res = await fetch(path, { method: 'POST', headers: headers({ 'content-type': type }), body });
  if (!res.ok) throw new ApiError(await problemOf(res));
  return (await res.json()) as T;
}

/** An API field error's text without the field path it starts with (`body.x.y 必填` → `必填`). */
export function fieldMessage(e: FieldError): string {
  return e.message.startsWith(e.field) ? e.message.slice(e.field.length).replace(/^[\s:：]+/, '') : e.message;
}

/** `body.items.0.deduction` → ['items', 0, 'deduction'], the path of an antd form field. */
export function fieldPath(field: string): (string | number)[] {
  return field
    .split('.')
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Shows an API 400's field errors next to their fields in an antd form. */
export function applyFieldErrors(
  form: { setFields: (fields: { name: (string | number)[]; errors: string[] }[]) => void },
  e: unknown,
): void {
  if (e instanceof ApiError && e.problem.errors?.length)
    form.setFields(e.problem.errors.map((f) => ({ name: fieldPath(f.field), errors: [fieldMessage(f)] })));
}

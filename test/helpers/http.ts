/** Small fetch wrappers for the API tests: runtime-agnostic, they only need a base URL. */

export interface HttpResult<T = any> {
  status: number;
  headers: Headers;
  /** Raw response text. */
  text: string;
  /** Parsed JSON body, or undefined when the body is not JSON. */
  body: T;
}

export interface ErrorBody {
  error: { code: string; message: string };
}

function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

async function toResult<T>(res: Response): Promise<HttpResult<T>> {
  const text = await res.text();
  let body: any;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

/** GET `path` (already URL-encoded where needed). */
export async function getJson<T = any>(base: string, path: string, headers: Record<string, string> = {}): Promise<HttpResult<T>> {
  return toResult<T>(await fetch(joinUrl(base, path), { headers: { accept: 'application/json', ...headers } }));
}

/** POST a value serialised with JSON.stringify, as application/json. */
export async function postJson<T = any>(base: string, path: string, value: unknown): Promise<HttpResult<T>> {
  return postRaw<T>(base, path, JSON.stringify(value));
}

/** POST an exact body text (e.g. malformed JSON or escape sequences JSON.stringify would not produce). */
export async function postRaw<T = any>(
  base: string,
  path: string,
  raw: string,
  contentType = 'application/json',
): Promise<HttpResult<T>> {
  return toResult<T>(
    await fetch(joinUrl(base, path), {
      method: 'POST',
      headers: { 'content-type': contentType, accept: 'application/json' },
      body: raw,
    }),
  );
}

/** POST /api/ask with a JSON body. */
export function ask<T = any>(base: string, body: unknown): Promise<HttpResult<T>> {
  return postJson<T>(base, '/api/ask', body);
}

export function isErrorBody(x: unknown): x is ErrorBody {
  const e = (x as ErrorBody | undefined)?.error;
  return !!e && typeof e.code === 'string' && typeof e.message === 'string';
}

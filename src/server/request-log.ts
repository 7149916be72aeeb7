import type { MiddlewareHandler } from 'hono';

export type LogSink = (entry: Record<string, unknown>) => void;
export const stdoutLog: LogSink = (entry) => console.log(JSON.stringify(entry));

/** One JSON line per request: time, request id, method, path, status, duration (never the client address). */
export function requestLog(sink: LogSink): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    sink({
      level: c.res.status >= 500 ? 'error' : c.res.status >= 400 ? 'warn' : 'info',
      time: new Date().toISOString(),
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}

import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { timeout } from 'hono/timeout';
import type { QaEngine } from '../answer/engine.js';
import type { QaStore } from '../store/types.js';
import { mountAdminRoutes } from './admin-routes.js';
import { mountAskRoutes } from './ask-routes.js';
import { mountContentRoutes } from './content-routes.js';
import { errorResponse } from './errors.js';
import type { RateLimiter } from './rate-limit.js';
import { requestLog, stdoutLog, type LogSink } from './request-log.js';
import { resourcePolicy, securityHeaders, widgetOrigins } from './security.js';
import type { ServerConfig } from './server-config.js';
import type { AssetSource } from './web-assets.js';
import { mountWebRoutes } from './web-routes.js';

/** The engine the app answers with; a getter so that a rebuilt engine can be swapped in without a restart. */
export type EngineSource = () => QaEngine;

export interface AppOptions {
  /** The question log and feedback (SQLite on Node, D1 on Workers). */
  store: QaStore;
  config: Pick<ServerConfig, 'adminToken' | 'widgetOrigins' | 'requestTimeoutMs' | 'logRequests'>;
  /** The client's address, for the rate limit and the salted hash in the log (never stored as such). */
  clientAddress: (c: Context) => string;
  /** Per-client limit on /api/ask and /api/feedback; none when absent (RATE_LIMIT_PER_MIN=0). */
  limiter?: RateLimiter;
  /** The built web pages and widget (web/dist); without it only the API is served. */
  assets?: AssetSource;
  /** Builds a new engine and swaps it in (POST /api/admin/reindex). */
  reindex?: () => Promise<Record<string, unknown>>;
  log?: LogSink;
}

/** Known paths answer other methods with 405 and an Allow header, not 404. */
const METHODS: [string, string][] = [
  ['/api/ask', 'POST'],
  ['/api/feedback', 'POST'],
  ['/api/search', 'GET'],
  ['/api/docs', 'GET'],
  ['/api/admin/stats', 'GET'],
  ['/api/admin/reindex', 'POST'],
  ['/healthz', 'GET'],
];

export function createApp(engineOf: EngineSource, options: AppOptions): Hono {
  const app = new Hono();
  const { config } = options;
  const log = options.log ?? stdoutLog;

  app.use('*', requestId());
  if (config.logRequests) app.use('*', requestLog(log));
  app.use('*', securityHeaders(), resourcePolicy());
  app.use(
    '/api/*',
    ...widgetOrigins(config.widgetOrigins),
    timeout(config.requestTimeoutMs, () => {
      const body = JSON.stringify({ error: { code: 'timeout', message: `no answer within ${config.requestTimeoutMs} ms` } });
      return new HTTPException(503, { res: new Response(body, { status: 503, headers: { 'content-type': 'application/json' } }) });
    }),
  );

  app.onError((err, c) => {
    if (err instanceof HTTPException && err.res) return err.res;
    if (err instanceof HTTPException) {
      const malformed = err.status === 400 && /json/i.test(err.message);
      return errorResponse(c, 400 <= err.status && err.status < 500 ? (err.status as 400) : 500, malformed ? 'invalid_json' : 'invalid_request', malformed ? 'request body is not valid JSON' : err.message);
    }
    log({ level: 'error', time: new Date().toISOString(), requestId: c.get('requestId'), message: String(err) });
    return errorResponse(c, 500, 'internal_error', 'internal error');
  });
  app.notFound((c) => errorResponse(c, 404, 'not_found', `no route for ${c.req.method} ${c.req.path}`));

  const limited = async (c: Context, next: () => Promise<void>) => {
    const decision = options.limiter ? await options.limiter.take(options.clientAddress(c)) : { ok: true as const };
    if (!decision.ok) {
      c.header('Retry-After', String(decision.retryAfterSec));
      return errorResponse(c, 429, 'rate_limited', `too many requests: try again in ${decision.retryAfterSec} s`);
    }
    await next();
  };

  mountContentRoutes(app, engineOf);
  mountAskRoutes(app, engineOf, { store: options.store, clientAddress: options.clientAddress, limited, log });
  mountAdminRoutes(app, { token: config.adminToken, store: options.store, ...(options.reindex ? { reindex: options.reindex } : {}) });
  if (options.assets) mountWebRoutes(app, options.assets, (id) => engineOf().byDoc.has(id), Boolean(config.adminToken));
  for (const [path, allowed] of METHODS) {
    app.on(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => m !== allowed), path, (c) => {
      c.header('Allow', allowed);
      return errorResponse(c, 405, 'method_not_allowed', `${c.req.method} is not allowed on ${path}; use ${allowed}`);
    });
  }
  return app;
}

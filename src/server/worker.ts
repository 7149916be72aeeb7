/**
 * The Cloudflare Workers entry point: the same Hono app as src/server/node.ts, with the engine loaded from the data
 * `npm run build:worker` prebuilt (no corpus parsing, no file system), the question log in D1, the rate limit,
 * web assets and dense search through bindings. Without the AI and VECTORS bindings it answers lexically, exactly as
 * the Node server does without a model.
 */
import type { ExecutionContext, ScheduledController } from '@cloudflare/workers-types/index.js';
import type { Hono } from 'hono';
// Written by `npm run build:worker` (src/cli/build-worker.ts); imported as text so the isolate parses it with JSON.parse.
import engineDataText from '../../dist/worker/engine-data.txt';
import { QaEngine, type EngineData } from '../answer/engine.js';
import { D1Store } from '../store/d1-store.js';
import { retentionCutoff } from '../store/queries.js';
import { createApp } from './app.js';
import { loadServerConfig } from './server-config.js';
import { bindingAssets, bindingLimiter, denseFromBindings, type WorkerEnv } from './worker-bindings.js';

/** The string settings the Node server reads from its environment, read here from vars and secrets. */
function configOf(env: WorkerEnv) {
  const { ADMIN_TOKEN, WIDGET_ORIGINS, REQUEST_TIMEOUT_MS, LOG_REQUESTS, RATE_LIMIT_PER_MIN, RETENTION_DAYS } = env;
  return loadServerConfig({ ADMIN_TOKEN, WIDGET_ORIGINS, REQUEST_TIMEOUT_MS, LOG_REQUESTS, RATE_LIMIT_PER_MIN, RETENTION_DAYS });
}

async function buildApp(env: WorkerEnv): Promise<Hono> {
  const config = configOf(env);
  const data = JSON.parse(engineDataText) as EngineData;
  const { dense, off } = await denseFromBindings(env);
  const engine = new QaEngine(data, dense, off);
  return createApp(() => engine, {
    store: new D1Store(env.DB),
    config,
    // Set by Cloudflare's edge for every request; a client cannot forge it there.
    clientAddress: (c) => c.req.header('cf-connecting-ip') ?? 'unknown',
    ...(env.RATE_LIMITER && config.rateLimitPerMin > 0 ? { limiter: bindingLimiter(env.RATE_LIMITER) } : {}),
    ...(env.ASSETS ? { assets: bindingAssets(env.ASSETS) } : {}),
  });
}

/** One app per isolate, built on its first request (the global scope has a tight CPU budget). */
let app: Promise<Hono> | undefined;
function appFor(env: WorkerEnv): Promise<Hono> {
  return (app ??= buildApp(env).catch((err: unknown) => {
    app = undefined;
    throw err;
  }));
}

/**
 * An app that cannot be built (a [vars] value out of range, say) answers every request with the API's error shape and
 * the reason, as 503: the request was fine, the deployment is not. It is retried on the next request.
 */
function unavailable(err: unknown): Response {
  const message = err instanceof Error ? err.message : String(err);
  console.error(JSON.stringify({ level: 'error', message: `app not built: ${message}` }));
  return Response.json({ error: { code: 'unavailable', message: `the assistant cannot start: ${message}` } }, { status: 503 });
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    let built: Hono;
    try {
      built = await appFor(env);
    } catch (err) {
      return unavailable(err);
    }
    return built.fetch(request, env, ctx);
  },

  /** The daily cron in wrangler.toml: the retention purge the Node server runs on a timer. */
  async scheduled(_controller: ScheduledController, env: WorkerEnv): Promise<void> {
    const { retentionDays } = configOf(env);
    const removed = await new D1Store(env.DB).purge(retentionCutoff(retentionDays));
    console.log(JSON.stringify({ level: 'info', message: `retention ${retentionDays} days`, ...removed }));
  },
};

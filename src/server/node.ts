import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import type { Context } from 'hono';
import type { QaEngine } from '../answer/engine.js';
import { loadEngine, type EngineOptions } from '../answer/load-engine.js';
import { DAY_MS, retentionCutoff } from '../store/queries.js';
import { SqliteStore } from '../store/sqlite-store.js';
import { createApp } from './app.js';
import { diskAssets } from './disk-assets.js';
import { MinuteWindowLimiter } from './rate-limit.js';
import type { LogSink } from './request-log.js';
import { loadServerConfig, type ServerConfig } from './server-config.js';
import type { AssetSource } from './web-assets.js';


export interface NodeServerOptions extends EngineOptions {
  port?: number;
  host?: string;
  /** Settings over the environment's (tests pass a temporary database, a token, a limit). */
  config?: Partial<ServerConfig>;
  assets?: AssetSource;
  /** Where the JSON request log lines go (default stdout). */
  requestLog?: LogSink;
}

export interface RunningServer {
  server: ServerType;
  url: string;
  /** The engine answering now (a reindex replaces it). */
  readonly engine: QaEngine;
  store: SqliteStore;
  config: ServerConfig;
  /** Builds a new engine from the corpus and index directory and swaps it in; questions in flight finish on the old one. */
  reindex(): Promise<Record<string, unknown>>;
  /** Stops accepting, lets requests in flight finish (10 s at most), then closes the database. */
  close(): Promise<void>;
}

/** The client address: the socket's peer, or the first X-Forwarded-For entry behind a trusted proxy. */
function clientAddressOf(trustProxy: boolean) {
  return (c: Context): string => {
    if (trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
      if (forwarded) return forwarded;
    }
    return getConnInfo(c).remote.address ?? 'unknown';
  };
}

/** Builds the engine (lexical always, dense when a model is present), opens the question log and serves the app on Node. */
export async function startNodeServer(opts: NodeServerOptions = {}): Promise<RunningServer> {
  const config: ServerConfig = { ...loadServerConfig(), ...opts.config };
  const log = opts.log ?? ((line: string) => console.log(line));
  let engine = await loadEngine({ ...opts, log });
  const store = new SqliteStore(config.dbPath === ':memory:' ? ':memory:' : resolve(config.dbPath));
  log(`[store] ${store.path}: WAL, ${store.applied.length ? `applied ${store.applied.join(', ')}` : 'schema up to date'}`);

  const purge = async () => {
    const removed = await store.purge(retentionCutoff(config.retentionDays));
    if (removed.questions || removed.feedback) log(`[store] retention ${config.retentionDays} days: removed ${removed.questions} questions, ${removed.feedback} ratings`);
  };
  await purge();
  const purgeTimer = setInterval(() => void purge().catch((err) => log(`[store] purge failed: ${String(err)}`)), DAY_MS);
  purgeTimer.unref();

  let rebuilding: Promise<Record<string, unknown>> | undefined;
  const reindex = () =>
    (rebuilding ??= (async () => {
      const started = Date.now();
      try {
        const next = await loadEngine({ ...opts, log });
        engine = next; // one assignment: a request reads the engine once and keeps the one it got
        const summary = { chunks: next.chunks.length, mode: next.retriever.mode, corpusHash: next.corpusHash, tookMs: Date.now() - started };
        log(`[reindex] swapped in a new engine: ${JSON.stringify(summary)}`);
        return summary;
      } finally {
        rebuilding = undefined;
      }
    })());

  const app = createApp(() => engine, {
    store,
    config,
    clientAddress: clientAddressOf(config.trustProxy),
    ...(config.rateLimitPerMin > 0 ? { limiter: new MinuteWindowLimiter(config.rateLimitPerMin) } : {}),
    assets: opts.assets ?? diskAssets(),
    reindex,
    ...(opts.requestLog ? { log: opts.requestLog } : {}),
  });
  const port = opts.port ?? config.port;
  const hostname = opts.host ?? config.host;
  const server = await new Promise<ServerType>((done) => {
    const s = serve({ fetch: app.fetch, port, hostname }, () => done(s));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${actualPort}`;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(purgeTimer);
      const http = server as Server;
      await new Promise<void>((done) => {
        const force = setTimeout(() => http.closeAllConnections?.(), 10_000);
        http.close(() => {
          clearTimeout(force);
          done();
        });
        http.closeIdleConnections?.();
      });
      await store.close();
    })());

  return {
    server,
    url,
    get engine() {
      return engine;
    },
    store,
    config,
    reindex,
    close,
  };
}

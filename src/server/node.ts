import { serve, type ServerType } from '@hono/node-server';
import { QaEngine, type EngineOptions } from '../answer/engine.js';
import { createApp, type AppOptions } from './app.js';
import { diskAssets } from './disk-assets.js';
import { loadServerConfig } from './server-config.js';

export interface RunningServer {
  server: ServerType;
  url: string;
  engine: QaEngine;
  close(): Promise<void>;
}

/** Builds the engine (lexical always, dense when a model is present) and serves the API on Node. */
export async function startNodeServer(opts: EngineOptions & AppOptions & { port?: number; host?: string } = {}): Promise<RunningServer> {
  const cfg = loadServerConfig();
  const log = opts.log ?? ((line: string) => console.log(line));
  const engine = await QaEngine.create({ ...opts, log });
  const app = createApp(() => engine, { assets: opts.assets ?? diskAssets(), ...(opts.onFeedback ? { onFeedback: opts.onFeedback } : {}) });
  const port = opts.port ?? cfg.port;
  const hostname = opts.host ?? cfg.host;
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname }, () => resolve(s));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${actualPort}`;
  return {
    server,
    url,
    engine,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

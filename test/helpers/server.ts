import { startNodeServer, type NodeServerOptions, type RunningServer } from '../../src/server/node.js';

/** A real Node server on a free loopback port: lexical, an in-memory question log, no rate limit, quiet. */
export function startTestServer(opts: NodeServerOptions = {}): Promise<RunningServer> {
  return startNodeServer({
    port: 0,
    host: '127.0.0.1',
    embed: false,
    log: () => {},
    ...opts,
    config: { dbPath: ':memory:', rateLimitPerMin: 0, logRequests: false, ...opts.config },
  });
}

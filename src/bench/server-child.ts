/**
 * The API server in its own process (forked by server-process.ts) so its RSS is not mixed with the
 * load generator's. Lexical mode, loopback, ephemeral port; the question log in memory, or in BENCH_DB_PATH. Talks to the parent over the IPC channel:
 * sends { type: 'ready', url, ... } once listening, closes on { type: 'close' } or when the parent goes away.
 */
import { performance } from 'node:perf_hooks';
import { startNodeServer } from '../server/node.js';

const running = await startNodeServer({ port: 0, host: '127.0.0.1', embed: false, log: () => {}, config: { dbPath: process.env.BENCH_DB_PATH ?? ':memory:', rateLimitPerMin: 0, logRequests: false } });
process.send?.({ type: 'ready', url: running.url, mode: running.engine.retriever.mode, readyMs: performance.now() });

let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  setTimeout(() => process.exit(0), 2_000).unref(); // keep-alive sockets must not hold the exit
  (running.server as { closeAllConnections?: () => void }).closeAllConnections?.();
  void running.close().then(() => process.exit(0));
};
process.on('message', (msg: { type?: string }) => {
  if (msg?.type === 'close') shutdown();
});
process.on('disconnect', shutdown); // parent died or exited: never linger

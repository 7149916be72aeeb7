/** `npm start`: parse the corpus, build or load the indexes, open the question log, serve the assistant. */
import { startNodeServer } from '../server/node.js';

const started = Date.now();
const running = await startNodeServer();
const retrievers = running.engine.status;
const cfg = running.config;
console.log(`[start] ${running.engine.documents.length} documents, ${running.engine.chunks.length} passages; retrieval: ${running.engine.retriever.mode}`);
console.log(`[start] lexical: ${retrievers.lexical.detail}`);
console.log(`[start] dense: ${retrievers.dense.active ? 'on' : 'off'} (${retrievers.dense.detail})`);
console.log(
  `[start] rate limit: ${cfg.rateLimitPerMin ? `${cfg.rateLimitPerMin}/min per client` : 'off'}; widget origins: ${cfg.widgetOrigins.join(', ') || 'same origin only'}; admin: ${cfg.adminToken ? 'on' : 'off (set ADMIN_TOKEN)'}`,
);
console.log(`[start] listening on ${running.url} (ready in ${Date.now() - started} ms)`);

// SIGHUP: rebuild from the corpus and index directory (after `npm run index`) and swap without downtime.
process.on('SIGHUP', () => {
  console.log('[start] SIGHUP: reindexing');
  running.reindex().catch((err) => console.error(`[start] reindex failed, still answering on the previous index: ${String(err)}`));
});

let closing = false;
const shutdown = (signal: string) => {
  if (closing) return;
  closing = true;
  console.log(`[start] ${signal}: no new connections; finishing in-flight requests, then closing the database`);
  running.close().then(
    () => {
      console.log('[start] closed cleanly');
      process.exit(0);
    },
    (err) => {
      console.error(`[start] close failed: ${String(err)}`);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

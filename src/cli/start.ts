/** `npm start`: parse the corpus, build or load the indexes, serve the assistant. */
import { startNodeServer } from '../server/node.js';

const started = Date.now();
const running = await startNodeServer();
const retrievers = running.engine.status;
console.log(`[start] ${running.engine.documents.length} documents, ${running.engine.chunks.length} passages; retrieval: ${running.engine.retriever.mode}`);
console.log(`[start] lexical: ${retrievers.lexical.detail}`);
console.log(`[start] dense: ${retrievers.dense.active ? 'on' : 'off'} (${retrievers.dense.detail})`);
console.log(`[start] listening on ${running.url} (ready in ${Date.now() - started} ms)`);

let closing = false;
const shutdown = (signal: string) => {
  if (closing) return;
  closing = true;
  console.log(`[start] ${signal}: finishing in-flight requests, then exiting`);
  running.close().then(() => process.exit(0));
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

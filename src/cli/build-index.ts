/** `npm run index`: parse the corpus, write the passages, and build the dense HNSW index when a model is present. */
import cliProgress from 'cli-progress';
import { join } from 'node:path';
import { loadEmbedConfig } from '../embed/model-config.js';
import { createDenseRetriever } from '../index/dense-retriever.js';
import { defaultIndexDir, writeFileAtomic } from '../index/manifest.js';
import { corpusHash, loadCorpus } from '../ingest/load-corpus.js';

const started = Date.now();
const indexDir = defaultIndexDir();
const documents = loadCorpus();
const chunks = documents.flatMap((d) => d.chunks);
const hash = corpusHash();
writeFileAtomic(
  join(indexDir, 'chunks.json'),
  JSON.stringify({ corpusHash: hash, builtAt: new Date().toISOString(), chunks: chunks.map((c) => ({ text: c.pageContent, metadata: c.metadata })) }),
);
const parsedMs = Date.now() - started;

const bar = new cliProgress.SingleBar({ format: 'embedding passages [{bar}] {value}/{total} ({eta}s left)', hideCursor: true }, cliProgress.Presets.shades_classic);
let barStarted = false;
const dense = await createDenseRetriever({
  cfg: loadEmbedConfig(),
  chunks,
  corpusHash: hash,
  indexDir,
  log: (line) => console.log(line),
  onProgress: (done, total) => {
    if (!barStarted) {
      bar.start(total, 0);
      barStarted = true;
    }
    bar.update(done);
  },
});
if (barStarted) bar.stop();

console.log('\nIndex summary');
for (const d of documents) {
  const kinds = new Map<string, number>();
  for (const c of d.chunks) kinds.set(c.metadata.kind, (kinds.get(c.metadata.kind) ?? 0) + 1);
  console.log(`  《${d.entry.title}》 ${d.chunks.length} passages (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}), ${d.sections.length} sections`);
}
console.log(`  passages written to ${join(indexDir, 'chunks.json')} in ${parsedMs} ms (corpus ${hash.slice(0, 12)})`);
if ('unavailable' in dense) console.log(`  dense index: not built — ${dense.unavailable}\n  the assistant answers with the lexical retriever (BM25), which needs no model`);
else console.log(`  dense index: ${dense.indexAction} with ${dense.modelId}, ${dense.index.size} vectors in ${indexDir}`);
console.log(`  total ${Date.now() - started} ms`);

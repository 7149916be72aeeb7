/**
 * Times the work of `npm run index` in-process: parse the corpus, write chunks.json, build the lexical
 * index (which `npm start` builds at start-up). Writes go to a scratch directory under .tmp/, never to
 * index/, so a bench run cannot disturb a served index or another engineer's build.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RetrieverStatus } from '../answer/engine.js';
import { createDenseRetriever } from '../index/dense-retriever.js';
import { buildLexicalIndex } from '../index/lexical-index.js';
import { writeFileAtomic } from '../index/manifest.js';
import { corpusHash, loadCorpus } from '../ingest/load-corpus.js';
import type { Chunk } from '../ingest/types.js';
import { loadEmbedConfig } from '../embed/model-config.js';

export interface BuildTiming {
  parseMs: number;
  writeMs: number;
  lexicalMs: number;
  totalMs: number;
  chunks: number;
}

export function buildOnce(scratchDir: string): BuildTiming {
  const t0 = performance.now();
  const documents = loadCorpus();
  const chunks: Chunk[] = documents.flatMap((d) => d.chunks);
  const hash = corpusHash();
  const t1 = performance.now();
  writeFileAtomic(
    join(scratchDir, 'chunks.json'),
    JSON.stringify({ corpusHash: hash, builtAt: new Date().toISOString(), chunks: chunks.map((c) => ({ text: c.pageContent, metadata: c.metadata })) }),
  );
  const t2 = performance.now();
  buildLexicalIndex(chunks);
  const t3 = performance.now();
  return { parseMs: t1 - t0, writeMs: t2 - t1, lexicalMs: t3 - t2, totalMs: t3 - t0, chunks: chunks.length };
}

export type DenseBuild = { available: true; ms: number; vectors: number; modelId: string } | { available: false; reason: string };

/**
 * Dense build time only when a model is on disk (`dense` is an engine's status.dense, e.g. from the
 * default-config cold start). Builds into an empty scratch directory so the HNSW index is really built, not loaded.
 */
export async function timeDenseBuild(dense: RetrieverStatus['dense'], chunks: readonly Chunk[], hash: string, scratchDir: string): Promise<DenseBuild> {
  if (!dense.active) return { available: false, reason: dense.detail };
  const dir = join(scratchDir, 'dense');
  rmSync(dir, { recursive: true, force: true });
  const t0 = performance.now();
  const made = await createDenseRetriever({ cfg: loadEmbedConfig(process.env, { allowRemote: false }), chunks, corpusHash: hash, indexDir: dir });
  const ms = performance.now() - t0;
  if ('unavailable' in made) return { available: false, reason: made.unavailable };
  return { available: true, ms, vectors: made.index.size, modelId: made.modelId };
}

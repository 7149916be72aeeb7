/** Builds the engine on Node: parses corpus/, indexes it, and adds the dense retriever when a model is present. */
import { loadEmbedConfig, type EmbedConfig } from '../embed/model-config.js';
import { createDenseRetriever } from '../index/dense-retriever.js';
import { buildLexicalIndex } from '../index/lexical-index.js';
import { corpusHash, loadCorpus } from '../ingest/load-corpus.js';
import { QaEngine, type DenseOption, type EngineData, type RetrieverStatus } from './engine.js';

export interface EngineOptions {
  corpusDir?: string;
  indexDir?: string;
  /** Embedding model settings; `false` runs lexical only without looking for a model. */
  embed?: EmbedConfig | false;
  log?: (line: string) => void;
  /** Rank by the embedding alone (an evaluation baseline; needs a model). */
  denseOnly?: boolean;
}

/** The parsed corpus and its lexical index: what the Worker bundle carries prebuilt. */
export function buildEngineData(corpusDir?: string): EngineData {
  const documents = loadCorpus(corpusDir);
  return { corpusHash: corpusHash(corpusDir), documents, lexical: buildLexicalIndex(documents.flatMap((d) => d.chunks)) };
}

export async function loadEngine(opts: EngineOptions = {}): Promise<QaEngine> {
  const log = opts.log ?? (() => {});
  const data = buildEngineData(opts.corpusDir);
  if (opts.embed === false) return new QaEngine(data);

  const cfg = opts.embed ?? loadEmbedConfig();
  const chunks = data.documents.flatMap((d) => d.chunks);
  const made = await createDenseRetriever({ cfg, chunks, corpusHash: data.corpusHash, indexDir: opts.indexDir, log });
  if ('unavailable' in made) {
    log(`[engine] dense retrieval off: ${made.unavailable}`);
    const off: RetrieverStatus['dense'] = { active: false, modelId: cfg.modelId, detail: made.unavailable };
    return new QaEngine(data, undefined, off);
  }
  const dense: DenseOption = {
    search: { modelId: made.modelId, search: (q, k) => made.search(q, k) },
    status: { active: true, modelId: made.modelId, detail: `HNSW index ${made.indexAction}, ${made.index.size} vectors` },
    only: opts.denseOnly === true,
  };
  return new QaEngine(data, dense);
}

/** Question → nearest chunks, or a reason why dense retrieval is unavailable (the caller then falls back to lexical). */
import { errorMessage, isEmbedderUnavailable, loadEmbedder, type Embedder, type EmbedProgress } from '../embed/embedder.js';
import { loadEmbedConfig, type EmbedConfig } from '../embed/model-config.js';
import type { Chunk } from '../ingest/types.js';
import { loadOrBuildDenseIndex, type DenseHit, type DenseIndex } from './dense-index.js';

export interface DenseRetriever {
  modelId: string;
  index: DenseIndex;
  /** 'loaded' from disk or freshly 'built'. */
  indexAction: 'loaded' | 'built';
  search(question: string, k: number): Promise<DenseHit[]>;
}

export interface CreateDenseRetrieverOptions {
  /** Used to load the embedder when none is given. Default: loadEmbedConfig() from the environment. */
  cfg?: EmbedConfig;
  embedder?: Embedder;
  chunks: readonly Chunk[];
  corpusHash: string;
  indexDir?: string;
  onProgress?: EmbedProgress;
  log?: (line: string) => void;
}

/** Never throws: a missing model, bad config or failed build becomes `{ unavailable: reason }`. */
export async function createDenseRetriever(
  opts: CreateDenseRetrieverOptions,
): Promise<DenseRetriever | { unavailable: string }> {
  try {
    let embedder = opts.embedder;
    if (!embedder) {
      const loaded = await loadEmbedder(opts.cfg ?? loadEmbedConfig());
      if (isEmbedderUnavailable(loaded)) return loaded;
      embedder = loaded;
    }
    const { index, action } = await loadOrBuildDenseIndex({
      embedder,
      chunks: opts.chunks,
      corpusHash: opts.corpusHash,
      indexDir: opts.indexDir,
      onProgress: opts.onProgress,
      log: opts.log,
    });
    const queryEmbedder = embedder;
    return {
      modelId: embedder.modelId,
      index,
      indexAction: action,
      async search(question, k) {
        const [vector] = await queryEmbedder.embedQueries([question]);
        return index.search(vector, k);
      },
    };
  } catch (err) {
    return { unavailable: `dense index could not be prepared: ${errorMessage(err)}` };
  }
}

/** Sentence embeddings with a local transformers.js feature-extraction model (mean pooling + L2 norm). */
import fs from 'node:fs';
import path from 'node:path';
import { modelDirOf, requiredModelFiles, type EmbedConfig } from './model-config.js';

export type EmbedProgress = (done: number, total: number) => void;

export interface Embedder {
  modelId: string;
  dimension: number;
  /** Questions: the config's queryPrefix is prepended. Vectors are unit length. */
  embedQueries(texts: string[]): Promise<Float32Array[]>;
  /** Passages: the config's passagePrefix is prepended; embedded in batches, onProgress after each batch. */
  embedPassages(texts: string[], onProgress?: EmbedProgress): Promise<Float32Array[]>;
  dispose(): Promise<void>;
}

export interface EmbedderUnavailable {
  unavailable: string;
}

/** The slice of transformers.js' FeatureExtractionPipeline we use (its published typings are loose). */
interface FeatureExtractor {
  (texts: string[], options: { pooling: 'mean'; normalize: boolean }): Promise<{ data: Float32Array; dims: number[] }>;
  dispose(): Promise<void>;
}

/**
 * transformers.js keeps its settings in one global `env`; every load/download goes through here so
 * local reads and downloads use the same `<modelsDir>/<modelId>/...` layout.
 */
export async function configureTransformersEnv(cfg: EmbedConfig, allowRemote: boolean): Promise<typeof import('@xenova/transformers')> {
  // Imported on demand: transformers.js and onnxruntime cost ~45 MB of memory that a lexical-only server never needs.
  const transformers = await import('@xenova/transformers');
  const { env } = transformers;
  env.localModelPath = cfg.modelsDir;
  env.allowLocalModels = true;
  env.allowRemoteModels = allowRemote;
  env.remoteHost = cfg.remoteHost;
  // Downloads are cached under cacheDir/<modelId>/<file>: the same path localModelPath resolves.
  env.cacheDir = cfg.modelsDir;
  env.useFSCache = true;
  return transformers;
}

/** Relative paths of required model files that are not on disk (empty when the model is complete). */
export function missingModelFiles(cfg: EmbedConfig): string[] {
  const dir = modelDirOf(cfg);
  return requiredModelFiles(cfg).filter((rel) => {
    try {
      return !fs.statSync(path.join(dir, rel)).isFile();
    } catch {
      return true;
    }
  });
}

export function isEmbedderUnavailable(x: Embedder | EmbedderUnavailable): x is EmbedderUnavailable {
  return 'unavailable' in x;
}

/**
 * Loads the configured model from disk. Never throws for a missing or broken model: returns
 * `{ unavailable: reason }` instead, and checks the files first so it never waits on the network
 * unless cfg.allowRemote is set.
 */
export async function loadEmbedder(cfg: EmbedConfig): Promise<Embedder | EmbedderUnavailable> {
  if (cfg.disabled) return { unavailable: 'dense retrieval disabled by EMBED_DISABLED' };

  const missing = missingModelFiles(cfg);
  if (missing.length > 0 && !cfg.allowRemote) {
    const dir = modelDirOf(cfg);
    const what = missing.length === requiredModelFiles(cfg).length ? 'not found' : `incomplete (missing ${missing.join(', ')})`;
    return {
      unavailable:
        `model ${cfg.modelId} ${what} in ${cfg.modelsDir} (expected files under ${dir}; ` +
        'run npm run model:download where a network is available)',
    };
  }

  let extractor: FeatureExtractor;
  try {
    const { pipeline } = await configureTransformersEnv(cfg, cfg.allowRemote);
    extractor = (await pipeline('feature-extraction', cfg.modelId, {
      quantized: cfg.quantized,
      local_files_only: !cfg.allowRemote,
    })) as unknown as FeatureExtractor;
  } catch (err) {
    return { unavailable: `model ${cfg.modelId} in ${cfg.modelsDir} failed to load: ${errorMessage(err)}` };
  }

  const embedBatch = async (texts: string[]): Promise<Float32Array[]> => {
    const out = await extractor(texts, { pooling: 'mean', normalize: true });
    const dim = out.dims[out.dims.length - 1];
    // Copy rows so callers don't keep the whole batch tensor alive.
    return texts.map((_, i) => Float32Array.from(out.data.subarray(i * dim, (i + 1) * dim)));
  };

  const embedAll = async (texts: string[], prefix: string, onProgress?: EmbedProgress) => {
    const vectors: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += cfg.batchSize) {
      const batch = texts.slice(i, i + cfg.batchSize).map((t) => prefix + t);
      vectors.push(...(await embedBatch(batch)));
      onProgress?.(vectors.length, texts.length);
    }
    return vectors;
  };

  let dimension: number;
  try {
    // Probe once: the output width is the truth, whatever config.json claims.
    dimension = (await embedBatch([`${cfg.passagePrefix}武进`]))[0].length;
  } catch (err) {
    await extractor.dispose().catch(() => {});
    return { unavailable: `model ${cfg.modelId} in ${cfg.modelsDir} loaded but failed to run: ${errorMessage(err)}` };
  }

  return {
    modelId: cfg.modelId,
    dimension,
    embedQueries: (texts) => embedAll(texts, cfg.queryPrefix),
    embedPassages: (texts, onProgress) => embedAll(texts, cfg.passagePrefix, onProgress),
    dispose: () => extractor.dispose(),
  };
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

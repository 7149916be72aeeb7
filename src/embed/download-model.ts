/** Fetches the embedding model from the hub (or cfg.remoteHost mirror) into `<modelsDir>/<modelId>/`. */
import { configureTransformersEnv, missingModelFiles } from './embedder.js';
import { modelDirOf, requiredModelFiles, type EmbedConfig } from './model-config.js';

/** What transformers.js reports while fetching files (status 'initiate' | 'download' | 'progress' | 'done' | 'ready'). */
export interface DownloadProgress {
  status: string;
  name?: string;
  file?: string;
  /** 0–100, with status 'progress'. */
  progress?: number;
  loaded?: number;
  total?: number;
}

export interface DownloadResult {
  modelId: string;
  modelDir: string;
  files: string[];
}

/**
 * Loads the pipeline once with remote access on, so transformers.js writes every file it needs to
 * env.cacheDir/<modelId>/<file> = `<modelsDir>/<modelId>/<file>` — exactly where loadEmbedder looks
 * (see FileCache and the fsCacheKey in @xenova/transformers/src/utils/hub.js).
 * Throws when the network or the mirror fails, or when files are still missing afterwards.
 */
export async function downloadModel(
  cfg: EmbedConfig,
  onProgress?: (p: DownloadProgress) => void,
): Promise<DownloadResult> {
  const { pipeline } = await configureTransformersEnv(cfg, true);
  try {
    const extractor = await pipeline('feature-extraction', cfg.modelId, {
      quantized: cfg.quantized,
      progress_callback: onProgress,
    });
    await extractor.dispose();
  } finally {
    // Leave the process in the safe default: later loads in this process stay offline.
    await configureTransformersEnv(cfg, false);
  }
  const missing = missingModelFiles(cfg);
  if (missing.length > 0) {
    throw new Error(`download of ${cfg.modelId} finished but ${missing.join(', ')} missing under ${modelDirOf(cfg)}`);
  }
  return { modelId: cfg.modelId, modelDir: modelDirOf(cfg), files: requiredModelFiles(cfg) };
}

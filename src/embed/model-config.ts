/** Embedding-model configuration, read from the environment and validated with zod. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_EMBED_MODEL = 'Xenova/multilingual-e5-small';
export const DEFAULT_MODELS_DIR = path.join(REPO_ROOT, 'models');
export const DEFAULT_HF_REMOTE_HOST = 'https://huggingface.co/';

export interface EmbedConfig {
  /** Hugging Face style id, also the sub-path under modelsDir: `<modelsDir>/<modelId>/onnx/model_quantized.onnx`. */
  modelId: string;
  /** Absolute local model directory (git-ignored). */
  modelsDir: string;
  /** Hub or mirror host used only when allowRemote is true, always ending with '/'. */
  remoteHost: string;
  /** False at server start: never touch the network there; the download CLI sets it true. */
  allowRemote: boolean;
  /** Use onnx/model_quantized.onnx (true) or onnx/model.onnx (false). */
  quantized: boolean;
  /** Dense retrieval switched off entirely. */
  disabled: boolean;
  /** Prepended to questions / passages before embedding (e5 models are trained with 'query: ' / 'passage: '). */
  queryPrefix: string;
  passagePrefix: string;
  batchSize: number;
}

const boolFromEnv = (fallback: boolean) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      if (['1', 'true', 'yes', 'on'].includes(v)) return true;
      if (['0', 'false', 'no', 'off'].includes(v)) return false;
      ctx.addIssue({ code: 'custom', message: `expected a boolean (1/0, true/false, yes/no, on/off), got "${v}"` });
      return z.NEVER;
    });

const nonEmpty = (fallback: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : fallback));

const EnvSchema = z.object({
  EMBED_MODEL: nonEmpty(DEFAULT_EMBED_MODEL).pipe(
    z.string().regex(/^[\w.-]+(\/[\w.-]+)*$/, 'expected a model id like "Xenova/multilingual-e5-small"'),
  ),
  MODELS_DIR: nonEmpty(DEFAULT_MODELS_DIR),
  HF_REMOTE_HOST: nonEmpty(DEFAULT_HF_REMOTE_HOST).pipe(z.url({ protocol: /^https?$/ })),
  EMBED_ALLOW_REMOTE: boolFromEnv(false),
  EMBED_QUANTIZED: boolFromEnv(true),
  EMBED_DISABLED: boolFromEnv(false),
  EMBED_BATCH_SIZE: nonEmpty('16').pipe(z.string().regex(/^\d+$/, 'expected a positive integer').transform(Number)).pipe(z.number().int().min(1).max(256)),
  // Optional overrides for non-e5 models that want an instruction prefix (e.g. bge-zh).
  EMBED_QUERY_PREFIX: z.string().optional(),
  EMBED_PASSAGE_PREFIX: z.string().optional(),
});

/** e5 models expect 'query: ' / 'passage: ' prefixes; other models get none. */
export function prefixesFor(modelId: string): { queryPrefix: string; passagePrefix: string } {
  const isE5 = /(^|[^a-z0-9])e5([^a-z0-9]|$)/i.test(modelId);
  return isE5 ? { queryPrefix: 'query: ', passagePrefix: 'passage: ' } : { queryPrefix: '', passagePrefix: '' };
}

/**
 * Reads the embedding config from `env` (default process.env); `overrides` win over the environment.
 * Throws an Error naming the offending variable when a value is invalid.
 */
export function loadEmbedConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<EmbedConfig> = {},
): EmbedConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid embedding configuration: ${detail}`);
  }
  const e = parsed.data;
  const modelId = overrides.modelId ?? e.EMBED_MODEL;
  const prefixes = prefixesFor(modelId);
  const remoteHost = overrides.remoteHost ?? e.HF_REMOTE_HOST;
  return {
    modelId,
    modelsDir: path.resolve(overrides.modelsDir ?? e.MODELS_DIR),
    remoteHost: remoteHost.endsWith('/') ? remoteHost : `${remoteHost}/`,
    allowRemote: overrides.allowRemote ?? e.EMBED_ALLOW_REMOTE,
    quantized: overrides.quantized ?? e.EMBED_QUANTIZED,
    disabled: overrides.disabled ?? e.EMBED_DISABLED,
    queryPrefix: overrides.queryPrefix ?? e.EMBED_QUERY_PREFIX ?? prefixes.queryPrefix,
    passagePrefix: overrides.passagePrefix ?? e.EMBED_PASSAGE_PREFIX ?? prefixes.passagePrefix,
    batchSize: overrides.batchSize ?? e.EMBED_BATCH_SIZE,
  };
}

/** Files transformers.js reads for a feature-extraction pipeline, relative to `<modelsDir>/<modelId>/`. */
export function requiredModelFiles(cfg: Pick<EmbedConfig, 'quantized'>): string[] {
  return [
    'config.json',
    'tokenizer.json',
    'tokenizer_config.json',
    cfg.quantized ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx',
  ];
}

/** `<modelsDir>/<modelId>`: where loadEmbedder reads and downloadModel writes. */
export function modelDirOf(cfg: Pick<EmbedConfig, 'modelsDir' | 'modelId'>): string {
  return path.join(cfg.modelsDir, ...cfg.modelId.split('/'));
}

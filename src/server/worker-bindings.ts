/**
 * The Workers side of the app's seams: Cloudflare bindings adapted to the interfaces the shared routes use
 * (rate limiter, web assets, dense search). The Node server fills the same seams with memory, disk and HNSW.
 */
import type { Ai, D1Database, Fetcher, RateLimit, VectorizeIndex } from '@cloudflare/workers-types/index.js';
import type { DenseOption, RetrieverStatus } from '../answer/engine.js';
import type { DenseSearch } from '../retrieve/retriever.js';
import type { RateLimiter } from './rate-limit.js';
import { contentTypeOf, isAssetName, type AssetSource } from './web-assets.js';

/** Multilingual (Chinese and English), 1024 dimensions; the Vectorize index must be built with the same model. */
export const DEFAULT_WORKERS_EMBED_MODEL = '@cf/baai/bge-m3';

/** Bindings and variables declared in wrangler.toml (vars are strings; secrets such as ADMIN_TOKEN too). */
export interface WorkerEnv {
  DB: D1Database;
  ASSETS?: Fetcher;
  RATE_LIMITER?: RateLimit;
  AI?: Ai;
  VECTORS?: VectorizeIndex;
  /** Workers AI embedding model the Vectorize index was built with. */
  EMBED_MODEL?: string;
  ADMIN_TOKEN?: string;
  WIDGET_ORIGINS?: string;
  REQUEST_TIMEOUT_MS?: string;
  LOG_REQUESTS?: string;
  /** "0" switches the rate limit off; any other value keeps the binding's limit (set in wrangler.toml). */
  RATE_LIMIT_PER_MIN?: string;
  RETENTION_DAYS?: string;
}

/** The Rate Limiting binding counts per key at Cloudflare's edge, across isolates; its period is fixed at 60 s here. */
export function bindingLimiter(binding: RateLimit, periodSec = 60): RateLimiter {
  return {
    async take(key) {
      const { success } = await binding.limit({ key });
      return success ? { ok: true } : { ok: false, retryAfterSec: periodSec };
    },
  };
}

/** web/dist through the static-assets binding; the Worker runs first, so its routes keep their headers and checks. */
export function bindingAssets(assets: Fetcher): AssetSource {
  return async (path) => {
    if (!isAssetName(path)) return null;
    const res = await assets.fetch(`https://assets.invalid/${path}`);
    if (!res.ok) return null;
    return { body: new Uint8Array(await res.arrayBuffer()), type: contentTypeOf(path) };
  };
}

/** Query embedding by Workers AI, nearest passages from Vectorize (whose ids are the passage ids). */
export function workersAiDense(ai: Ai, vectors: VectorizeIndex, modelId: string): DenseSearch {
  return {
    modelId,
    async search(query, k) {
      const out = (await ai.run(modelId as Parameters<Ai['run']>[0], { text: [query] } as never)) as { data?: number[][] };
      const vector = out.data?.[0];
      if (!vector) throw new Error(`${modelId} returned no embedding`);
      const res = await vectors.query(vector, { topK: Math.min(k, 100) });
      return res.matches.map((m) => ({ chunkId: m.id, score: m.score }));
    },
  };
}

/**
 * Dense retrieval when both bindings are there and answer a probe query; otherwise the reason, shown in /healthz.
 * A later failure of either service drops that one query to the lexical ranking instead of failing the answer.
 */
export async function denseFromBindings(env: Pick<WorkerEnv, 'AI' | 'VECTORS' | 'EMBED_MODEL'>): Promise<{ dense?: DenseOption; off?: RetrieverStatus['dense'] }> {
  if (!env.AI || !env.VECTORS) return { off: { active: false, detail: 'no AI and VECTORS bindings: lexical retrieval only' } };
  const modelId = env.EMBED_MODEL || DEFAULT_WORKERS_EMBED_MODEL;
  const remote = workersAiDense(env.AI, env.VECTORS, modelId);
  try {
    await remote.search('武进区', 1);
  } catch (err) {
    return { off: { active: false, modelId, detail: `Workers AI / Vectorize unavailable (${String(err)}): lexical retrieval only` } };
  }
  const search: DenseSearch = {
    modelId,
    search: (q, k) =>
      remote.search(q, k).catch((err: unknown) => {
        console.error(JSON.stringify({ level: 'error', message: `dense search failed, lexical only: ${String(err)}` }));
        return [];
      }),
  };
  return { dense: { search, status: { active: true, modelId, detail: `Vectorize index (VECTORS) queried with Workers AI ${modelId}` } } };
}

/**
 * The Worker's binding adapters, run on Node against stand-ins for Workers AI and Vectorize (no model is involved:
 * the stand-in "embedding" is a fixed vector, and the stand-in index returns chosen passage ids). What is tested is
 * the wiring: probe, hybrid fusion with Vectorize's ids, fallback to lexical, the status /healthz reports.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { QaEngine, type EngineData } from '../src/answer/engine.js';
import { buildEngineData } from '../src/answer/load-engine.js';
import { bindingLimiter, denseFromBindings } from '../src/server/worker-bindings.js';

type Env = Parameters<typeof denseFromBindings>[0];

let data: EngineData;
beforeAll(() => {
  data = buildEngineData();
});

function standIns(matchIds: () => string[], failAi = () => false) {
  const calls: { model: string; text: string[] }[] = [];
  const ai = {
    run: async (model: string, input: { text: string[] }) => {
      calls.push({ model, text: input.text });
      if (failAi()) throw new Error('AI unreachable');
      return { shape: [1, 3], data: [[0.1, 0.2, 0.3]] };
    },
  };
  const vectors = {
    query: async (_v: number[], opts: { topK: number }) => ({
      count: 0,
      matches: matchIds()
        .slice(0, opts.topK)
        .map((id, i) => ({ id, score: 1 - i / 100 })),
    }),
  };
  return { env: { AI: ai, VECTORS: vectors } as unknown as Env, calls };
}

describe('dense retrieval through Workers AI and Vectorize bindings', () => {
  it('is off, with the reason, without the bindings', async () => {
    const { dense, off } = await denseFromBindings({});
    expect(dense).toBeUndefined();
    expect(off).toMatchObject({ active: false, detail: expect.stringMatching(/no AI and VECTORS bindings/) });
    expect(new QaEngine(data, dense, off).retriever.mode).toBe('lexical');
  });

  it('is off when the probe query fails (as in local workerd), and says why', async () => {
    const { env } = standIns(() => [], () => true);
    const { dense, off } = await denseFromBindings({ ...env, EMBED_MODEL: '@cf/baai/bge-m3' });
    expect(dense).toBeUndefined();
    expect(off).toMatchObject({ active: false, modelId: '@cf/baai/bge-m3', detail: expect.stringMatching(/AI unreachable/) });
  });

  it('fuses Vectorize hits (passage ids) with BM25 and reports itself active', async () => {
    // The stand-in index ranks the passage with the 2025 GDP first, as a good embedding would.
    const gdp = data.documents.flatMap((d) => d.chunks).find((c) => c.pageContent.includes('地区生产总值3570亿元'))!;
    const { env, calls } = standIns(() => [gdp.metadata.id, 'stale-id-from-an-older-corpus']);
    const { dense, off } = await denseFromBindings(env);
    expect(off).toBeUndefined();
    const engine = new QaEngine(data, dense);
    expect(engine.retriever.mode).toBe('hybrid');
    expect(engine.status.dense).toMatchObject({ active: true, modelId: '@cf/baai/bge-m3' });
    const res = await engine.answer('What was the GDP in 2025?', { explain: true });
    expect(res.found).toBe(true);
    expect(res.answer).toContain('3570亿元');
    expect(calls.at(-1)!.model).toBe('@cf/baai/bge-m3');
    const hit = res.passages!.find((p) => p.chunkId === gdp.metadata.id)!;
    expect(hit.denseRank).toBe(1);
  });

  it('answers lexically when the services fail after the probe', async () => {
    let failing = false;
    const { env } = standIns(() => [], () => failing);
    const { dense } = await denseFromBindings(env);
    failing = true;
    const res = await new QaEngine(data, dense).answer('2025年武进区地区生产总值是多少？');
    expect(res.found).toBe(true);
    expect(res.answer).toContain('3570亿元');
  });
});

describe('rate limiting through the Rate Limiting binding', () => {
  it('passes while the binding allows, then refuses with a Retry-After of the period', async () => {
    let n = 0;
    const limiter = bindingLimiter({ limit: async ({ key }: { key: string }) => ({ success: key === 'a' && ++n <= 2 }) } as never);
    expect(await limiter.take('a')).toEqual({ ok: true });
    expect(await limiter.take('a')).toEqual({ ok: true });
    expect(await limiter.take('a')).toEqual({ ok: false, retryAfterSec: 60 });
    expect(await limiter.take('b')).toEqual({ ok: false, retryAfterSec: 60 });
  });
});

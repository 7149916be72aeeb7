/** The Vectorize upload file: Workers AI is called per batch with the passages' text, and ids are passage ids. */
import { describe, expect, it } from 'vitest';
import { embedPassages } from '../src/cli/worker-vectors.js';

describe('npm run worker:vectors', () => {
  const passages = Array.from({ length: 120 }, (_, i) => ({ id: `doc:${i}`, docId: 'doc', text: `段落${i}` }));

  it('embeds in batches of 50 with the model and token, one record per passage in order', async () => {
    const calls: { url: string; auth: string | null; texts: string[] }[] = [];
    const fakeApi = (async (url: string, init: RequestInit) => {
      const texts = (JSON.parse(String(init.body)) as { text: string[] }).text;
      calls.push({ url, auth: new Headers(init.headers).get('authorization'), texts });
      return Response.json({ success: true, result: { shape: [texts.length, 3], data: texts.map((t) => [t.length, 0, 1]) } });
    }) as unknown as typeof fetch;
    const records = await embedPassages({ apiBase: 'https://api.example', accountId: 'acc', token: 'tok', model: '@cf/baai/bge-m3', passages, fetchImpl: fakeApi });
    expect(calls.map((c) => c.texts.length)).toEqual([50, 50, 20]);
    expect(calls[0]).toMatchObject({ url: 'https://api.example/accounts/acc/ai/run/@cf/baai/bge-m3', auth: 'Bearer tok' });
    expect(records.map((r) => r.id)).toEqual(passages.map((p) => p.id));
    expect(records[100]).toEqual({ id: 'doc:100', values: ['段落100'.length, 0, 1], metadata: { docId: 'doc' } });
  });

  it('stops with the API error rather than writing a partial file', async () => {
    const failing = (async () => Response.json({ success: false, errors: [{ message: 'Authentication error' }] }, { status: 401 })) as unknown as typeof fetch;
    await expect(embedPassages({ apiBase: 'x', accountId: 'a', token: 't', model: 'm', passages, fetchImpl: failing })).rejects.toThrow(/HTTP 401.*Authentication error/);
  });
});

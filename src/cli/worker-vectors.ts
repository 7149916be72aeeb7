/**
 * `npm run worker:vectors`: the passage vectors for the Worker's Vectorize index, embedded by Workers AI with the
 * same model the Worker embeds questions with (EMBED_MODEL, default @cf/baai/bge-m3), written as NDJSON for
 * `wrangler vectorize insert`. Needs CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN (Workers AI: Read) and the
 * network; vectors from the local model (multilingual-e5-small) would not match Workers AI's query embeddings.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../ingest/load-corpus.js';
import { DEFAULT_WORKERS_EMBED_MODEL } from '../server/worker-bindings.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BATCH = 50;

export interface VectorRecord {
  id: string;
  values: number[];
  metadata: { docId: string };
}

/** Embeds every passage, BATCH texts per Workers AI call; the record id is the passage id the engine knows. */
export async function embedPassages(opts: {
  apiBase: string;
  accountId: string;
  token: string;
  model: string;
  passages: { id: string; docId: string; text: string }[];
  fetchImpl?: typeof fetch;
}): Promise<VectorRecord[]> {
  const doFetch = opts.fetchImpl ?? fetch;
  const out: VectorRecord[] = [];
  for (let i = 0; i < opts.passages.length; i += BATCH) {
    const batch = opts.passages.slice(i, i + BATCH);
    const res = await doFetch(`${opts.apiBase}/accounts/${opts.accountId}/ai/run/${opts.model}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${opts.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: batch.map((p) => p.text) }),
    });
    const body = (await res.json()) as { success?: boolean; result?: { data?: number[][] }; errors?: unknown[] };
    const data = body.result?.data;
    if (!res.ok || !data || data.length !== batch.length) {
      throw new Error(`Workers AI ${opts.model}: HTTP ${res.status} ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
    }
    batch.forEach((p, j) => out.push({ id: p.id, values: data[j]!, metadata: { docId: p.docId } }));
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
  const token = process.env.CLOUDFLARE_API_TOKEN;
  if (!accountId || !token) {
    console.error('set CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN (a token with Workers AI access)');
    process.exit(2);
  }
  const model = process.env.EMBED_MODEL || DEFAULT_WORKERS_EMBED_MODEL;
  const passages = loadCorpus().flatMap((d) => d.chunks.map((c) => ({ id: c.metadata.id, docId: c.metadata.docId, text: c.pageContent })));
  const records = await embedPassages({ apiBase: process.env.CLOUDFLARE_API_BASE || 'https://api.cloudflare.com/client/v4', accountId, token, model, passages });
  const file = join(ROOT, 'dist', 'worker', 'vectors.ndjson');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const dims = records[0]?.values.length ?? 0;
  console.log(`${records.length} passage vectors (${dims} dimensions, ${model}) → ${file}
next:
  npx wrangler vectorize create wujin-qa-bge-m3 --dimensions=${dims} --metric=cosine   # once
  npx wrangler vectorize insert wujin-qa-bge-m3 --file=${file}`);
}

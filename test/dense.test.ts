import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document } from '@langchain/core/documents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadModel } from '../src/embed/download-model.js';
import { isEmbedderUnavailable, loadEmbedder, type Embedder } from '../src/embed/embedder.js';
import { loadEmbedConfig, prefixesFor, type EmbedConfig } from '../src/embed/model-config.js';
import { DENSE_FILE, loadOrBuildDenseIndex } from '../src/index/dense-index.js';
import { createDenseRetriever } from '../src/index/dense-retriever.js';
import { MANIFEST_FILE, hashChunks, readManifest, sha256File, writeManifestSection } from '../src/index/manifest.js';
import type { Chunk, ChunkMetadata } from '../src/ingest/types.js';
import { FIXTURE_HIDDEN_SIZE, FIXTURE_MODEL_ID, makeFixtureModel, type FixtureModelInfo } from './fixtures/make-fixture-model.js';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const MODELS_DIR = path.join(REPO, '.tmp', 'fixture-models');
const WORK_DIR = path.join(REPO, '.tmp', `dense-test-${process.pid}`);

/** Independent of the ingestion module: one chunk per distinct non-trivial line of the raw corpus. */
function chunksFromCorpusLines(): Chunk[] {
  const corpusDir = path.join(REPO, 'corpus');
  const seen = new Set<string>();
  const chunks: Chunk[] = [];
  for (const file of fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort()) {
    const docId = path.basename(file, '.txt');
    let offset = 0;
    for (const line of fs.readFileSync(path.join(corpusDir, file), 'utf8').split('\n')) {
      const text = line.trim();
      const start = offset;
      offset += line.length + 1;
      if (text.length < 12 || seen.has(text)) continue;
      seen.add(text);
      const metadata: ChunkMetadata = {
        id: `${docId}:${chunks.length}`,
        docId,
        docTitle: docId,
        section: [],
        kind: 'paragraph',
        start,
        end: start + line.length,
        timeScope: [],
        region: 'wujin',
      };
      chunks.push(new Document({ pageContent: text, metadata }));
    }
  }
  return chunks;
}

function fixtureConfig(overrides: Partial<EmbedConfig> = {}): EmbedConfig {
  return loadEmbedConfig({}, { modelId: FIXTURE_MODEL_ID, modelsDir: MODELS_DIR, ...overrides });
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Wraps an embedder to count passage-embedding calls (a loaded index must not re-embed). */
function countingEmbedder(inner: Embedder) {
  const counter = { passageCalls: 0 };
  const wrapped: Embedder = {
    ...inner,
    embedPassages: (texts, onProgress) => {
      counter.passageCalls++;
      return inner.embedPassages(texts, onProgress);
    },
  };
  return { embedder: wrapped, counter };
}

let fixture: FixtureModelInfo;
let fixtureMs: number;
let embedder: Embedder;
let chunks: Chunk[];

beforeAll(async () => {
  const t0 = performance.now();
  fixture = makeFixtureModel(MODELS_DIR);
  fixtureMs = performance.now() - t0;
  const loaded = await loadEmbedder(fixtureConfig());
  if (isEmbedderUnavailable(loaded)) throw new Error(loaded.unavailable);
  embedder = loaded;
  chunks = chunksFromCorpusLines();
});

afterAll(async () => {
  await embedder?.dispose();
  fs.rmSync(WORK_DIR, { recursive: true, force: true });
});

describe('fixture model', () => {
  it('is generated quickly, in the transformers.js layout, and labelled as a fixture', () => {
    expect(fixtureMs).toBeLessThan(2000);
    expect(fixture.modelId.startsWith('fixture/')).toBe(true);
    for (const rel of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx', 'onnx/model_quantized.onnx']) {
      expect(fs.existsSync(path.join(fixture.modelDir, rel)), rel).toBe(true);
    }
    const config = JSON.parse(fs.readFileSync(path.join(fixture.modelDir, 'config.json'), 'utf8'));
    expect(config._comment).toMatch(/TEST FIXTURE.*NOT a real embedding model/);
    expect(config.hidden_size).toBe(FIXTURE_HIDDEN_SIZE);
  });

  it('is deterministic', () => {
    const again = makeFixtureModel(path.join(WORK_DIR, 'fixture-again'));
    for (const rel of ['tokenizer.json', 'onnx/model.onnx']) {
      expect(sha256File(path.join(again.modelDir, rel))).toBe(sha256File(path.join(fixture.modelDir, rel)));
    }
  });
});

describe('model config', () => {
  it('defaults to the offline e5 setup', () => {
    const cfg = loadEmbedConfig({});
    expect(cfg.modelId).toBe('Xenova/multilingual-e5-small');
    expect(cfg.modelsDir).toBe(path.join(REPO, 'models'));
    expect(cfg.remoteHost).toBe('https://huggingface.co/');
    expect(cfg.allowRemote).toBe(false);
    expect(cfg.quantized).toBe(true);
    expect(cfg.disabled).toBe(false);
    expect([cfg.queryPrefix, cfg.passagePrefix]).toEqual(['query: ', 'passage: ']);
  });

  it('reads the environment and validates it', () => {
    const cfg = loadEmbedConfig({
      EMBED_MODEL: 'Xenova/bge-small-zh-v1.5',
      HF_REMOTE_HOST: 'https://hf-mirror.com',
      EMBED_ALLOW_REMOTE: 'true',
      EMBED_QUANTIZED: '0',
      EMBED_DISABLED: 'no',
    });
    expect(cfg.remoteHost).toBe('https://hf-mirror.com/');
    expect([cfg.allowRemote, cfg.quantized, cfg.disabled]).toEqual([true, false, false]);
    expect([cfg.queryPrefix, cfg.passagePrefix]).toEqual(['', '']);
    expect(() => loadEmbedConfig({ EMBED_QUANTIZED: 'maybe' })).toThrow(/EMBED_QUANTIZED/);
    expect(() => loadEmbedConfig({ HF_REMOTE_HOST: 'not a url' })).toThrow(/HF_REMOTE_HOST/);
    expect(prefixesFor('intfloat/e5-base-v2').queryPrefix).toBe('query: ');
    expect(prefixesFor(FIXTURE_MODEL_ID).queryPrefix).toBe('');
  });
});

describe('embedder (fixture model)', () => {
  it('reports the hidden size as dimension and returns unit vectors', async () => {
    expect(embedder.modelId).toBe(FIXTURE_MODEL_ID);
    expect(embedder.dimension).toBe(FIXTURE_HIDDEN_SIZE);
    const vectors = await embedder.embedPassages(chunks.slice(0, 20).map((c) => c.pageContent));
    expect(vectors).toHaveLength(20);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(FIXTURE_HIDDEN_SIZE);
      expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
    }
  });

  it('mean pooling ignores padding: a text embeds the same alone and next to a longer text', async () => {
    const short = '武进区政府工作报告';
    const long = chunks.find((c) => c.pageContent.length > 200)!.pageContent;
    const [alone] = await embedder.embedQueries([short]);
    const [inBatch] = await embedder.embedQueries([short, long]);
    for (let i = 0; i < alone.length; i++) expect(Math.abs(alone[i] - inBatch[i])).toBeLessThan(1e-5);
  });

  it('identical texts give cosine 1, different texts less', async () => {
    const [a, b, c] = await embedder.embedQueries(['制造业高质量发展', '制造业高质量发展', '居民人均可支配收入增长']);
    expect(dot(a, b)).toBeCloseTo(1, 5);
    expect(dot(a, c)).toBeLessThan(0.999);
  });

  it('reports progress per batch', async () => {
    const seen: [number, number][] = [];
    await embedder.embedPassages(chunks.slice(0, 40).map((c) => c.pageContent), (done, total) => seen.push([done, total]));
    expect(seen).toEqual([[16, 40], [32, 40], [40, 40]]);
  });
});

describe('missing model', () => {
  it('returns { unavailable } naming the model and directory, fast', async () => {
    const emptyDir = path.join(WORK_DIR, 'no-models-here');
    const t0 = performance.now();
    const result = await loadEmbedder(loadEmbedConfig({}, { modelsDir: emptyDir }));
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(1000);
    expect(isEmbedderUnavailable(result)).toBe(true);
    const reason = (result as { unavailable: string }).unavailable;
    expect(reason).toContain('Xenova/multilingual-e5-small');
    expect(reason).toContain(emptyDir);
    expect(reason).toContain('model:download');
  });

  it('says so when embeddings are disabled', async () => {
    const result = await loadEmbedder(fixtureConfig({ disabled: true }));
    expect(result).toEqual({ unavailable: expect.stringContaining('EMBED_DISABLED') });
  });
});

describe('dense index', () => {
  const indexDir = path.join(WORK_DIR, 'index');
  let corpusHash: string;

  beforeAll(() => {
    corpusHash = hashChunks(chunks);
  });

  it('builds over the corpus and writes the .hnsw file and manifest', async () => {
    expect(chunks.length).toBeGreaterThanOrEqual(200);
    const lines: string[] = [];
    const progress: number[] = [];
    const result = await loadOrBuildDenseIndex({ embedder, chunks, corpusHash, indexDir, log: (l) => lines.push(l), onProgress: (d) => progress.push(d) });
    expect(result.action).toBe('built');
    expect(result.reason).toMatch(/no manifest\.json/);
    expect(lines[0]).toMatch(/rebuilding.*no manifest\.json/);
    expect(progress.at(-1)).toBe(chunks.length);

    const file = path.join(indexDir, DENSE_FILE);
    expect(fs.existsSync(file)).toBe(true);
    const read = readManifest(indexDir);
    if (!('manifest' in read)) throw new Error(read.problem);
    const m = read.manifest;
    expect(m.version).toBe(1);
    expect(m.corpusHash).toBe(corpusHash);
    expect(m.chunkCount).toBe(chunks.length);
    expect(m.chunkIds).toEqual(chunks.map((c) => c.metadata.id));
    expect(m.dense).toMatchObject({ modelId: FIXTURE_MODEL_ID, dimension: FIXTURE_HIDDEN_SIZE, file: DENSE_FILE, sha256: sha256File(file) });
    expect(Number.isNaN(Date.parse(m.dense!.builtAt))).toBe(false);
    expect(fs.readdirSync(indexDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reloads without re-embedding when everything matches', async () => {
    const { embedder: counting, counter } = countingEmbedder(embedder);
    const lines: string[] = [];
    const result = await loadOrBuildDenseIndex({ embedder: counting, chunks, corpusHash, indexDir, log: (l) => lines.push(l) });
    expect(result.action).toBe('loaded');
    expect(counter.passageCalls).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/loaded/);
    expect(result.index.size).toBe(chunks.length);
  });

  it('finds a passage from its own text as top-1 with cosine ~1', async () => {
    const { index } = await loadOrBuildDenseIndex({ embedder, chunks, corpusHash, indexDir, log: () => {} });
    const sample = chunks.filter((_, i) => i % Math.floor(chunks.length / 25) === 0);
    const vectors = await embedder.embedQueries(sample.map((c) => c.pageContent));
    sample.forEach((chunk, i) => {
      const hits = index.search(vectors[i], 5);
      expect(hits).toHaveLength(5);
      expect(hits[0].chunkId).toBe(chunk.metadata.id);
      expect(hits[0].score).toBeGreaterThan(0.9999);
      expect(hits[1].score).toBeLessThanOrEqual(hits[0].score);
    });
    // k is capped at the element count, never an error.
    expect(index.search(vectors[0], chunks.length + 50)).toHaveLength(chunks.length);
    expect(index.search(vectors[0], 0)).toEqual([]);
  });

  it('rebuilds when the corpus hash changes', async () => {
    const lines: string[] = [];
    const result = await loadOrBuildDenseIndex({ embedder, chunks, corpusHash: 'another-corpus', indexDir, log: (l) => lines.push(l) });
    expect(result.action).toBe('built');
    expect(result.reason).toMatch(/corpus hash changed/);
    expect(lines[0]).toMatch(/rebuilding.*corpus hash changed/);
    // And back: the old hash is now stale in turn.
    const back = await loadOrBuildDenseIndex({ embedder, chunks, corpusHash, indexDir, log: () => {} });
    expect(back.reason).toMatch(/corpus hash changed/);
  });

  it('rebuilds when the model or the chunk list changes', async () => {
    const otherModel: Embedder = { ...embedder, modelId: 'fixture/other-model' };
    const byModel = await loadOrBuildDenseIndex({ embedder: otherModel, chunks, corpusHash, indexDir, log: () => {} });
    expect(byModel.reason).toMatch(/model changed/);
    const fewer = chunks.slice(1);
    const byChunks = await loadOrBuildDenseIndex({ embedder, chunks: fewer, corpusHash, indexDir, log: () => {} });
    expect(byChunks.reason).toMatch(/chunk count changed/);
    const restored = await loadOrBuildDenseIndex({ embedder, chunks, corpusHash, indexDir, log: () => {} });
    expect(restored.action).toBe('built');
  });

  it('detects a corrupted .hnsw file by checksum and rebuilds without crashing', async () => {
    const file = path.join(indexDir, DENSE_FILE);
    const bytes = fs.readFileSync(file);
    bytes.fill(0xff, 100, 400); // overwrite bytes in place
    fs.writeFileSync(file, bytes);
    const overwritten = await loadOrBuildDenseIndex({ embedder, chunks, corpusHash, indexDir, log: () => {} });
    expect(overwritten.action).toBe('built');
    expect(overwritten.reason).toMatch(/checksum mismatch/);

    fs.truncateSync(file, 64);
    const truncated = await loadOrBuildDenseIndex({ embedder, chunks, corpusHash, indexDir, log: () => {} });
    expect(truncated.reason).toMatch(/checksum mismatch/);

    fs.rmSync(file);
    const missing = await loadOrBuildDenseIndex({ embedder, chunks, corpusHash, indexDir, log: () => {} });
    expect(missing.reason).toMatch(/missing/);

    const healthy = await loadOrBuildDenseIndex({ embedder, chunks, corpusHash, indexDir, log: () => {} });
    expect(healthy.action).toBe('loaded');
  });

  it('rebuilds when the manifest is not valid JSON', async () => {
    fs.writeFileSync(path.join(indexDir, MANIFEST_FILE), '{"version": 1, "corpusHa');
    const result = await loadOrBuildDenseIndex({ embedder, chunks, corpusHash, indexDir, log: () => {} });
    expect(result.reason).toMatch(/not valid JSON/);
  });

  it('keeps other manifest sections only for the same corpus', () => {
    const dir = path.join(WORK_DIR, 'manifest-sections');
    const chunkIds = ['a:0', 'a:1'];
    writeManifestSection(dir, { corpusHash: 'h1', chunkIds }, { lexical: { file: 'lexical.json' } });
    writeManifestSection(dir, { corpusHash: 'h1', chunkIds }, { dense: { modelId: 'm', dimension: 2, builtAt: 'now', file: 'dense.hnsw', sha256: '0'.repeat(64) } });
    let read = readManifest(dir);
    expect('manifest' in read && read.manifest.lexical).toEqual({ file: 'lexical.json' });
    writeManifestSection(dir, { corpusHash: 'h2', chunkIds }, { dense: { modelId: 'm', dimension: 2, builtAt: 'now', file: 'dense.hnsw', sha256: '0'.repeat(64) } });
    read = readManifest(dir);
    expect('manifest' in read && read.manifest.lexical).toBeUndefined();
  });
});

describe('createDenseRetriever', () => {
  it('embeds the question and searches', async () => {
    const indexDir = path.join(WORK_DIR, 'retriever-index');
    const retriever = await createDenseRetriever({ cfg: fixtureConfig(), chunks, corpusHash: hashChunks(chunks), indexDir, log: () => {} });
    if ('unavailable' in retriever) throw new Error(retriever.unavailable);
    const target = chunks[42];
    const hits = await retriever.search(target.pageContent, 3);
    expect(hits[0].chunkId).toBe(target.metadata.id);
    expect(retriever.modelId).toBe(FIXTURE_MODEL_ID);
  });

  it('is unavailable, not thrown, when the model is missing', async () => {
    const result = await createDenseRetriever({
      cfg: loadEmbedConfig({}, { modelsDir: path.join(WORK_DIR, 'nothing') }),
      chunks,
      corpusHash: 'x',
      indexDir: path.join(WORK_DIR, 'unused-index'),
      log: () => {},
    });
    expect(result).toEqual({ unavailable: expect.stringMatching(/Xenova\/multilingual-e5-small not found/) });
    expect(fs.existsSync(path.join(WORK_DIR, 'unused-index'))).toBe(false);
  });
});

describe('downloadModel', () => {
  // No internet here: a localhost "mirror" serving the fixture in the hub's URL layout
  // ({model}/resolve/main/{file}) proves the download lands where loadEmbedder reads.
  let server: http.Server;
  let host: string;
  const requested: string[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requested.push(req.url ?? '');
      const prefix = `/${FIXTURE_MODEL_ID}/resolve/main/`;
      const rel = decodeURIComponent(req.url ?? '').startsWith(prefix) ? decodeURIComponent(req.url!).slice(prefix.length) : '';
      const file = path.join(fixture.modelDir, rel);
      if (!rel || rel.includes('..') || !fs.existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-length': fs.statSync(file).size }).end(fs.readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('writes <modelsDir>/<modelId>/... which loadEmbedder then loads offline', async () => {
    const modelsDir = path.join(WORK_DIR, 'downloaded-models');
    const cfg = loadEmbedConfig({}, { modelId: FIXTURE_MODEL_ID, modelsDir, remoteHost: host });
    expect(await loadEmbedder(cfg)).toHaveProperty('unavailable');

    const statuses = new Set<string>();
    const result = await downloadModel(cfg, (p) => statuses.add(p.status));
    expect(result.modelDir).toBe(path.join(modelsDir, 'fixture', 'tiny-bert-zh'));
    expect(fs.existsSync(path.join(result.modelDir, 'onnx', 'model_quantized.onnx'))).toBe(true);
    expect(requested.some((u) => u.endsWith('/onnx/model_quantized.onnx'))).toBe(true);
    expect(statuses.has('done')).toBe(true);

    server.closeAllConnections();
    const loaded = await loadEmbedder(cfg); // allowRemote false: purely local now
    if (isEmbedderUnavailable(loaded)) throw new Error(loaded.unavailable);
    const [v] = await loaded.embedQueries(['武进']);
    const [expected] = await embedder.embedQueries(['武进']);
    expect(Array.from(v)).toEqual(Array.from(expected));
    await loaded.dispose();
  });
});
